// What other parts of the server use of the files module: everything else in it is its own.
export { presentFile } from './files.presenter.ts';
export {
  XLSX_MIME, attachFiles, checkAnonymousFile, claimUpload, withStoredFiles, type CheckedFile, copyFilesTo, detachFiles, fileBytes, freeUploadOf, listFilesOf, registerFileOwnerAccess, storageOf, storeSpreadsheet, type FileRow,
} from './files.service.ts';
export { filesRootOf } from './files.storage.ts';
