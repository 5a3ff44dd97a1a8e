// Builds the Fastify app around an open database. main.ts and the tests both use this.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { allRoutes } from '../contract/index.ts';
import type { AppConfig } from './config.ts';
import { type AppContext, type Clock, systemClock } from './context.ts';
import type { Database } from './db/client.ts';
import { registerCompression } from './http/compression.ts';
import { answerRouterError, registerErrorHandler } from './http/error-handler.ts';
import { buildOpenApi } from './http/openapi.ts';
import { registerSessionHook } from './http/session.ts';
import { registerWebApp, spaPageSender } from './http/web-app.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerEnterpriseRoutes } from './modules/enterprises/enterprises.routes.ts';
import { registerFileRoutes } from './modules/files/files.routes.ts';
import { registerHazardRoutes } from './modules/hazards/hazards.routes.ts';
import { registerChecklistRoutes } from './modules/checklists/checklists.routes.ts';
import { registerInspectionRoutes } from './modules/inspections/inspections.routes.ts';
import { registerCaseRoutes } from './modules/cases/cases.routes.ts';
import { registerAccountabilityRoutes } from './modules/accountability/accountability.routes.ts';
import { registerSupervisionRoutes } from './modules/supervision/index.ts';
import { registerInspectorRosterRoutes } from './modules/inspector-roster/inspector-roster.routes.ts';
import { registerDrillRoutes } from './modules/drills/drills.routes.ts';
import { registerTipRoutes } from './modules/tips/index.ts';
import { registerLeadershipRoutes } from './modules/leadership/index.ts';
import { registerPublicityRoutes } from './modules/publicity/index.ts';
import { type FileStorage, LocalDiskStorage, filesRootOf } from './modules/files/files.storage.ts';
import { registerOrgRoutes } from './modules/org/org.routes.ts';
import { registerScheduleRoutes } from './modules/schedules/schedules.routes.ts';
import { registerPlanRoutes } from './modules/plans/plans.routes.ts';
import { registerCampaignRoutes } from './modules/campaigns/index.ts';
import { registerReportRoutes } from './modules/reports/index.ts';
import { recordRefusal, registerSecurityRoutes } from './modules/security/index.ts';
import { registerWorkbenchRoutes } from './modules/workbench/workbench.routes.ts';
import { NotificationHub, Notifier, type Poster, registerNotificationRoutes, unreadCount } from './modules/notifications/index.ts';

/**
 * The largest JSON request body accepted. The largest body the web app really sends is a
 * checklist publish (4.6 KB for the largest built-in template); every other form is at most
 * 35 KB with each field at its maximum. 1 MB leaves room for a checklist of ~1,600 items.
 */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  clock?: Clock;
  /** Folder of the built web app; served with an SPA fallback when present. */
  webDir?: string | null;
  logger?: boolean;
  /** Where uploaded files live (default: <DATA_DIR>/files on the local disk). */
  storage?: FileStorage;
  /** How group-robot deliveries are posted (default: fetch); tests pass a local receiver's. */
  post?: Poster;
}

/** A public report's tracking code is its only key: it never goes into the log (the URL of its lookup, receipt and claim carries it). */
export const redactTrackingCode = (url: string): string => url.replace(/^(\/api\/public\/reports\/)[^/?#]+/, '$1[code]');
function loggedRequest(req: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: req.method, url: redactTrackingCode(req.url), hostname: req.hostname, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

export async function buildApp(opts: BuildAppOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const ctx: AppContext = {
    db: opts.database.db,
    dbKind: opts.database.kind,
    config: opts.config,
    clock: opts.clock ?? systemClock,
    storage: opts.storage ?? new LocalDiskStorage(filesRootOf(opts.config)),
  };
  ctx.notificationHub = new NotificationHub((userId) => unreadCount(ctx.db, userId));
  ctx.notifier = new Notifier(ctx, { hub: ctx.notificationHub, post: opts.post });
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel, serializers: { req: loggedRequest } },
    trustProxy: opts.config.trustProxy, // never trust X-Forwarded-For by default: it would defeat the login rate limit
    // JSON bodies only (uploads have their own limit below); the figure and how it was measured:
    // docs/decisions/004-validation-and-uploads.md.
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    frameworkErrors: answerRouterError,
  });
  const webDir = opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')) ? opts.webDir : null;
  // Fastify allows one not-found handler: the error handler's, which also serves the SPA fallback.
  const limits = { jsonBodyBytes: JSON_BODY_LIMIT_BYTES, uploadBytes: opts.config.uploadMaxBytes };
  registerErrorHandler(app, limits, webDir ? spaPageSender(webDir) : undefined, (req, message) => recordRefusal(ctx, req, message));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS styles at run time
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await registerCompression(app); // before the first route: it attaches itself to each route declared after it
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: opts.config.uploadMaxBytes, files: 1, fields: 10 } });
  registerSessionHook(app, ctx);
  // A write that succeeded may have queued notifications in its transaction: dispatch them now
  // (the timer sweeps anything this misses).
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) ctx.notifier?.nudge();
  });
  app.addHook('onClose', async () => {
    ctx.notificationHub?.close();
    await ctx.notifier?.stop();
  });

  const openApi = buildOpenApi(allRoutes);
  app.get('/api/openapi.json', async () => openApi);
  registerAuthRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerEnterpriseRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  registerHazardRoutes(app, ctx);
  registerChecklistRoutes(app, ctx);
  registerInspectionRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerAccountabilityRoutes(app, ctx);
  registerSupervisionRoutes(app, ctx);
  registerInspectorRosterRoutes(app, ctx);
  registerDrillRoutes(app, ctx);
  registerTipRoutes(app, ctx);
  registerLeadershipRoutes(app, ctx);
  registerPublicityRoutes(app, ctx);
  registerScheduleRoutes(app, ctx);
  registerPlanRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerWorkbenchRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerSecurityRoutes(app, ctx);

  if (webDir) await registerWebApp(app, webDir);
  return { app, ctx };
}
