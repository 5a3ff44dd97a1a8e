import type { FastifyInstance } from 'fastify';
import { caseRoutes as r } from '../../../contract/cases.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { mapBatches, sendXlsxExport } from '../../http/xlsx-export.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import * as svc from './cases.service.ts';
import { CASE_EXPORT_COLUMNS, caseExportRow } from './cases.xlsx.ts';

export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext) {
  // Case documents are served to whoever may see the case.
  registerFileOwnerAccess(svc.CASE_FILE_OWNER, (c, actor, caseId) => svc.caseVisibleTo(c, actor, caseId));

  registerRoute(app, r.list, { permission: 'read:case' }, ({ actor, query }) => svc.listCases(ctx, actor, query));
  registerRoute(app, r.create, { permission: 'run:case' }, ({ actor, body }) => svc.createCase(ctx, actor, body));
  registerRoute(app, r.source, { permission: 'run:case' }, ({ actor, query }) => svc.caseSource(ctx, actor, query));
  registerRoute(app, r.exportXlsx, { permission: 'read:case' }, async ({ actor, query, reply }) => {
    return sendXlsxExport(reply, `执法案件-${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`, { sheet: '执法案件', columns: CASE_EXPORT_COLUMNS, batches: mapBatches(svc.caseBatches(ctx, actor, query), caseExportRow) });
  });
  registerRoute(app, r.get, { permission: 'read:case' }, ({ actor, params }) => svc.getCase(ctx, actor, params.id));
  registerRoute(app, r.act, { permission: 'run:case' }, ({ actor, params, body }) => svc.actOnCase(ctx, actor, params.id, body));
}
