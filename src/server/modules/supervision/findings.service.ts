// The 问题清单: a unit sees the findings sent to it, a group those it found, the office its region's.
import { and, eq } from 'drizzle-orm';
import type { TFindingActionRequest, TFindingDetail, TFindingListQuery, TFindingListResponse } from '../../../contract/supervision.ts';
import { FINDING_ACTION_LABELS, findingWorkflow } from '../../../domain/supervision/finding-workflow.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { allowedActions } from '../../../domain/workflow/workflow.ts';
import type { AppContext } from '../../context.ts';
import { supervisionFindings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { eventsOf } from '../../kernel/record-events.ts';
import { runAction } from '../../kernel/run-action.ts';
import { listFilesOf, presentFile } from '../files/index.ts';
import { findFinding, findingList, presentFinding } from './findings.repository.ts';
import { FINDING_FILE_OWNER, findingRelations, findingScope, findingServerWorkflow } from './findings.workflow.ts';

const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());

export async function listFindings(ctx: AppContext, actor: Actor, q: TFindingListQuery): Promise<TFindingListResponse> {
  const today = todayOf(ctx);
  const { rows, total, counts } = await findingList.page(ctx.db, { ...q, scope: findingScope(actor), today }, q);
  return {
    items: rows.map((r) => presentFinding(r, today)), total, page: q.page, pageSize: q.pageSize,
    counts: { open: counts.open.n, answered: counts.answered.n, returned: counts.returned.n, closed: counts.closed.n, withdrawn: counts.withdrawn.n },
  };
}

const WHAT: Record<string, string> = { create: '督导检查发现问题', ...FINDING_ACTION_LABELS, accept: '验收销号', return: '退回整改', withdraw: '撤回问题' };


export async function getFinding(ctx: AppContext, actor: Actor, id: string): Promise<TFindingDetail> {
  const r = await findFinding(ctx.db, and(eq(supervisionFindings.id, id), findingScope(actor))!);
  if (!r) throw notFound('督导问题');
  const [files, events, relations] = await Promise.all([
    listFilesOf(ctx.db, FINDING_FILE_OWNER, [id]),
    eventsOf(ctx.db, 'supervision_finding', id),
    findingRelations(ctx.db, actor, r.f),
  ]);
  return {
    ...presentFinding(r, todayOf(ctx)),
    measures: r.f.measures, returnReason: r.f.returnReason, withdrawReason: r.f.withdrawReason,
    files: (files.get(id) ?? []).map(presentFile),
    history: events.map((e) => ({ at: e.at.toISOString(), who: [e.actorUnitName, e.actorName].filter(Boolean).join(' '), what: WHAT[e.action] ?? e.action, note: e.note })),
    allowedActions: allowedActions(findingWorkflow, { status: r.f.status }, relations),
  };
}

const workflow = findingServerWorkflow(getFinding);

export const actOnFinding = (ctx: AppContext, actor: Actor, id: string, body: TFindingActionRequest) => runAction(ctx, actor, workflow, id, body);

export async function findingVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  const [r] = await ctx.db.select({ id: supervisionFindings.id }).from(supervisionFindings).where(and(eq(supervisionFindings.id, id), findingScope(actor))).limit(1);
  return r !== undefined;
}
