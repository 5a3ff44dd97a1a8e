import type { FastifyInstance } from 'fastify';
import { campaignProgressRoutes as p } from '../../../contract/campaign-progress.ts';
import { campaignRoutes as r } from '../../../contract/campaigns.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import { sendXlsx } from '../../http/xlsx-export.ts';
import { registerFileOwnerAccess } from '../files/index.ts';
import { registerReminderSource } from '../notifications/index.ts';
import { campaignReminders } from './campaigns.reminders.ts';
import { commitAnnex, previewAnnex, readAnnexGrid } from './annex-import.service.ts';
import { exportTasks } from './campaign-export.service.ts';
import * as tasks from './campaign-tasks.service.ts';
import * as svc from './campaigns.service.ts';
import { aliasList, putAliases, reportVisibleTo } from './aliases-and-files.ts';
import * as progress from './progress.service.ts';
import { matrix, myOccurrences } from './progress-views.service.ts';

export function registerCampaignRoutes(app: FastifyInstance, ctx: AppContext) {
  registerReminderSource(campaignReminders);
  registerFileOwnerAccess('progress_report', (c, actor, reportId) => reportVisibleTo(c, actor, reportId));
  const read = { permission: 'read:campaign' } as const;
  const edit = { permission: 'edit:campaign' } as const;
  const report = { permission: 'report:progress' } as const;

  registerRoute(app, r.list, read, ({ actor, query }) => svc.listCampaigns(ctx, actor, query));
  registerRoute(app, r.create, edit, ({ actor, body }) => svc.createCampaign(ctx, actor, body));
  registerRoute(app, r.get, read, ({ actor, params }) => svc.getCampaign(ctx, actor, params.id));
  registerRoute(app, r.update, edit, ({ actor, params, body }) => svc.updateCampaign(ctx, actor, params.id, body));
  registerRoute(app, r.publish, edit, ({ actor, params, body }) => svc.publishCampaign(ctx, actor, params.id, body.version));
  registerRoute(app, r.tasks, read, ({ actor, params, query }) => tasks.listTasks(ctx, actor, params.id, query));
  registerRoute(app, r.createTask, edit, ({ actor, params, body }) => tasks.createTask(ctx, actor, params.id, body));
  registerRoute(app, r.updateTask, edit, ({ actor, params, body }) => tasks.updateTask(ctx, actor, params.id, params.taskId, body));
  registerRoute(app, r.voidTask, edit, ({ actor, params, body }) => tasks.voidTask(ctx, actor, params.id, params.taskId, body));
  registerRoute(app, r.reorder, edit, ({ actor, params, body }) => tasks.reorderTasks(ctx, actor, params.id, body.taskIds));
  registerRoute(app, r.units, read, ({ actor, params }) => tasks.assignable(ctx, actor, params.id));
  registerRoute(app, r.parseDeadline, read, async ({ body }) => tasks.parseDeadlineText(body.text, body.period));
  registerRoute(app, r.aliases, edit, ({ actor }) => aliasList(ctx, actor));
  registerRoute(app, r.putAliases, edit, ({ actor, body }) => putAliases(ctx, actor, body.items));

  registerRoute(app, p.importPreview, edit, async ({ actor, params, req }) => previewAnnex(ctx, actor, params.id, await readAnnexGrid(req)));
  registerRoute(app, p.importCommit, edit, ({ actor, params, body }) => commitAnnex(ctx, actor, params.id, body));
  registerRoute(app, p.matrix, read, ({ actor, params, query }) => matrix(ctx, actor, params.id, query));
  registerRoute(app, p.exportTasks, read, async ({ actor, params, query, reply }) => {
    const f = await exportTasks(ctx, actor, params.id, query.unitId);
    return sendXlsx(reply, f.fileName, f.buf);
  });
  registerRoute(app, p.myOccurrences, read, ({ actor, query }) => myOccurrences(ctx, actor, query));
  registerRoute(app, p.occurrence, read, ({ actor, params }) => progress.occurrenceDetail(ctx, actor, params.key));
  registerRoute(app, p.fileReport, report, ({ actor, params, body }) => progress.fileReport(ctx, actor, params.key, body));
  registerRoute(app, p.acknowledge, report, ({ actor, params }) => progress.acknowledge(ctx, actor, params.key));
  registerRoute(app, p.urge, edit, ({ actor, body }) => progress.urge(ctx, actor, body.keys, body.note));
  registerRoute(app, p.reviewReport, edit, ({ actor, params, body }) => progress.reviewReport(ctx, actor, params.id, body));
}
