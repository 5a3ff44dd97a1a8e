import type { FastifyInstance } from 'fastify';
import { authRoutes } from '../../../contract/auth.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session.ts';
import * as auth from './auth.service.ts';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, authRoutes.health, { permission: 'public' }, async () => {
    await ctx.db.execute('select 1');
    return { ok: true, database: ctx.dbKind, time: ctx.clock.now().toISOString() };
  });

  registerRoute(app, authRoutes.login, { permission: 'public', rateLimitPerMinute: ctx.config.loginRateLimitPerMinute }, async ({ body, req, reply }) => {
    const { token, csrfToken, userId, failedAttempts } = await auth.login(ctx, {
      username: body.username, password: body.password, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null,
    });
    setSessionCookie(reply, ctx.config, token);
    const actor = await auth.loadActor(ctx, userId, { id: auth.sessionIdOf(token), csrfToken });
    return { ...auth.presentMe(actor!), failedAttempts };
  });

  registerRoute(app, authRoutes.logout, { permission: 'use:account', allowPasswordChangePending: true }, async ({ actor, reply }) => {
    await auth.logout(ctx, actor);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  registerRoute(app, authRoutes.me, { permission: 'use:account', allowPasswordChangePending: true }, async ({ actor }) => auth.presentMe(actor));

  registerRoute(app, authRoutes.changePassword, { permission: 'use:account', allowPasswordChangePending: true }, async ({ actor, body }) => {
    await auth.changePassword(ctx, actor, body);
    return { ok: true as const };
  });
}
