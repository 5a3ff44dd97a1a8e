import type { FastifyInstance } from 'fastify';
import { hazardRoutes as r } from '../../../contract/hazards.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { mapBatches, sendXlsx, sendXlsxExport } from '../../http/xlsx-export.ts';
import { readXlsxUpload } from '../../http/xlsx-import.ts';
import { listSectors } from '../org/index.ts';
import { buildHazardTemplate, commitHazardImport, hazardImportErrors, hazardImportRejects, previewHazardImport } from './hazards.import.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { hazardDashboard } from './hazards.dashboard.ts';
import * as criteria from './hazard-criteria.service.ts';
import * as svc from './hazards.service.ts';
import { HAZARD_EXPORT_COLUMNS, hazardExportRow } from './hazards.xlsx.ts';

export function registerHazardRoutes(app: FastifyInstance, ctx: AppContext) {
  // Evidence attached to a hazard (or one of its plans) is served to whoever may see the hazard.
  registerFileOwnerAccess('hazard', (c, actor, hazardId) => svc.hazardVisibleTo(c, actor, hazardId));
  registerFileOwnerAccess('hazard_plan', (c, actor, planId) => svc.planVisibleTo(c, actor, planId));

  registerRoute(app, r.list, { permission: 'read:hazard' }, ({ actor, query }) => svc.listHazards(ctx, actor, query));
  registerRoute(app, r.create, { permission: 'create:hazard' }, ({ actor, body }) => svc.createHazard(ctx, actor, body));
  registerRoute(app, r.exportXlsx, { permission: 'read:hazard' }, async ({ actor, query, reply }) => {
    return sendXlsxExport(reply, `隐患台账-${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`, {
      sheet: '隐患台账', columns: HAZARD_EXPORT_COLUMNS, batches: mapBatches(svc.hazardBatches(ctx, actor, query), hazardExportRow),
    });
  });
  registerRoute(app, r.criteria, { permission: 'read:hazard_criteria' }, ({ actor, query }) => criteria.listCriteria(ctx, actor, query));
  registerRoute(app, r.createCriterion, { permission: 'manage:hazard_criteria' }, ({ actor, body }) => criteria.createCriterion(ctx, actor, body));
  registerRoute(app, r.updateCriterion, { permission: 'manage:hazard_criteria' }, ({ actor, params, body }) => criteria.updateCriterion(ctx, actor, params.id, body));
  registerRoute(app, r.dashboard, { permission: 'read:dashboard' }, ({ actor, query }) =>
    hazardDashboard(ctx, actor, query),
  );
  registerRoute(app, r.importTemplate, { permission: 'import:hazard' }, async ({ actor, reply }) => {
    const sectors = (await listSectors(ctx.db, actor.districtId, false)).map((s) => s.name);
    return sendXlsx(reply, '隐患台账导入模板.xlsx', await buildHazardTemplate(sectors));
  });
  registerRoute(app, r.importPreview, { permission: 'import:hazard' }, async ({ actor, req }) => {
    const { fileName, buf, fields } = await readXlsxUpload(req);
    return previewHazardImport(ctx, actor, fileName, buf, fields.mapping);
  });
  registerRoute(app, r.importErrors, { permission: 'import:hazard' }, ({ actor, params, query }) => hazardImportErrors(ctx, actor, params.batchId, query));
  registerRoute(app, r.importCommit, { permission: 'import:hazard' }, ({ actor, params }) => commitHazardImport(ctx, actor, params.batchId));
  registerRoute(app, r.importRejects, { permission: 'import:hazard' }, async ({ actor, params, reply }) => {
    const f = await hazardImportRejects(ctx, actor, params.batchId);
    return sendXlsx(reply, f.fileName, f.buf);
  });
  registerRoute(app, r.get, { permission: 'read:hazard' }, ({ actor, params }) => svc.getHazard(ctx, actor, params.id));
  registerRoute(app, r.act, { permission: 'act:hazard' }, ({ actor, params, body }) => svc.actOnHazard(ctx, actor, params.id, body));
}
