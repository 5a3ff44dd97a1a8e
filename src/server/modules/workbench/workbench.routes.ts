import type { FastifyInstance } from 'fastify';
import { workbenchRoutes } from '../../../contract/workbench.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { workbenchOf } from './workbench.service.ts';

export function registerWorkbenchRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, workbenchRoutes.get, { permission: 'read:workbench' }, ({ actor }) => workbenchOf(ctx, actor));
}
