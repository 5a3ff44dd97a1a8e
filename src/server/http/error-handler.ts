import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, TErrorEnvelope } from '../../contract/common.ts';
import { AppError, ERROR_STATUS } from './errors.ts';

function envelope(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>): TErrorEnvelope {
  return { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

const mb = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MB`;

/** The limits a 413 names: JSON bodies (the app's bodyLimit) and uploaded files (UPLOAD_MAX_MB). */
export interface SizeLimits {
  jsonBodyBytes: number;
  uploadBytes: number;
}

/**
 * Which limit a 413 hit, in words about what was sent: a file (multipart), a form with too many
 * parts, or the request itself (a JSON body over the app's body limit).
 */
function tooLargeMessage(code: string | undefined, limits: SizeLimits): string {
  if (code === 'FST_REQ_FILE_TOO_LARGE') return `文件过大，不能超过 ${mb(limits.uploadBytes)}`;
  if (code === 'FST_FILES_LIMIT') return '一次只能上传一个文件';
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return '表单内容过多';
  return `请求内容过大（不能超过 ${mb(limits.jsonBodyBytes)}），请精简后重试`;
}

/**
 * The router's own refusals (a URL that is not valid percent-encoding, a path segment over the
 * router's length limit) are answered before any hook or error handler: Fastify's
 * `frameworkErrors` option takes this, so they leave in the one envelope too.
 */
export function answerRouterError(err: FastifyError, _req: unknown, reply: FastifyReply) {
  const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '请求地址过长' : '请求地址有误';
  return reply.status(400).send(envelope('VALIDATION', message));
}

/**
 * Every failure, framework ones included, leaves as { error: { code, message, fieldErrors? } }.
 * With the web app, unknown GETs outside /api/ and /assets/ get its page instead (the SPA's own
 * routes), sent by `sendSpaPage` (web-app.ts). A missing file under /assets/ stays a 404: a tab
 * opened before a release asks for the old files, and must fail (and offer a reload), not get HTML.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  limits: SizeLimits,
  sendSpaPage?: (reply: FastifyReply) => FastifyReply,
  /** Told of every permission refusal (403 FORBIDDEN) before it is answered: the security-event view lists them. */
  onRefusal?: (req: FastifyRequest, message: string) => Promise<void>,
) {
  app.setErrorHandler(async (err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'FORBIDDEN' && onRefusal) await onRefusal(req, err.userMessage);
      return reply.status(ERROR_STATUS[err.code]).send(envelope(err.code, err.userMessage, err.fieldErrors));
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return reply.status(429).send(envelope('RATE_LIMITED', '请求过于频繁，请稍后再试'));
    if (fe.statusCode === 413) {
      return reply.status(413).send(envelope('PAYLOAD_TOO_LARGE', tooLargeMessage(fe.code, limits)));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply.status(415).send(envelope('UNSUPPORTED_FILE', '不支持的内容类型'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(400).send(envelope('VALIDATION', '请求格式有误'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(envelope('INTERNAL', '服务器内部错误，请稍后重试'));
  });
  app.setNotFoundHandler((req, reply) => {
    if (sendSpaPage && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) {
      return sendSpaPage(reply);
    }
    return reply.status(404).send(envelope('NOT_FOUND', '接口不存在'));
  });
}
