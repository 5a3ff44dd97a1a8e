import type { FastifyInstance } from 'fastify';
import { caseRoutes as r } from '../../../contract/cases.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { sendXlsx, streamXlsx } from '../../http/xlsx-export.ts';
import { registerFileOwnerAccess } from '../files/files.service.ts';
import * as svc from './cases.service.ts';
import { CASE_EXPORT_COLUMNS, caseExportRow } from './cases.xlsx.ts';

const EXPORT_MAX_ROWS = 50_000;

export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext) {
  // Case documents are served to whoever may see the case.
  registerFileOwnerAccess(svc.CASE_FILE_OWNER, (c, actor, caseId) => svc.caseVisibleTo(c, actor, caseId));

  registerRoute(app, r.list, { permission: 'read:case' }, ({ actor, query }) => svc.listCases(ctx, actor, query));
  registerRoute(app, r.create, { permission: 'run:case' }, ({ actor, body }) => svc.createCase(ctx, actor, body));
  registerRoute(app, r.source, { permission: 'run:case' }, ({ actor, query }) => svc.caseSource(ctx, actor, query));
  registerRoute(app, r.exportXlsx, { permission: 'read:case' }, async ({ actor, query, reply }) => {
    const stream = streamXlsx({
      sheet: '执法案件',
      columns: CASE_EXPORT_COLUMNS,
      nextPage: async (page) => (await svc.listCaseItems(ctx, actor, query, page, 100)).map(caseExportRow),
      maxRows: EXPORT_MAX_ROWS,
    });
    return sendXlsx(reply, `执法案件-${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`, stream);
  });
  registerRoute(app, r.get, { permission: 'read:case' }, ({ actor, params }) => svc.getCase(ctx, actor, params.id));
  registerRoute(app, r.act, { permission: 'run:case' }, ({ actor, params, body }) => svc.actOnCase(ctx, actor, params.id, body));
}
