// Session cookie, actor resolution and CSRF: every request passes through here first.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE, resolveSession } from '../modules/auth/index.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function registerSessionHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const result = await resolveSession(ctx, token);
    if (!result.actor) {
      req.sessionExpired = result.expired;
      clearSessionCookie(reply);
      return;
    }
    // CSRF: a state-changing request must echo the session's token in a header,
    // which a cross-site form or image cannot do.
    const isPublic = (req.routeOptions.config as { routeDef?: { public?: boolean } } | undefined)?.routeDef?.public;
    if (!isPublic && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== result.actor.csrfToken) {
      throw new AppError('CSRF', '页面已过期，请刷新后重试');
    }
    req.actor = result.actor;
  });
}
