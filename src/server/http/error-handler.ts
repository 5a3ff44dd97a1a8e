import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode, TErrorEnvelope } from '../../contract/common.ts';
import { AppError, ERROR_STATUS } from './errors.ts';

function envelope(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>): TErrorEnvelope {
  return { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

/**
 * Every failure, framework ones included, leaves as { error: { code, message, fieldErrors? } }.
 * With the web app's index.html, unknown non-API GETs get it instead (the SPA's own routes).
 */
export function registerErrorHandler(app: FastifyInstance, spaIndexHtml?: Buffer) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(ERROR_STATUS[err.code]).send(envelope(err.code, err.userMessage, err.fieldErrors));
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return reply.status(429).send(envelope('RATE_LIMITED', '请求过于频繁，请稍后再试'));
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send(envelope('PAYLOAD_TOO_LARGE', '文件过大'));
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
    if (spaIndexHtml && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').send(spaIndexHtml);
    }
    return reply.status(404).send(envelope('NOT_FOUND', '接口不存在'));
  });
}
