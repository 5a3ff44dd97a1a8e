import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '../../../contract/audit.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { shanghaiDayStart } from '../../../domain/common/dates.ts';
import { listEntries } from './audit.repository.ts';

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, auditRoutes.list, { permission: 'read:audit' }, async ({ actor, query }) => {
    const { items, total } = await listEntries(
      ctx.db,
      {
        districtId: actor.districtId,
        actorId: query.actorId,
        entityType: query.entityType,
        entityId: query.entityId,
        action: query.action,
        fromInstant: query.from ? shanghaiDayStart(query.from) : undefined,
        toInstant: query.to ? shanghaiDayStart(query.to, 1) : undefined,
      },
      query.page,
      query.pageSize,
    );
    return {
      items: items.map((r) => ({
        id: r.id, seq: r.seq, at: r.at.toISOString(), actorId: r.actorId, actorName: r.actorName, action: r.action,
        entityType: r.entityType, entityId: r.entityId, before: r.before, after: r.after, hash: r.hash,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
