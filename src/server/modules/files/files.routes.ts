import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FILE_PURPOSES, filesRoutes as r } from '../../../contract/files.ts';
import type { AppContext } from '../../context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { readingMultipart } from '../../http/multipart.ts';
import { registerRoute } from '../../http/route.ts';
import { type FilePurpose, XLSX_MIME, openFileForDownload, uploadFile } from './files.service.ts';
import { StoredObjectMissing } from './files.storage.ts';

/** RFC 5987 value: encodeURIComponent leaves ' ( ) * ! which are not attr-chars. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function contentDisposition(type: 'inline' | 'attachment', name: string, ext: string) {
  return `${type}; filename="file.${ext}"; filename*=UTF-8''${rfc5987(name)}`;
}

const EXT: Record<string, string> = { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf', [XLSX_MIME]: 'xlsx' };

/** The one file part (field `file`) and the optional `purpose` field, in either order. */
async function readUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer; purpose: FilePurpose | null }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', '请以表单方式上传文件');
  const { file, purpose } = await readingMultipart(async () => {
    let file: { filename: string; data: Buffer } | null = null;
    let purpose: string | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer(); // over the size limit → 413 envelope
        if (part.fieldname === 'file' && !file) file = { filename: part.filename, data };
      } else if (part.fieldname === 'purpose' && typeof part.value === 'string' && part.value !== '') {
        purpose = part.value;
      }
    }
    return { file, purpose };
  });
  if (!file) throw invalid({ file: ['请选择要上传的文件'] }, '请选择要上传的文件');
  if (purpose !== null && !(FILE_PURPOSES as readonly string[]).includes(purpose)) throw invalid({ purpose: ['用途无效'] });
  return { ...file, purpose: purpose as FilePurpose | null };
}

export function registerFileRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, r.limits, { permission: 'upload:file' }, async () => ({
    maxBytes: ctx.config.uploadMaxBytes, photoTypes: ['image/jpeg', 'image/png', 'image/webp'], documentTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  }));
  // Every signed-in role may upload: enterprises send rectification photos too.
  registerRoute(app, r.upload, { permission: 'upload:file' }, async ({ actor, req }) => uploadFile(ctx, actor, await readUpload(req)));

  registerRoute(app, r.download, { permission: 'read:file' }, async ({ actor, params, req, reply }) => {
    let opened;
    try {
      opened = await openFileForDownload(ctx, actor, params.id);
    } catch (e) {
      if (!(e instanceof StoredObjectMissing)) throw e;
      req.log.error({ fileId: params.id, key: e.key }, 'file row without stored content');
      throw notFound('文件');
    }
    const { file, stream } = opened;
    const ext = EXT[file.mime] ?? 'bin';
    reply
      .header('content-type', file.mime)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.kind === 'document' ? 'attachment' : 'inline', file.originalName, ext))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600');
    return reply.send(stream);
  });
}
