import type { FastifyInstance } from 'fastify';
import { orgRoutes as r } from '../../../contract/org.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import * as org from './org.service.ts';
import { securityRoutes } from '../../../contract/security.ts';

export function registerOrgRoutes(app: FastifyInstance, ctx: AppContext) {
  // The structure of one's own district is readable by every signed-in user (filters, forms).
  registerRoute(app, r.listUnits, { permission: 'read:org' }, ({ actor, query }) => org.listUnits(ctx, actor, query));
  registerRoute(app, r.createUnit, { permission: 'manage:org' }, ({ actor, body }) => org.createUnit(ctx, actor, body));
  registerRoute(app, r.updateUnit, { permission: 'manage:org' }, ({ actor, params, body }) => org.updateUnit(ctx, actor, params.id, body));
  registerRoute(app, r.listSectors, { permission: 'read:org' }, ({ actor, query }) => org.listSectors(ctx, actor, query.includeInactive ?? false));
  registerRoute(app, r.createSector, { permission: 'manage:org' }, ({ actor, body }) => org.createSector(ctx, actor, body));
  registerRoute(app, r.updateSector, { permission: 'manage:org' }, ({ actor, params, body }) => org.updateSector(ctx, actor, params.id, body));
  registerRoute(app, r.listUsers, { permission: 'manage:org' }, ({ actor, query }) => org.listUsers(ctx, actor, query));
  registerRoute(app, r.createUser, { permission: 'manage:org' }, ({ actor, body }) => org.createUser(ctx, actor, body));
  registerRoute(app, r.updateUser, { permission: 'manage:org' }, ({ actor, params, body }) => org.updateUser(ctx, actor, params.id, body));
  registerRoute(app, r.resetPassword, { permission: 'manage:org' }, async ({ actor, params, body }) => {
    await org.resetPassword(ctx, actor, params.id, body.newPassword);
    return { ok: true as const };
  });
  registerRoute(app, r.unlockUser, { permission: 'manage:org' }, async ({ actor, params, body }) => {
    await org.unlockUser(ctx, actor, params.id, body.address);
    return { ok: true as const };
  });
  registerRoute(app, securityRoutes.resetUserTotp, { permission: 'manage:org' }, async ({ actor, params, req }) => {
    await org.resetTotp(ctx, actor, params.id, req.ip ?? null);
    return { ok: true as const };
  });
  registerRoute(app, r.listLoginLocks, { permission: 'manage:org' }, ({ actor, query }) => org.listLoginLocks(ctx, actor, query));
}
