import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { DOCUMENT_TYPES, PHOTO_TYPES, mayRetryUpload, uploadPlan } from './upload.ts';

const MB = 1024 * 1024;

describe('what happens to a chosen file before anything is sent', () => {
  it('refuses a file over the limit before sending it, naming its size and the limit', () => {
    expect(uploadPlan({ name: '验收记录.pdf', size: 30 * MB, type: 'application/pdf' }, DOCUMENT_TYPES, 20 * MB))
      .toEqual({ action: 'refuse', reason: '「验收记录.pdf」有 30.0 MB，超过 20.0 MB 的上限' });
  });
  it('compresses a large photo on the device instead of refusing it', () => {
    expect(uploadPlan({ name: 'IMG_0001.jpg', size: 30 * MB, type: 'image/jpeg' }, PHOTO_TYPES, 20 * MB)).toEqual({ action: 'compress' });
    expect(uploadPlan({ name: 'IMG_0002.jpg', size: 2 * MB, type: 'image/jpeg' }, PHOTO_TYPES, 20 * MB)).toEqual({ action: 'compress' });
    expect(uploadPlan({ name: 'IMG_0003.jpg', size: MB, type: 'image/jpeg' }, PHOTO_TYPES, 20 * MB)).toEqual({ action: 'send' });
  });
  it('says why a renamed text file or an empty file is refused', () => {
    expect(uploadPlan({ name: '现场.jpg', size: 100, type: 'text/plain' }, PHOTO_TYPES, 20 * MB))
      .toEqual({ action: 'refuse', reason: '「现场.jpg」不是可以上传的格式，请上传JPG、PNG 或 WebP 照片' });
    expect(uploadPlan({ name: '空.png', size: 0, type: 'image/png' }, PHOTO_TYPES, 20 * MB)).toEqual({ action: 'refuse', reason: '「空.png」是空文件' });
  });
  it('offers 重试 only where trying again can work', () => {
    const refused = (code: 'UNSUPPORTED_FILE' | 'PAYLOAD_TOO_LARGE') => new ApiError(code === 'UNSUPPORTED_FILE' ? 415 : 413, { error: { code, message: 'x' } });
    expect(mayRetryUpload(refused('UNSUPPORTED_FILE'))).toBe(false);
    expect(mayRetryUpload(refused('PAYLOAD_TOO_LARGE'))).toBe(false);
    expect(mayRetryUpload(new TypeError('Failed to fetch'))).toBe(true);
    expect(mayRetryUpload(new ApiError(503, { error: { code: 'UNAVAILABLE', message: '服务暂不可用' } }))).toBe(true);
  });
});
