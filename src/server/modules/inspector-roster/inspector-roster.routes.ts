import type { FastifyInstance } from 'fastify';
import { inspectorRosterRoutes as r } from '../../../contract/inspector-roster.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import * as svc from './inspector-roster.service.ts';

export function registerInspectorRosterRoutes(app: FastifyInstance, ctx: AppContext) {
  const read = { permission: 'read:inspector_roster' } as const;
  const write = { permission: 'manage:inspector_roster' } as const;
  registerRoute(app, r.list, read, ({ actor, query }) => svc.listInspectors(ctx, actor, query));
  registerRoute(app, r.count, read, ({ actor, query }) => svc.countOn(ctx, actor, query.on));
  registerRoute(app, r.create, write, ({ actor, body }) => svc.createInspector(ctx, actor, body));
  registerRoute(app, r.get, read, ({ actor, params }) => svc.getInspector(ctx, actor, params.id));
  registerRoute(app, r.update, write, ({ actor, params, body }) => svc.updateInspector(ctx, actor, params.id, body));
  registerRoute(app, r.end, write, ({ actor, params, body }) => svc.endInspector(ctx, actor, params.id, body));
  registerRoute(app, r.void, write, ({ actor, params, body }) => svc.voidInspector(ctx, actor, params.id, body));
}
