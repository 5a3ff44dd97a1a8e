import type { FastifyInstance } from 'fastify';
import { enterpriseRoutes as r } from '../../../contract/enterprises.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { listUnits } from '../org/index.ts';
import { listSectors } from '../org/index.ts';
import { commitImport, enterpriseImportErrors, enterpriseImportRejects, previewImport } from './enterprises.import.ts';
import * as svc from './enterprises.service.ts';
import { EXPORT_COLUMNS, buildImportTemplate, exportRow } from './enterprises.xlsx.ts';
import { mapBatches, sendXlsx, sendXlsxExport } from '../../http/xlsx-export.ts';
import { readXlsxUpload } from '../../http/xlsx-import.ts';


export function registerEnterpriseRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, r.list, { permission: 'read:enterprise' }, ({ actor, query }) => svc.listEnterprises(ctx, actor, query));
  registerRoute(app, r.create, { permission: 'create:enterprise' }, ({ actor, body }) => svc.createEnterprise(ctx, actor, body));

  registerRoute(app, r.exportXlsx, { permission: 'read:enterprise' }, async ({ actor, query, reply }) => {
    return sendXlsxExport(reply, `生产经营单位-${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`, { sheet: '生产经营单位', columns: EXPORT_COLUMNS, batches: mapBatches(svc.enterpriseBatches(ctx, actor, query), exportRow) });
  });

  registerRoute(app, r.importTemplate, { permission: 'import:enterprise' }, async ({ actor, reply }) => {
    const villages = (await listUnits(ctx.db, { districtId: actor.districtId, kind: 'village' })).map((u) => u.unit.name);
    const sectors = (await listSectors(ctx.db, actor.districtId, false)).map((s) => s.name);
    return sendXlsx(reply, '生产经营单位导入模板.xlsx', await buildImportTemplate(villages, sectors));
  });

  registerRoute(app, r.importPreview, { permission: 'import:enterprise' }, async ({ actor, req }) => {
    const { fileName, buf, fields } = await readXlsxUpload(req);
    return previewImport(ctx, actor, fileName, buf, fields.mapping);
  });
  registerRoute(app, r.importErrors, { permission: 'import:enterprise' }, ({ actor, params, query }) => enterpriseImportErrors(ctx, actor, params.batchId, query));

  registerRoute(app, r.importCommit, { permission: 'import:enterprise' }, ({ actor, params }) => commitImport(ctx, actor, params.batchId));
  registerRoute(app, r.importRejects, { permission: 'import:enterprise' }, async ({ actor, params, reply }) => {
    const f = await enterpriseImportRejects(ctx, actor, params.batchId);
    return sendXlsx(reply, f.fileName, f.buf);
  });

  registerRoute(app, r.get, { permission: 'read:enterprise' }, ({ actor, params }) => svc.getEnterprise(ctx, actor, params.id));
  registerRoute(app, r.update, { permission: 'edit:enterprise' }, ({ actor, params, body }) => svc.updateEnterprise(ctx, actor, params.id, body));
  registerRoute(app, r.void, { permission: 'edit:enterprise' }, ({ actor, params, body }) => svc.voidEnterprise(ctx, actor, params.id, body));
}
