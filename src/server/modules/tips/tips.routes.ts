// The public's routes (no session, rate-limited per network address and per tracking code; limits
// in decision 021) and the office's under /api/tips.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publicTipRoutes as p, tipRoutes as r } from '../../../contract/tips.ts';
import { normalizeCode } from '../../../domain/tips/tracking-code.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { sharedPdfPrinter } from '../../http/pdf-printer.ts';
import { registerRoute } from '../../http/route.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { REWARD_FILE_OWNER } from './rewards.workflow.ts';
import { newChallenge } from './tips.challenge.ts';
import { posterPdf, posterPng, printReceipt } from './tips.print.ts';
import { TIP_FILE_OWNER, claimReward, hashCode, lookupReport, publicTownships, submitPublicReport } from './tips.public.ts';
import { registerTipReminders } from './tips.reminders.ts';
import * as svc from './tips.service.ts';

/** Per-address limits of the public routes (requests per window). */
export const PUBLIC_LIMITS = {
  challenge: { max: 30, windowMs: 60_000 },
  townships: { max: 60, windowMs: 60_000 },
  lookup: { max: 30, windowMs: 60_000 },
  receipt: { max: 6, windowMs: 60_000 },
  claim: { max: 10, windowMs: 60_000 },
} as const;
/** Lookups of one code from anywhere: enough for a person, too few to matter to a guesser. */
export const PER_CODE_LIMIT = { max: 20, windowMs: 60 * 60_000 } as const;

export function registerTipRoutes(app: FastifyInstance, ctx: AppContext) {
  registerFileOwnerAccess(TIP_FILE_OWNER, (c, actor, id) => svc.tipVisibleTo(c, actor, id));
  registerFileOwnerAccess(REWARD_FILE_OWNER, (c, actor, id) => svc.rewardVisibleTo(c, actor, id));
  registerTipReminders();
  const printer = sharedPdfPrinter(app);

  const perCode = app.createRateLimit({
    max: PER_CODE_LIMIT.max, timeWindow: PER_CODE_LIMIT.windowMs,
    keyGenerator: (req: FastifyRequest) => {
      const raw = (req.params as { code?: string }).code ?? '';
      return `code:${hashCode(normalizeCode(raw) ?? raw)}`;
    },
  });
  const codeLimited = async (req: FastifyRequest) => {
    const res = await perCode(req);
    if (!res.isAllowed && res.isExceeded) throw new AppError('RATE_LIMITED', '该查询码查询过于频繁，请一小时后再试');
  };

  registerRoute(app, p.challenge, { permission: 'public', rateLimit: PUBLIC_LIMITS.challenge }, async () => {
    const c = await newChallenge(ctx);
    return { parameters: { ...c.parameters }, ...(c.signature ? { signature: c.signature } : {}) };
  });
  registerRoute(app, p.townships, { permission: 'public', rateLimit: PUBLIC_LIMITS.townships }, () => publicTownships(ctx));
  registerRoute(app, p.submit, { permission: 'public', rateLimit: { max: ctx.config.publicReportPerHour, windowMs: 60 * 60_000 } }, ({ req }) => submitPublicReport(ctx, req));
  registerRoute(app, p.lookup, { permission: 'public', rateLimit: PUBLIC_LIMITS.lookup }, async ({ req, params }) => {
    await codeLimited(req);
    return lookupReport(ctx, params.code);
  });
  registerRoute(app, p.receipt, { permission: 'public', rateLimit: PUBLIC_LIMITS.receipt }, async ({ req, params, reply }) => {
    await codeLimited(req);
    const pdf = await printReceipt(printer, params.code, await lookupReport(ctx, params.code));
    return reply.header('content-type', 'application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="receipt.pdf"; filename*=UTF-8''${encodeURIComponent('举报回执.pdf')}`).send(pdf);
  });
  registerRoute(app, p.claim, { permission: 'public', rateLimit: PUBLIC_LIMITS.claim }, async ({ req, params, body }) => {
    await codeLimited(req);
    return claimReward(ctx, params.code, body.phone);
  });

  registerRoute(app, r.list, { permission: 'read:tip' }, ({ actor, query }) => svc.listTips(ctx, actor, query));
  registerRoute(app, r.rewards, { permission: 'read:tip_reward' }, ({ actor, query }) => svc.listRewards(ctx, actor, query));
  registerRoute(app, r.poster, { permission: 'print:tip_poster' }, async ({ actor, params, query, req, reply }) => {
    const base = ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
    if (query.format === 'png') {
      const f = await posterPng(ctx, actor, params.townshipId, base, query.size);
      return reply.header('content-type', 'image/png').header('content-disposition', `attachment; filename="poster.png"; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.png);
    }
    const f = await posterPdf(ctx, printer, actor, params.townshipId, base);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="poster.pdf"; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.pdf);
  });
  registerRoute(app, r.get, { permission: 'read:tip' }, ({ actor, params }) => svc.getTip(ctx, actor, params.id));
  registerRoute(app, r.identity, { permission: 'read:tip_identity' }, ({ actor, params }) => svc.viewIdentity(ctx, actor, params.id));
  registerRoute(app, r.action, { permission: 'act:tip' }, ({ actor, params, body }) => svc.actOnTip(ctx, actor, params.id, body));
  registerRoute(app, r.proposeReward, { permission: 'propose:tip_reward' }, ({ actor, params, body }) => svc.proposeReward(ctx, actor, params.id, body));
  registerRoute(app, r.rewardAction, { permission: 'act:tip_reward' }, ({ actor, params, body }) => svc.actOnReward(ctx, actor, params.id, body));
}
