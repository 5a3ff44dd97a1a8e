// What other parts of the server use of the files module: everything else in it is its own.
export { presentFile } from './files.presenter.ts';
export { attachFiles, copyFilesTo, detachFiles, listFilesOf, registerFileOwnerAccess, storageOf, type FileRow } from './files.service.ts';
