import type { FastifyInstance } from 'fastify';
import { planRoutes as r } from '../../../contract/plans.ts';
import { PLAN_EDITOR_ROLES } from '../../../domain/inspection-policy.ts';
import type { Role } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { sendXlsx, streamXlsx } from '../../http/xlsx-export.ts';
import * as svc from './plans.service.ts';
import { PLAN_EXPORT_COLUMNS, planExportRow } from './plans.xlsx.ts';

/** Plans are read by their keepers and by leaders; scope narrows each to its own. */
const READERS: readonly Role[] = ['admin', 'office', 'leader', 'department'];

export function registerPlanRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, r.list, { roles: READERS }, ({ actor, query }) => svc.listPlans(ctx, actor, query));
  registerRoute(app, r.create, { roles: PLAN_EDITOR_ROLES }, ({ actor, body }) => svc.createPlan(ctx, actor, body));
  registerRoute(app, r.get, { roles: READERS }, ({ actor, params }) => svc.getPlan(ctx, actor, params.id));
  registerRoute(app, r.update, { roles: PLAN_EDITOR_ROLES }, ({ actor, params, body }) => svc.updatePlan(ctx, actor, params.id, body));
  registerRoute(app, r.entries, { roles: READERS }, ({ actor, params, query }) => svc.listEntries(ctx, actor, params.id, query));
  registerRoute(app, r.addEntry, { roles: PLAN_EDITOR_ROLES }, ({ actor, params, body }) => svc.addEntry(ctx, actor, params.id, body));
  registerRoute(app, r.bulkAdd, { roles: PLAN_EDITOR_ROLES }, ({ actor, params, body }) => svc.bulkAdd(ctx, actor, params.id, body));
  registerRoute(app, r.removeEntry, { roles: PLAN_EDITOR_ROLES }, ({ actor, params }) => svc.removeEntry(ctx, actor, params.id, params.entryId));
  registerRoute(app, r.keyUncovered, { roles: READERS }, ({ actor, params, query }) => svc.keyUncovered(ctx, actor, params.id, query));
  registerRoute(app, r.exportXlsx, { roles: READERS }, async ({ actor, params, reply }) => {
    const { plan, page } = await svc.entryPager(ctx, actor, params.id);
    const stream = streamXlsx({
      sheet: `${plan.p.year}年计划`,
      columns: PLAN_EXPORT_COLUMNS,
      nextPage: async (n) => (await page(n)).map(planExportRow),
      maxRows: 50_000,
    });
    return sendXlsx(reply, `${plan.unitName}${plan.p.year}年度监督检查计划.xlsx`, stream);
  });
}
