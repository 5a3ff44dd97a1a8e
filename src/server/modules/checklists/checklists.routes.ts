import type { FastifyInstance } from 'fastify';
import { calendarRoutes as cal, checklistRoutes as r } from '../../../contract/checklists.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { sendXlsx } from '../../http/xlsx-export.ts';
import { readXlsxUpload } from '../../http/xlsx-import.ts';
import * as calendar from './checklists.calendar.ts';
import { checklistImportRejects, commitChecklistImport, previewChecklistImport } from './checklists.import.ts';
import * as svc from './checklists.service.ts';
import { buildImportTemplate, buildTemplateWorkbook } from './checklists.xlsx.ts';

const MANAGERS = { permission: 'manage:checklist' } as const;
const READERS = { permission: 'read:checklist' } as const;

export function registerChecklistRoutes(app: FastifyInstance, ctx: AppContext) {
  // Reading: every signed-in user of the district (inspections need the templates).
  registerRoute(app, r.list, READERS, ({ actor, query }) => svc.listChecklists(ctx, actor, query));
  registerRoute(app, r.get, READERS, ({ actor, params }) => svc.getChecklist(ctx, actor, params.id));
  registerRoute(app, r.getVersion, READERS, ({ actor, params }) => svc.getVersionView(ctx, actor, params.id, params.version));
  registerRoute(app, r.diff, READERS, ({ actor, params, query }) => svc.diffVersions(ctx, actor, params.id, query.from, query.to));

  registerRoute(app, r.create, MANAGERS, ({ actor, body }) => svc.createChecklist(ctx, actor, body));
  registerRoute(app, r.previewPublish, MANAGERS, ({ actor, params, body }) => svc.previewPublish(ctx, actor, params.id, body));
  registerRoute(app, r.publish, MANAGERS, ({ actor, params, body }) => svc.publishChecklist(ctx, actor, params.id, body));
  registerRoute(app, r.setActive, MANAGERS, ({ actor, params, body }) => svc.setChecklistActive(ctx, actor, params.id, body));
  registerRoute(app, r.loadBuiltIns, MANAGERS, ({ actor }) => svc.loadBuiltIns(ctx, actor));
  registerRoute(app, r.updateBuiltIns, MANAGERS, ({ actor }) => svc.updateBuiltIns(ctx, actor));
  registerRoute(app, r.exportVersion, MANAGERS, async ({ actor, params, reply }) => {
    const v = await svc.getVersion(ctx, actor, params.id, params.version);
    return sendXlsx(reply, `检查表-${v.content.name}-第${v.version}版.xlsx`, await buildTemplateWorkbook(v.content));
  });
  registerRoute(app, r.importTemplate, MANAGERS, async ({ reply }) => sendXlsx(reply, '检查表导入模板.xlsx', await buildImportTemplate()));
  registerRoute(app, r.importPreview, MANAGERS, async ({ actor, req }) => {
    const { fileName, buf } = await readXlsxUpload(req);
    return previewChecklistImport(ctx, actor, fileName, buf);
  });
  registerRoute(app, r.importCommit, MANAGERS, ({ actor, params }) => commitChecklistImport(ctx, actor, params.batchId));
  registerRoute(app, r.importRejects, MANAGERS, async ({ actor, params, reply }) => {
    const f = await checklistImportRejects(ctx, actor, params.batchId);
    return sendXlsx(reply, f.fileName, f.buf);
  });

  registerRoute(app, cal.year, READERS, ({ actor, params }) => calendar.getCalendarYear(ctx, actor, params.year));
  registerRoute(app, cal.setYear, MANAGERS, ({ actor, params, body }) => calendar.setCalendarYear(ctx, actor, params.year, body.days));
  registerRoute(app, cal.putDay, MANAGERS, ({ actor, params, body }) => calendar.putCalendarDay(ctx, actor, params.day, body));
  registerRoute(app, cal.deleteDay, MANAGERS, ({ actor, params }) => calendar.deleteCalendarDay(ctx, actor, params.day));
}
