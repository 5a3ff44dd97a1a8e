import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '../../../contract/audit.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { shanghaiDayStart } from '../../../domain/common/dates.ts';
import { listAudit } from './audit.list.ts';

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, auditRoutes.list, { permission: 'read:audit' }, async ({ actor, query }) =>
    listAudit(ctx.db, {
      districtId: actor.districtId,
      q: query.q,
      actorId: query.actorId,
      entityType: query.entityType,
      entityId: query.entityId,
      action: query.action,
      fromInstant: query.from ? shanghaiDayStart(query.from) : undefined,
      toInstant: query.to ? shanghaiDayStart(query.to, 1) : undefined,
    }, query),
  );
}
