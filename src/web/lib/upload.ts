// Uploads one file to POST /api/files through the one API client (session cookie and CSRF
// header included). A file can be uploaded before the record it belongs to is saved; the
// record is then created or updated with the returned ids.
import { FILE_PURPOSES, type TStoredFile, filesRoutes } from '../../contract/files.ts';
import { ApiError, api } from './api.ts';

export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** What the server accepts (contract: JPEG/PNG/WebP photos, PDF documents). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DOCUMENT_TYPES = [...PHOTO_TYPES, 'application/pdf'] as const;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why a file cannot be uploaded for this purpose, checked before sending it, or null.
 * The server checks again (by content, not by name).
 */
export function uploadProblem(file: File, allowed: readonly string[]): string | null {
  if (file.size === 0) return `「${file.name}」是空文件`;
  // Some phones leave the type empty; the server decides by content then.
  if (file.type && !allowed.includes(file.type)) {
    return allowed.includes('application/pdf')
      ? `「${file.name}」格式不支持，请上传 JPG、PNG、WebP 图片或 PDF 文件`
      : `「${file.name}」格式不支持，请上传 JPG、PNG 或 WebP 照片`;
  }
  return null;
}

export async function uploadFile(file: File, purpose: FilePurpose, signal?: AbortSignal): Promise<TStoredFile> {
  const body = new FormData();
  // The field goes before the file so the server reads it before the file stream.
  body.append('purpose', purpose);
  body.append('file', file, file.name);
  try {
    return await api(filesRoutes.upload, { body, signal });
  } catch (e) {
    // A proxy or the body limit may answer 413 without the error envelope.
    if (e instanceof ApiError && e.status === 413 && e.message.startsWith('请求失败')) {
      throw new ApiError(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `「${file.name}」（${formatBytes(file.size)}）超过允许的大小` } });
    }
    throw e;
  }
}
