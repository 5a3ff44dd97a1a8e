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

/** Photos are re-encoded on the device above this size or this long edge (a phone's 12 MP photo is 3–6 MB). */
export const COMPRESS_ABOVE_BYTES = 1.5 * 1024 * 1024;
export const PHOTO_MAX_EDGE = 2560;

export type UploadPlan = { action: 'send' } | { action: 'compress' } | { action: 'refuse'; reason: string };

/**
 * What to do with a chosen file before anything is sent: refuse it (empty, a type the server
 * refuses, or too large and not a photo that shrinks), compress it (a large photo), or send it.
 * The server checks again, by content, not by name.
 */
export function uploadPlan(file: { name: string; size: number; type: string }, allowed: readonly string[], maxBytes: number): UploadPlan {
  if (file.size === 0) return { action: 'refuse', reason: `「${file.name}」是空文件` };
  // Some phones leave the type empty; the server decides by content then.
  if (file.type && !allowed.includes(file.type)) {
    const what = allowed.includes('application/pdf') ? 'JPG、PNG、WebP 图片或 PDF 文件' : 'JPG、PNG 或 WebP 照片';
    return { action: 'refuse', reason: `「${file.name}」不是可以上传的格式，请上传${what}` };
  }
  const isPhoto = (PHOTO_TYPES as readonly string[]).includes(file.type);
  if (isPhoto && file.size > COMPRESS_ABOVE_BYTES) return { action: 'compress' };
  if (file.size > maxBytes) {
    return { action: 'refuse', reason: `「${file.name}」有 ${formatBytes(file.size)}，超过 ${formatBytes(maxBytes)} 的上限` };
  }
  return { action: 'send' };
}

/**
 * A large photo re-encoded in the browser as a JPEG of at most PHOTO_MAX_EDGE px on its long edge
 * (what a hazard photo needs, a tenth of the bytes on a village's 4G); the original when the
 * browser cannot decode it or the result is not smaller.
 */
export async function compressPhoto(file: File): Promise<File> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file; // not decodable here: the server will say why
  }
  const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const g = canvas.getContext('2d');
  if (!g) return file;
  g.fillStyle = '#fff'; // a transparent PNG becomes a photo on white, not on black
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob || blob.size >= file.size) return file;
  return new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg', lastModified: file.lastModified });
}

/** Whether trying the same upload again can succeed (a lost connection, a busy server), or the file itself was refused. */
export function mayRetryUpload(e: unknown): boolean {
  return !(e instanceof ApiError && ['UNSUPPORTED_FILE', 'PAYLOAD_TOO_LARGE', 'VALIDATION', 'FORBIDDEN'].includes(e.code));
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
