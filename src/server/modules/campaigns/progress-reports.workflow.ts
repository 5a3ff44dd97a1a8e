// The progress report workflow as the server runs it (kernel/run-action.ts): a report is loaded
// through its campaign's scope, reviewed by the campaign's office, and its unit is told the outcome.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { TOccurrenceDetail, TReportAction } from '../../../contract/campaign-progress.ts';
import { keepsCampaign } from '../../../domain/access/scope.ts';
import { occurrenceKey } from '../../../domain/campaigns/occurrences.ts';
import {
  type ProgressReportAction, type ProgressReportFacts, type ProgressReportInput, type ProgressReportRefusal, type ProgressReportRelation,
  type ProgressReportState, progressReportWorkflow,
} from '../../../domain/campaigns/progress-report-workflow.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaignTasks, campaigns, progressReports } from '../../db/schema/index.ts';
import type { ServerWorkflow } from '../../kernel/run-action.ts';
import { campaignScopeSql } from './campaigns.scope.ts';
import { occurrenceDetail } from './progress.service.ts';

export type ProgressReportRow = typeof progressReports.$inferSelect;

async function campaignOf(db: DbOrTx, r: ProgressReportRow) {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, r.campaignId)).limit(1);
  return c!;
}

export const progressReportServerWorkflow: ServerWorkflow<
  ProgressReportState, ProgressReportAction, ProgressReportFacts, ProgressReportRelation, ProgressReportInput, ProgressReportRefusal,
  ProgressReportRow, TReportAction, TOccurrenceDetail
> = {
  def: progressReportWorkflow,
  audit: { entityType: 'progress_report', actionPrefix: 'progress_report' },
  label: '落实情况',
  forbiddenMessage: '只有发布该专项行动的安委办可以确认或退回落实情况',
  async load(db, actor, id) {
    const [r] = await db.select({ r: progressReports }).from(progressReports)
      .innerJoin(campaigns, eq(campaigns.id, progressReports.campaignId))
      .where(and(eq(progressReports.id, id), campaignScopeSql(actor))).limit(1);
    return r?.r ?? null;
  },
  async facts(db, r) {
    const [later] = await db.select({ id: progressReports.id }).from(progressReports)
      .where(and(eq(progressReports.taskId, r.taskId), eq(progressReports.unitId, r.unitId), eq(progressReports.due, r.due), gt(progressReports.revision, r.revision))).limit(1);
    return { status: r.status, superseded: later !== undefined };
  },
  async relations(db, actor, r) {
    return keepsCampaign(actor, await campaignOf(db, r)) ? ['reviewer'] : [];
  },
  async update(tx, id, version, set, now) {
    const [u] = await tx.update(progressReports).set({ ...set, version: version + 1, updatedAt: now })
      .where(and(eq(progressReports.id, id), eq(progressReports.version, version))).returning();
    return u ?? null;
  },
  handlers: {
    confirm: { run: async ({ actor, now }) => ({ set: { reviewedBy: actor.userId, reviewedAt: now, reviewReason: null } }) },
    return: {
      input: ({ body }) => ({ action: 'return', reason: body.action === 'return' ? body.reason : '' }),
      run: async ({ actor, now, body }) => {
        const reason = body.action === 'return' ? body.reason : '';
        return { set: { reviewedBy: actor.userId, reviewedAt: now, reviewReason: reason }, event: { note: reason } };
      },
    },
  },
  async notifications({ tx, actor, row, body }) {
    const [t] = await tx.select({ requirement: campaignTasks.requirement }).from(campaignTasks).where(eq(campaignTasks.id, row.taskId)).limit(1);
    const returned = body.action === 'return';
    return [{
      districtId: row.districtId, kind: returned ? 'campaign.report_returned' : 'campaign.report_confirmed',
      title: (t?.requirement ?? '').slice(0, 60), body: returned ? `退回原因：${body.reason}` : `节点 ${row.due} 的落实情况已确认`,
      href: `/occurrences/${occurrenceKey(row)}`, entity: { type: 'progress_report', id: row.id }, audience: { unitIds: [row.unitId] }, actorId: actor.userId,
    }];
  },
  async presentAfterAction(ctx, actor, id) {
    const [r] = await ctx.db.select().from(progressReports).where(eq(progressReports.id, id)).orderBy(desc(progressReports.revision)).limit(1);
    return occurrenceDetail(ctx, actor, occurrenceKey(r!));
  },
};
