import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '../../../contract/audit.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { sendXlsxExport } from '../../http/xlsx-export.ts';
import { shanghaiDay, shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { Actor } from '../../http/actor.ts';
import { AUDIT_EXPORT_COLUMNS, auditExportRows } from './audit.export.ts';
import type { AuditFilter } from './audit.repository.ts';
import { listAudit } from './audit.list.ts';

type Query = { q?: string | undefined; actorId?: string | undefined; entityType?: string | undefined; entityId?: string | undefined; action?: string | undefined; from?: string | undefined; to?: string | undefined };
const filterOf = (actor: Actor, query: Query): AuditFilter => ({
  districtId: actor.districtId,
  q: query.q,
  actorId: query.actorId,
  entityType: query.entityType,
  entityId: query.entityId,
  action: query.action,
  fromInstant: query.from ? shanghaiDayStart(query.from) : undefined,
  toInstant: query.to ? shanghaiDayStart(query.to, 1) : undefined,
});

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, auditRoutes.list, { permission: 'read:audit' }, async ({ actor, query }) => listAudit(ctx.db, filterOf(actor, query), query));
  registerRoute(app, auditRoutes.exportXlsx, { permission: 'read:audit' }, async ({ actor, query, reply }) =>
    sendXlsxExport(reply, `审计日志-${shanghaiDay(ctx.clock.now())}.xlsx`, {
      sheet: '审计日志', columns: AUDIT_EXPORT_COLUMNS, batches: auditExportRows(ctx.db, filterOf(actor, query)),
    }));
}
