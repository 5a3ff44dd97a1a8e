import type { FastifyInstance } from 'fastify';
import { planRoutes as r } from '../../../contract/plans.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { sendXlsxExport } from '../../http/xlsx-export.ts';
import * as svc from './plans.service.ts';
import { PLAN_EXPORT_COLUMNS, planExportRow } from './plans.xlsx.ts';

/** Plans are read by their keepers and by leaders; scope narrows each to its own. */

export function registerPlanRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, r.list, { permission: 'read:plan' }, ({ actor, query }) => svc.listPlans(ctx, actor, query));
  registerRoute(app, r.create, { permission: 'edit:plan' }, ({ actor, body }) => svc.createPlan(ctx, actor, body));
  registerRoute(app, r.get, { permission: 'read:plan' }, ({ actor, params }) => svc.getPlan(ctx, actor, params.id));
  registerRoute(app, r.update, { permission: 'edit:plan' }, ({ actor, params, body }) => svc.updatePlan(ctx, actor, params.id, body));
  registerRoute(app, r.entries, { permission: 'read:plan' }, ({ actor, params, query }) => svc.listEntries(ctx, actor, params.id, query));
  registerRoute(app, r.addEntry, { permission: 'edit:plan' }, ({ actor, params, body }) => svc.addEntry(ctx, actor, params.id, body));
  registerRoute(app, r.bulkAdd, { permission: 'edit:plan' }, ({ actor, params, body }) => svc.bulkAdd(ctx, actor, params.id, body));
  registerRoute(app, r.removeEntry, { permission: 'edit:plan' }, ({ actor, params }) => svc.removeEntry(ctx, actor, params.id, params.entryId));
  registerRoute(app, r.keyUncovered, { permission: 'read:plan' }, ({ actor, params, query }) => svc.keyUncovered(ctx, actor, params.id, query));
  registerRoute(app, r.exportXlsx, { permission: 'read:plan' }, async ({ actor, params, reply }) => {
    const { plan, page } = await svc.entryPager(ctx, actor, params.id);
    // A plan's entries are one unit's year (at most a few thousand): read page by page until the last.
    async function* entries() {
      for (let n = 1; ; n++) {
        const rows = await page(n);
        if (rows.length === 0) return;
        yield rows.map(planExportRow);
      }
    }
    return sendXlsxExport(reply, `${plan.unitName}${plan.p.year}年度监督检查计划.xlsx`, { sheet: `${plan.p.year}年计划`, columns: PLAN_EXPORT_COLUMNS, batches: entries() });
  });
}
