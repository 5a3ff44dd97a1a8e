import type { FastifyInstance } from 'fastify';
import { reportWorkbookRoutes as wb } from '../../../contract/report-workbooks.ts';
import { reportRoutes as r } from '../../../contract/reports.ts';
import type { AppContext } from '../../context.ts';
import { sharedPdfPrinter } from '../../http/pdf-printer.ts';
import { registerRoute } from '../../http/route.ts';
import { sendXlsx } from '../../http/xlsx-export.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { registerReminderSource } from '../notifications/index.ts';
import { campaignDashboard } from './campaign-dashboard.service.ts';
import { attachForm, editForm, listForms, listTemplates } from './forms.service.ts';
import { exportRollup, exportSubmission, printSubmission } from './reports.export.ts';
import { reportReminders } from './reports.reminders.ts';
import { cellRecords, rollup } from './rollup.service.ts';
import { actOnSubmission, getSubmission, saveSubmission } from './submission.service.ts';
import { WORKBOOK_OWNER, metricList, saveWorkbookTemplate, templateVisibleTo, uploadWorkbook } from './workbook/workbook.service.ts';

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext) {
  registerReminderSource(reportReminders);
  const read = { permission: 'read:report' } as const;
  const review = { permission: 'review:report' } as const;
  registerFileOwnerAccess(WORKBOOK_OWNER, (c, actor, id) => templateVisibleTo(c, actor, id));
  registerRoute(app, r.dashboard, { permission: 'read:campaign' }, ({ actor, params }) => campaignDashboard(ctx, actor, params.id));
  registerRoute(app, r.templates, read, ({ actor }) => listTemplates(ctx, actor));
  registerRoute(app, wb.upload, review, ({ actor, req }) => uploadWorkbook(ctx, actor, req));
  registerRoute(app, wb.save, review, ({ actor, body }) => saveWorkbookTemplate(ctx, actor, body));
  registerRoute(app, wb.metrics, read, async () => metricList());
  registerRoute(app, r.forms, read, ({ actor, params }) => listForms(ctx, actor, params.id));
  registerRoute(app, r.attach, review, ({ actor, params, body }) => attachForm(ctx, actor, params.id, body));
  registerRoute(app, r.edit, review, ({ actor, params, body }) => editForm(ctx, actor, params.id, body));
  registerRoute(app, r.rollup, read, ({ actor, params, query }) => rollup(ctx, actor, params.id, params.due, query.form));
  registerRoute(app, r.rollupXlsx, read, async ({ actor, params, query, reply }) => {
    const f = await exportRollup(ctx, actor, params.id, params.due, query.form);
    return sendXlsx(reply, f.fileName, f.buf);
  });
  registerRoute(app, r.get, read, ({ actor, params }) => getSubmission(ctx, actor, params.key));
  registerRoute(app, r.save, { permission: 'fill:report' }, ({ actor, params, body }) => saveSubmission(ctx, actor, params.key, body));
  registerRoute(app, r.act, read, ({ actor, params, body }) => actOnSubmission(ctx, actor, params.key, body));
  registerRoute(app, r.records, read, ({ actor, params, query }) => cellRecords(ctx, actor, params.key, params.cell, query.page, query.pageSize));
  const printer = sharedPdfPrinter(app);
  registerRoute(app, r.pdf, read, async ({ actor, params, reply }) => {
    const f = await printSubmission(ctx, printer, actor, params.key);
    return reply.header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="form.pdf"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.pdf);
  });
  registerRoute(app, r.xlsx, read, async ({ actor, params, reply }) => {
    const f = await exportSubmission(ctx, actor, params.key);
    return sendXlsx(reply, f.fileName, f.buf);
  });
}
