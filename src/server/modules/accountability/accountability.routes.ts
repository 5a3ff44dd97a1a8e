import type { FastifyInstance } from 'fastify';
import { accountabilityRoutes as r } from '../../../contract/accountability.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { mapBatches, sendXlsxExport } from '../../http/xlsx-export.ts';
import * as svc from './accountability.service.ts';
import { ACCOUNTABILITY_EXPORT_COLUMNS, accountabilityExportRow } from './accountability.xlsx.ts';


export function registerAccountabilityRoutes(app: FastifyInstance, ctx: AppContext) {
  const read = { permission: 'read:accountability' } as const;
  const write = { permission: 'edit:accountability' } as const;
  registerRoute(app, r.list, read, ({ actor, query }) => svc.listRecords(ctx, actor, query));
  registerRoute(app, r.create, write, ({ actor, body }) => svc.createRecord(ctx, actor, body));
  registerRoute(app, r.exportXlsx, read, async ({ actor, query, reply }) => {
    return sendXlsxExport(reply, `问责记录-${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`, { sheet: '问责记录', columns: ACCOUNTABILITY_EXPORT_COLUMNS, batches: mapBatches(svc.recordBatches(ctx, actor, query), accountabilityExportRow) });
  });
  registerRoute(app, r.get, read, ({ actor, params }) => svc.getRecord(ctx, actor, params.id));
  registerRoute(app, r.update, write, ({ actor, params, body }) => svc.updateRecord(ctx, actor, params.id, body));
}
