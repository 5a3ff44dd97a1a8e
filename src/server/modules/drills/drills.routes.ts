import type { FastifyInstance } from 'fastify';
import { drillRoutes as r } from '../../../contract/drills.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { registerReminderSource } from '../notifications/index.ts';
import { drillReminders } from './drills.reminders.ts';
import * as svc from './drills.service.ts';

export function registerDrillRoutes(app: FastifyInstance, ctx: AppContext) {
  registerReminderSource(drillReminders);
  registerFileOwnerAccess(svc.DRILL_FILE_OWNER, (c, actor, id) => svc.drillVisibleTo(c, actor, id));
  const read = { permission: 'read:drill' } as const;
  const write = { permission: 'record:drill' } as const;
  registerRoute(app, r.list, read, ({ actor, query }) => svc.listDrills(ctx, actor, query));
  registerRoute(app, r.create, write, ({ actor, body }) => svc.createDrill(ctx, actor, body));
  registerRoute(app, r.compliance, { permission: 'read:drill_compliance' }, ({ actor, query }) => svc.compliance(ctx, actor, query));
  registerRoute(app, r.getRequirement, read, ({ actor }) => svc.getRequirement(ctx, actor));
  registerRoute(app, r.putRequirement, { permission: 'manage:drill_requirement' }, ({ actor, body }) => svc.putRequirement(ctx, actor, body));
  registerRoute(app, r.get, read, ({ actor, params }) => svc.getDrill(ctx, actor, params.id));
  registerRoute(app, r.verify, write, ({ actor, params, body }) => svc.verifyDrill(ctx, actor, params.id, body.version));
  registerRoute(app, r.void, write, ({ actor, params, body }) => svc.voidDrill(ctx, actor, params.id, body));
}
