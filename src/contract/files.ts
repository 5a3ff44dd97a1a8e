import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { IdParams } from './common.ts';

export const FILE_KINDS = ['photo', 'document', 'video'] as const;
/** What an upload is for; decides which checks apply (photos only for before/after and inspection answers). */
export const FILE_PURPOSES = ['before', 'after', 'plan', 'evidence', 'report', 'inspection', 'case'] as const;

export const StoredFile = z.object({
  id: z.string(),
  kind: z.enum(FILE_KINDS),
  purpose: z.enum(FILE_PURPOSES).nullable(),
  mime: z.string(),
  size: int(),
  originalName: z.string(),
  createdAt: z.string(),
  url: z.string(), // GET this to download (session cookie required)
});
export type TStoredFile = z.infer<typeof StoredFile>;

/** What the server accepts, so a page can say it and check a file before sending it. */
export const UploadLimits = z.object({ maxBytes: int(), photoTypes: z.array(z.string()), documentTypes: z.array(z.string()) });
export type TUploadLimits = z.infer<typeof UploadLimits>;

export const filesRoutes = {
  limits: defineRoute({ method: 'GET', path: '/api/files/limits', summary: '上传限制（大小上限和允许的格式）', tag: 'files', response: UploadLimits }),
  upload: defineRoute({
    method: 'POST', path: '/api/files', summary: '上传照片（JPEG/PNG/WebP）或文件（PDF），可在记录保存前上传', tag: 'files',
    multipart: true, response: StoredFile,
  }),
  download: defineRoute({ method: 'GET', path: '/api/files/:id', summary: '下载文件（仅限有权查看其所属记录的用户）', tag: 'files', params: IdParams, responseType: 'file' }),
};
