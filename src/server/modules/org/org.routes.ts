import type { FastifyInstance } from 'fastify';
import { orgRoutes as r } from '../../../contract/org.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import * as org from './org.service.ts';

const ADMIN = ['admin'] as const;

export function registerOrgRoutes(app: FastifyInstance, ctx: AppContext) {
  // The structure of one's own district is readable by every signed-in user (filters, forms).
  registerRoute(app, r.listUnits, {}, ({ actor, query }) => org.listUnits(ctx, actor, query));
  registerRoute(app, r.createUnit, { roles: ADMIN }, ({ actor, body }) => org.createUnit(ctx, actor, body));
  registerRoute(app, r.updateUnit, { roles: ADMIN }, ({ actor, params, body }) => org.updateUnit(ctx, actor, params.id, body));
  registerRoute(app, r.listSectors, {}, ({ actor, query }) => org.listSectors(ctx, actor, query.includeInactive ?? false));
  registerRoute(app, r.createSector, { roles: ADMIN }, ({ actor, body }) => org.createSector(ctx, actor, body));
  registerRoute(app, r.updateSector, { roles: ADMIN }, ({ actor, params, body }) => org.updateSector(ctx, actor, params.id, body));
  registerRoute(app, r.listUsers, { roles: ADMIN }, ({ actor, query }) => org.listUsers(ctx, actor, query));
  registerRoute(app, r.createUser, { roles: ADMIN }, ({ actor, body }) => org.createUser(ctx, actor, body));
  registerRoute(app, r.updateUser, { roles: ADMIN }, ({ actor, params, body }) => org.updateUser(ctx, actor, params.id, body));
  registerRoute(app, r.resetPassword, { roles: ADMIN }, async ({ actor, params, body }) => {
    await org.resetPassword(ctx, actor, params.id, body.newPassword);
    return { ok: true as const };
  });
  registerRoute(app, r.unlockUser, { roles: ADMIN }, async ({ actor, params }) => {
    await org.unlockUser(ctx, actor, params.id);
    return { ok: true as const };
  });
}
