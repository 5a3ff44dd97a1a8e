// Leaders' activities (领导活动): list, detail, record, edit and void, each write one transaction
// with its audit row. A unit records in its own region; a department records its own head only,
// as 安委会成员单位负责人; minutes and photos go through the files module.
import type {
  TActivityCreate, TActivityDetail, TActivityFilter, TActivityListResponse, TActivityUpdate, TRegionLeaders,
} from '../../../contract/leadership.ts';
import { can } from '../../../domain/access/permissions.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import {
  activityAllowedActions, activityTownshipOf, keepsActivityRegion, postsRecordableBy,
} from '../../../domain/supervision/activity-policy.ts';
import { LEADER_POST_LABELS } from '../../../domain/supervision/leadership.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { loadCampaign } from '../campaigns/index.ts';
import { findEnterpriseInScope } from '../enterprises/index.ts';
import { attachFiles, detachFiles, listFilesOf, presentFile } from '../files/index.ts';
import { findHazardInScope, hazardScopeSql } from '../hazards/index.ts';
import { presentActivityDetail, presentActivityItem } from './leadership.presenter.ts';
import * as repo from './leadership.repository.ts';
import { activityScopeSql, nameableUsersSql } from './leadership.scope.ts';

const OWNER = repo.ACTIVITY_FILE_OWNER;
export const DEPARTMENT_POST_MESSAGE = `科室、部门只能登记本单位负责人（${LEADER_POST_LABELS.member_unit_head}）参加的活动`;

async function loadInScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findActivityInScope(db, activityScopeSql(actor), id);
  if (!row) throw notFound('领导活动');
  return row;
}

const actionsOf = (actor: Actor, a: repo.ActivityRow) => activityAllowedActions({
  mayRecord: can(actor.role, 'record:leadership'), ownUnit: actor.unitId === a.unitId, keepsRegion: keepsActivityRegion(actor, a), voided: a.voidedAt !== null,
});

/** Whether the actor may see the activity (its files are served to the same people). */
export async function activityVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  return can(actor.role, 'read:leadership') && (await repo.findActivityInScope(ctx.db, activityScopeSql(actor), id)) !== null;
}

export async function getActivity(ctx: AppContext, actor: Actor, id: string): Promise<TActivityDetail> {
  const row = await loadInScope(ctx.db, actor, id);
  const [hazards, tasks, files, createdByName] = await Promise.all([
    repo.hazardsByIds(ctx.db, row.a.hazardIds), repo.tasksByIds(ctx.db, row.a.taskIds), listFilesOf(ctx.db, OWNER, [id]), repo.userName(ctx.db, row.a.createdBy),
  ]);
  return presentActivityDetail(row, {
    hazards, tasks, createdByName, allowedActions: actionsOf(actor, row.a),
    files: (files.get(id) ?? []).map(presentFile),
  });
}

export async function listActivities(ctx: AppContext, actor: Actor, q: TActivityFilter & { page: number; pageSize: number }): Promise<TActivityListResponse> {
  const { rows, total, counts } = await repo.activityList.page(ctx.db, { f: q, scope: activityScopeSql(actor) }, q);
  return {
    items: rows.map(presentActivityItem), total, page: q.page, pageSize: q.pageSize,
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.n])) as TActivityListResponse['counts'],
  };
}

/** The leaders the actor may name (accounts with a post in its region), and what it may record. */
export async function regionLeaders(ctx: AppContext, actor: Actor): Promise<TRegionLeaders> {
  const rows = await repo.leadersWhere(ctx.db, nameableUsersSql(actor));
  return {
    items: rows.map((r) => ({ userId: r.userId, name: r.name, post: r.post!, unitName: r.unitName })),
    recordablePosts: [...postsRecordableBy(actor.unitKind)],
    defaultLevel: activityTownshipOf(actor) === null ? 'district' : 'township',
  };
}

/** The stored fields of a request, checked against the caller's region and scope. */
async function fieldsOf(ctx: AppContext, actor: Actor, input: TActivityCreate) {
  if (input.heldOn > shanghaiDay(ctx.clock.now())) throw invalid({ heldOn: ['活动日期不能晚于今天'] });
  if (activityTownshipOf(actor) === null && input.level === 'township') throw invalid({ level: ['区级单位登记的活动为区级活动'] });
  const posts = postsRecordableBy(actor.unitKind);
  if (input.leaders.some((l) => !posts.includes(l.post))) throw invalid({ leaders: [DEPARTMENT_POST_MESSAGE] }, DEPARTMENT_POST_MESSAGE);
  const ids = input.leaders.map((l) => l.userId).filter((x): x is string => x !== null);
  if (new Set(ids).size !== ids.length) throw invalid({ leaders: ['同一位领导只需填写一次'] });
  const known = new Map((await repo.usersAmong(ctx.db, nameableUsersSql(actor), ids)).map((u) => [u.id, u]));
  if (ids.some((i) => !known.has(i))) {
    const msg = actor.unitKind === 'department' ? '只能选择本单位的账号' : '只能选择本辖区的账号';
    throw invalid({ leaders: [msg] }, msg);
  }
  // An account is named by its own name.
  const leaders = input.leaders.map((l) => ({ userId: l.userId, name: l.userId ? known.get(l.userId)!.name : l.name, post: l.post }));
  if (input.enterpriseId && !(await findEnterpriseInScope(ctx.db, enterpriseScopeFor(actor), input.enterpriseId))) {
    throw invalid({ enterpriseId: ['生产经营单位不存在或不在您的管辖范围内'] });
  }
  if (input.campaignId) {
    try {
      await loadCampaign(ctx.db, actor, input.campaignId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw invalid({ campaignId: ['专项行动不存在或不在您的管辖范围内'] });
      throw e;
    }
  }
  const taskIds = [...new Set(input.taskIds)];
  if (taskIds.length && !input.campaignId) throw invalid({ taskIds: ['请先选择专项行动'] });
  if (taskIds.length && (await repo.tasksOfCampaign(ctx.db, input.campaignId!, taskIds)).length !== taskIds.length) {
    throw invalid({ taskIds: ['只能关联所选专项行动的任务'] });
  }
  const hazardIds = [...new Set(input.hazardIds)];
  const scope = hazardScopeSql(actor);
  for (const h of hazardIds) if (!(await findHazardInScope(ctx.db, scope, h))) throw invalid({ hazardIds: ['隐患不存在或不在您的管辖范围内'] });
  return {
    kind: input.kind, level: input.level, heldOn: input.heldOn, topic: input.topic, place: input.place, enterpriseId: input.enterpriseId,
    leaders, leaderUserIds: ids, campaignId: input.campaignId, hazardIds, taskIds, summary: input.summary,
  };
}

export async function createActivity(ctx: AppContext, actor: Actor, input: TActivityCreate): Promise<TActivityDetail> {
  const fields = await fieldsOf(ctx, actor, input);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertActivity(tx, {
      ...fields, districtId: actor.districtId, townshipId: activityTownshipOf(actor), unitId: actor.unitId, createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    await attachFiles(tx, actor, { ids: input.fileIds, ownerType: OWNER, ownerId: r.id, purpose: 'evidence' });
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'leadership_activity.create', entityType: 'leadership_activity', entityId: r.id, after: { ...r, fileIds: input.fileIds } });
    return r.id;
  });
  return getActivity(ctx, actor, id);
}

async function loadForWrite(ctx: AppContext, actor: Actor, id: string, action: 'edit' | 'void', version: number) {
  const row = await loadInScope(ctx.db, actor, id);
  if (!actionsOf(actor, row.a).includes(action)) {
    throw row.a.voidedAt ? conflict('该记录已作废') : new AppError('FORBIDDEN', '只有登记单位或本辖区安委办可以修改、作废该记录');
  }
  if (version !== row.a.version) throw conflict();
  return row.a;
}

export async function updateActivity(ctx: AppContext, actor: Actor, id: string, input: TActivityUpdate): Promise<TActivityDetail> {
  const before = await loadForWrite(ctx, actor, id, 'edit', input.version);
  const fields = await fieldsOf(ctx, actor, input);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateActivity(tx, id, input.version, { ...fields, updatedAt: now });
    if (!after) throw conflict();
    const current = ((await listFilesOf(tx, OWNER, [id])).get(id) ?? []).map((f) => f.id);
    const removed = current.filter((f) => !input.fileIds.includes(f));
    if (removed.length) await detachFiles(tx, { ids: removed, ownerType: OWNER, ownerId: id });
    await attachFiles(tx, actor, { ids: input.fileIds.filter((f) => !current.includes(f)), ownerType: OWNER, ownerId: id, purpose: 'evidence' });
    await recordAudit(tx, {
      at: now, districtId: before.districtId, actor, action: 'leadership_activity.update', entityType: 'leadership_activity', entityId: id,
      before: { ...before, fileIds: current }, after: { ...after, fileIds: input.fileIds },
    });
  });
  return getActivity(ctx, actor, id);
}

export async function voidActivity(ctx: AppContext, actor: Actor, id: string, input: { reason: string; version: number }): Promise<TActivityDetail> {
  const before = await loadForWrite(ctx, actor, id, 'void', input.version);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateActivity(tx, id, input.version, { voidedAt: now, voidReason: input.reason, updatedAt: now });
    if (!after) throw conflict();
    await recordAudit(tx, { at: now, districtId: before.districtId, actor, action: 'leadership_activity.void', entityType: 'leadership_activity', entityId: id, before, after });
  });
  return getActivity(ctx, actor, id);
}
