// Reading a multipart request: a body that is cut short or malformed fails inside the parser
// (busboy) with a plain Error and no status. That is the client's doing, so it is answered as
// a VALIDATION error with a field error, not as a 500. Size limits keep their 413 (statusCode).
import { AppError } from './errors.ts';

export const MALFORMED_UPLOAD_MESSAGE = '上传的表单不完整或格式有误，请重新上传';

/** Runs `read` (iterating the parts, buffering the file); parser failures become a field error on `file`. */
export async function readingMultipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const status = (e as { statusCode?: number }).statusCode;
    if (status !== undefined && status < 500) throw e; // 413 and friends: the error handler words them
    throw new AppError('VALIDATION', MALFORMED_UPLOAD_MESSAGE, { file: [MALFORMED_UPLOAD_MESSAGE] });
  }
}
