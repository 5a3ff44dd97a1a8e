import type { FastifyInstance } from 'fastify';
import { authRoutes } from '../../../contract/auth.ts';
import { securityRoutes as sr } from '../../../contract/security.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session.ts';
import * as auth from './auth.service.ts';
import * as factor from './second-factor.ts';
import * as sessions from './sessions.service.ts';

/** Routes a user who must still change the password or turn the required second factor on may call. */
const PENDING_ANY = { allowPasswordChangePending: true, allowTotpEnrollmentPending: true } as const;

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext) {
  const signedIn = async (result: auth.LoginResult, reply: Parameters<typeof setSessionCookie>[0]) => {
    setSessionCookie(reply, ctx.config, result.token);
    const actor = await auth.loadActor(ctx, result.userId, { id: auth.sessionIdOf(result.token), csrfToken: result.csrfToken });
    return { ...auth.presentMe(actor!), failedAttempts: result.failedAttempts };
  };
  const loginLimit = { permission: 'public', rateLimitPerMinute: ctx.config.loginRateLimitPerMinute } as const;
  registerRoute(app, authRoutes.health, { permission: 'public' }, async () => {
    await ctx.db.execute('select 1');
    return { ok: true, database: ctx.dbKind, time: ctx.clock.now().toISOString() };
  });
  registerRoute(app, authRoutes.login, loginLimit, async ({ body, req, reply }) => {
    const result = await auth.login(ctx, {
      username: body.username, password: body.password, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null,
    });
    if ('totpRequired' in result) return result;
    return signedIn(result, reply);
  });
  registerRoute(app, authRoutes.loginTotp, loginLimit, async ({ body, req, reply }) => {
    const result = await auth.loginWithCode(ctx, {
      pendingToken: body.pendingToken, code: body.code, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null,
    });
    return signedIn(result, reply);
  });
  registerRoute(app, authRoutes.logout, { permission: 'use:account', ...PENDING_ANY }, async ({ actor, req, reply }) => {
    await auth.logout(ctx, actor, { ip: req.ip ?? null, userAgent: null });
    clearSessionCookie(reply);
    return { ok: true as const };
  });
  registerRoute(app, authRoutes.me, { permission: 'use:account', ...PENDING_ANY }, async ({ actor }) => auth.presentMe(actor));
  registerRoute(app, authRoutes.changePassword, { permission: 'use:account', ...PENDING_ANY }, async ({ actor, body }) => {
    await auth.changePassword(ctx, actor, body);
    return { ok: true as const };
  });

  // The second factor: enrollment is what a user the district requires it of may do first.
  const codeLimit = { rateLimitPerMinute: ctx.config.loginRateLimitPerMinute } as const;
  registerRoute(app, sr.totpStatus, { permission: 'use:account', allowTotpEnrollmentPending: true }, ({ actor }) => factor.totpStatus(ctx, actor));
  registerRoute(app, sr.totpSetup, { permission: 'use:account', allowTotpEnrollmentPending: true }, ({ actor }) => factor.setupTotp(ctx, actor));
  registerRoute(app, sr.totpEnable, { permission: 'use:account', allowTotpEnrollmentPending: true, ...codeLimit }, ({ actor, body, req }) =>
    factor.enableTotp(ctx, actor, body.code, req.ip ?? null));
  registerRoute(app, sr.totpRecoveryCodes, { permission: 'use:account', ...codeLimit }, ({ actor, body, req }) =>
    factor.regenerateRecoveryCodes(ctx, actor, body.code, req.ip ?? null));
  registerRoute(app, sr.totpDisable, { permission: 'use:account', ...codeLimit }, async ({ actor, body, req }) => {
    await factor.disableTotp(ctx, actor, body, req.ip ?? null);
    return { ok: true as const };
  });

  registerRoute(app, sr.sessions, { permission: 'use:account' }, ({ actor }) => sessions.listSessions(ctx, actor));
  registerRoute(app, sr.endSession, { permission: 'use:account' }, async ({ actor, params, reply }) => {
    if ((await sessions.endSession(ctx, actor, params.id)).current) clearSessionCookie(reply);
    return { ok: true as const };
  });
  registerRoute(app, sr.endOtherSessions, { permission: 'use:account' }, ({ actor }) => sessions.endOtherSessions(ctx, actor));
}
