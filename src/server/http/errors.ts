// One error vocabulary: code → HTTP status, a Chinese message for people, optional field errors.
import type { ErrorCode } from '../../contract/common.ts';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  /** The district requires a second factor of the account, which has none yet. */
  TOTP_ENROLLMENT_REQUIRED: 403,
  CSRF: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  INTERNAL: 500,
  /** A part the server needs is missing (e.g. no Chromium to print PDFs). */
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(`${code}: ${userMessage}`);
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (msg = '无权执行此操作') => new AppError('FORBIDDEN', msg);
export const conflict = (msg = '记录已被他人修改，请刷新后重试') => new AppError('CONFLICT', msg);
export const invalid = (fieldErrors: Record<string, string[]>, msg = '提交的内容有误，请检查') =>
  new AppError('VALIDATION', msg, fieldErrors);
