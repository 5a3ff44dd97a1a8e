import type { FastifyInstance } from 'fastify';
import { securityRoutes as r } from '../../../contract/security.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { listSecurityEvents } from './security-events.ts';
import { getSettings, updateSettings } from './security.service.ts';

export function registerSecurityRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, r.settings, { permission: 'manage:security' }, ({ actor }) => getSettings(ctx, actor));
  registerRoute(app, r.updateSettings, { permission: 'manage:security' }, ({ actor, body }) => updateSettings(ctx, actor, body));
  registerRoute(app, r.events, { permission: 'read:security_events' }, ({ actor, query }) => listSecurityEvents(ctx, actor, query));
}
