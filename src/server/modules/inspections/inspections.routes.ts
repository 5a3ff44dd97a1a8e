import type { FastifyInstance } from 'fastify';
import { inspectionRoutes as r } from '../../../contract/inspections.ts';
import type { AppContext } from '../../context.ts';
import { sharedPdfPrinter } from '../../http/pdf-printer.ts';
import { registerRoute } from '../../http/route.ts';
import { mapBatches, sendXlsxExport } from '../../http/xlsx-export.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { completeInspection } from './inspections.complete.ts';
import { inspectionRecordPdf } from './inspections.pdf.ts';
import * as svc from './inspections.service.ts';
import { INSPECTION_EXPORT_COLUMNS, inspectionExportRow } from './inspections.xlsx.ts';


export function registerInspectionRoutes(app: FastifyInstance, ctx: AppContext) {
  // An answer's photos are served to whoever may see the inspection.
  registerFileOwnerAccess('inspection', (c, actor, id) => svc.inspectionVisibleTo(c, actor, id));
  const printer = sharedPdfPrinter(app);

  registerRoute(app, r.list, { permission: 'read:inspection' }, ({ actor, query }) => svc.listInspections(ctx, actor, query));
  registerRoute(app, r.exportXlsx, { permission: 'read:inspection' }, async ({ actor, query, reply }) => {
    return sendXlsxExport(reply, `检查记录-${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`, { sheet: '检查记录', columns: INSPECTION_EXPORT_COLUMNS, batches: mapBatches(svc.inspectionBatches(ctx, actor, query), inspectionExportRow) });
  });
  registerRoute(app, r.options, { permission: 'create:inspection' }, ({ actor, query }) => svc.inspectionOptions(ctx, actor, query));
  registerRoute(app, r.create, { permission: 'create:inspection' }, ({ actor, body }) => svc.createInspection(ctx, actor, body));
  registerRoute(app, r.get, { permission: 'read:inspection' }, ({ actor, params }) => svc.getInspection(ctx, actor, params.id));
  registerRoute(app, r.update, { permission: 'create:inspection' }, ({ actor, params, body }) => svc.updateInspection(ctx, actor, params.id, body));
  registerRoute(app, r.saveAnswer, { permission: 'create:inspection' }, ({ actor, params, body }) => svc.saveAnswer(ctx, actor, params.id, params.itemKey, body));
  registerRoute(app, r.sign, { permission: 'create:inspection' }, ({ actor, params, body }) => svc.signInspection(ctx, actor, params.id, body.version));
  registerRoute(app, r.complete, { permission: 'create:inspection' }, ({ actor, params, body }) => completeInspection(ctx, actor, params.id, body));
  registerRoute(app, r.discard, { permission: 'create:inspection' }, ({ actor, params, body }) => svc.discardInspection(ctx, actor, params.id, body));
  registerRoute(app, r.recordPdf, { permission: 'read:inspection' }, async ({ actor, params, reply }) => {
    const { number, pdf } = await inspectionRecordPdf(ctx, printer, actor, params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="record.pdf"; filename*=UTF-8''${encodeURIComponent(`现场检查记录-${number}.pdf`)}`)
      .send(pdf);
  });
}
