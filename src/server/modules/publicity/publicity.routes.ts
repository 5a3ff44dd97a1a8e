import type { FastifyInstance } from 'fastify';
import { publicityRoutes as r } from '../../../contract/publicity.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { PUBLICITY_FILE_OWNER } from './publicity.repository.ts';
import * as svc from './publicity.service.ts';

export function registerPublicityRoutes(app: FastifyInstance, ctx: AppContext) {
  registerFileOwnerAccess(PUBLICITY_FILE_OWNER, (c, actor, id) => svc.publicityVisibleTo(c, actor, id));
  const read = { permission: 'read:publicity' } as const;
  const record = { permission: 'record:publicity' } as const;
  registerRoute(app, r.list, read, ({ actor, query }) => svc.listPublicity(ctx, actor, query));
  registerRoute(app, r.create, record, ({ actor, body }) => svc.createPublicity(ctx, actor, body));
  registerRoute(app, r.get, read, ({ actor, params }) => svc.getPublicity(ctx, actor, params.id));
  registerRoute(app, r.update, record, ({ actor, params, body }) => svc.updatePublicity(ctx, actor, params.id, body));
  registerRoute(app, r.void, record, ({ actor, params, body }) => svc.voidPublicity(ctx, actor, params.id, body));
}
