// A campaign's required frequencies of leaders' activities (领导履职): kept by the office that keeps
// the campaign, read by everyone who reads leadership in its region; suggested from the task list's
// words ("识别"), and shown as the compliance table (leader × window) of each.
import type {
  TCampaignLeadership, TRequirement, TRequirementCreate, TRequirementSuggestion, TRequirementUpdate,
} from '../../../contract/leadership.ts';
import { keepsCampaign } from '../../../domain/access/scope.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { requirementAllowedActions } from '../../../domain/supervision/activity-policy.ts';
import { complianceTable, parseFrequency } from '../../../domain/supervision/compliance.ts';
import { suggestRequirement } from '../../../domain/supervision/suggest.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { type CampaignRow, loadCampaign, loadKeptCampaign } from '../campaigns/index.ts';
import * as repo from './leadership.repository.ts';
import { leadershipDataOf, periodOf, specOf } from './leadership.records.ts';

export const UNREADABLE_FREQUENCY = '无法识别频次要求，请写成“每月1次”“每3个月1次”“至少1次”或具体日期';

/** A task's words as a requirement's name: "（2）党委主要负责人要每3个月听取1次…" → without the item number. */
const labelOf = (requirement: string) => requirement.replace(/^[（(]\d+[)）]\s*/, '').replace(/[。；;]$/, '').slice(0, 100);

export async function campaignLeadership(ctx: AppContext, actor: Actor, campaignId: string): Promise<TCampaignLeadership> {
  const { c } = await loadCampaign(ctx.db, actor, campaignId);
  return present(ctx, actor, c);
}

async function present(ctx: AppContext, actor: Actor, c: CampaignRow): Promise<TCampaignLeadership> {
  const today = shanghaiDay(ctx.clock.now());
  const period = periodOf(c);
  const data = await leadershipDataOf(ctx.db, [c]);
  const reqs = data?.reqs ?? [];
  const tasks = new Map((await repo.tasksByIds(ctx.db, reqs.map((r) => r.taskId).filter((x): x is string => x !== null))).map((t) => [t.id, t]));
  const leaders = data ? data.leadersOf(c) : [];
  const unitNames = new Map(leaders.map((l) => [l.userId, l.unitName]));
  const counted = new Set<string>();
  const requirements = reqs.map((r): TRequirement => {
    const t = complianceTable(specOf(r), period, leaders, data!.facts, today);
    const cells = t.rows.flatMap((row) => row.cells);
    for (const cell of cells) for (const id of cell.activityIds) counted.add(id);
    const n = (s: string) => cells.filter((x) => x.status === s).length;
    return {
      id: r.id, campaignId: r.campaignId, label: r.label, posts: specOf(r).posts as TRequirement['posts'], kinds: specOf(r).kinds as TRequirement['kinds'],
      frequencyText: r.frequencyText, task: r.taskId ? tasks.get(r.taskId) ?? null : null, version: r.version,
      frequency: { readable: t.frequency.readable, count: t.frequency.count, windows: t.frequency.windows.map((w) => ({ from: w.from, due: w.due })) },
      rows: t.rows.map((row) => ({ leader: { ...row.leader, unitName: unitNames.get(row.leader.userId) ?? '' }, cells: row.cells })),
      counts: { done: n('done'), missing: n('missing'), due: n('due'), upcoming: n('upcoming') },
    };
  });
  const activities = Object.fromEntries([...counted].map((id) => data!.factById.get(id)!).map((a) => [a.id, { heldOn: a.heldOn, kind: a.kind, topic: a.topic }]));
  return { today, period, requirements, activities, allowedActions: requirementAllowedActions(keepsCampaign(actor, c)) };
}

/** The stored fields, checked: a readable phrase, a live task of the campaign not linked to another requirement. */
async function fieldsOf(ctx: AppContext, c: CampaignRow, input: TRequirementCreate, self: string | null) {
  if (!parseFrequency(input.frequencyText, periodOf(c)).readable) throw invalid({ frequencyText: [UNREADABLE_FREQUENCY] }, UNREADABLE_FREQUENCY);
  if (input.taskId) {
    if ((await repo.tasksOfCampaign(ctx.db, c.id, [input.taskId])).length === 0) throw invalid({ taskId: ['只能关联本专项行动的任务'] });
    const other = (await repo.requirementsOf(ctx.db, [c.id])).find((r) => r.taskId === input.taskId && r.id !== self);
    if (other) throw invalid({ taskId: [`该任务已关联频次要求「${other.label}」`] });
  }
  return { label: input.label, posts: [...new Set(input.posts)], kinds: [...new Set(input.kinds)], frequencyText: input.frequencyText, taskId: input.taskId };
}

export async function createRequirement(ctx: AppContext, actor: Actor, campaignId: string, input: TRequirementCreate) {
  const { c } = await loadKeptCampaign(ctx.db, actor, campaignId);
  const fields = await fieldsOf(ctx, c, input, null);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const r = await repo.insertRequirement(tx, { ...fields, districtId: c.districtId, campaignId: c.id, createdBy: actor.userId, createdAt: now, updatedAt: now });
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'leadership_requirement.create', entityType: 'leadership_requirement', entityId: r.id, after: r });
  });
  return present(ctx, actor, c);
}

async function loadRequirement(ctx: AppContext, actor: Actor, campaignId: string, id: string, version: number) {
  const { c } = await loadKeptCampaign(ctx.db, actor, campaignId);
  const before = await repo.findRequirement(ctx.db, c.id, id);
  if (!before) throw notFound('频次要求');
  if (before.version !== version) throw conflict();
  return { c, before };
}

export async function updateRequirement(ctx: AppContext, actor: Actor, campaignId: string, id: string, input: TRequirementUpdate) {
  const { c, before } = await loadRequirement(ctx, actor, campaignId, id, input.version);
  const fields = await fieldsOf(ctx, c, input, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateRequirement(tx, id, input.version, { ...fields, updatedAt: now });
    if (!after) throw conflict();
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'leadership_requirement.update', entityType: 'leadership_requirement', entityId: id, before, after });
  });
  return present(ctx, actor, c);
}

export async function voidRequirement(ctx: AppContext, actor: Actor, campaignId: string, id: string, version: number) {
  const { c, before } = await loadRequirement(ctx, actor, campaignId, id, version);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateRequirement(tx, id, version, { voidedAt: now, updatedAt: now });
    if (!after) throw conflict();
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'leadership_requirement.void', entityType: 'leadership_requirement', entityId: id, before, after });
  });
  return present(ctx, actor, c);
}

/** 识别: the campaign's tasks whose words ask leaders for activities, read as requirements for the office to confirm. */
export async function suggestions(ctx: AppContext, actor: Actor, campaignId: string): Promise<{ items: TRequirementSuggestion[] }> {
  const { c } = await loadKeptCampaign(ctx.db, actor, campaignId);
  const [tasks, reqs] = await Promise.all([repo.tasksOfCampaign(ctx.db, c.id), repo.requirementsOf(ctx.db, [c.id])]);
  const linked = new Map(reqs.filter((r) => r.taskId).map((r) => [r.taskId!, r.id]));
  const items = tasks.flatMap((t) => {
    const s = suggestRequirement({ requirement: t.requirement, deadlineText: t.deadlineText });
    if (!s) return [];
    return [{
      taskId: t.id, taskNumber: t.number, taskRequirement: t.requirement, deadlineText: t.deadlineText, label: labelOf(t.requirement),
      posts: s.posts, kinds: s.kinds, frequencyText: s.frequencyText, existingRequirementId: linked.get(t.id) ?? null,
    }];
  });
  return { items };
}
