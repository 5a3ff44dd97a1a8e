// 督导工作组, set up by the region's office: people (组长 and 成员, with their accounts when they have
// one), the departments and villages assigned, the campaign served. A group's members are the
// accounts among its people: the members table is rewritten from them, and it is what the data
// scope reads (domain/access/scope.ts, through auth's groupAssignmentsOf).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TGroupCreate, TGroupItem, TGroupListResponse, TGroupPerson, TGroupUpdate } from '../../../contract/supervision.ts';
import { can } from '../../../domain/access/permissions.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import {
  campaigns, orgUnits, supervisionFindings, supervisionGroupMembers, supervisionGroupUnits, supervisionGroups, supervisionVisits, users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import { recordAudit } from '../audit/index.ts';
import { type GroupRow, actsForGroup, groupScopeSql, keepsGroup, regionUsersSql, townshipOf } from './supervision.scope.ts';

const groupList = defineListQuery<{ scope: ReturnType<typeof groupScopeSql>; q?: string; mine?: string }, GroupRow>({
  from: sql`from ${supervisionGroups}`,
  id: supervisionGroups.id,
  where: ({ scope, q, mine }) => [
    scope, containsText(q, supervisionGroups.name),
    mine ? sql`${supervisionGroups.id} in (select ${supervisionGroupMembers.groupId} from ${supervisionGroupMembers} where ${supervisionGroupMembers.userId} = ${mine})` : undefined,
  ],
  sort: () => [{ expr: sql`${supervisionGroups.active}::int`, dir: 'desc' }, { expr: supervisionGroups.createdAt, dir: 'asc' }],
  rows: (db, ids) => db.select().from(supervisionGroups).where(idIn(supervisionGroups.id, ids)),
  rowId: (r) => r.id,
});

/** Units, campaign names, account names and the visit/finding figures of these groups: one query each. */
async function present(db: DbOrTx, actor: Actor, rows: readonly GroupRow[], today: string): Promise<TGroupItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = rows.flatMap((r) => (r.people as TGroupPerson[]).map((p) => p.userId).filter((x): x is string => x !== null));
  const campaignIds = rows.map((r) => r.campaignId).filter((x): x is string => x !== null);
  const [units, names, camps, visitFigures, findingFigures] = await Promise.all([
    db.select({ groupId: supervisionGroupUnits.groupId, id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(supervisionGroupUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, supervisionGroupUnits.unitId)).where(inArray(supervisionGroupUnits.groupId, ids)).orderBy(asc(orgUnits.kind), asc(orgUnits.sortOrder), asc(orgUnits.name)),
    people.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(people)])) : [],
    campaignIds.length ? db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(inArray(campaigns.id, campaignIds)) : [],
    // units visited among those assigned now (a unit taken off the group no longer counts)
    db.select({
      groupId: supervisionVisits.groupId, visits: sql<number>`count(*)::int`,
      units: sql<number>`count(distinct ${supervisionVisits.unitId}) filter (where exists (select 1 from supervision_group_units a where a.group_id = ${supervisionVisits.groupId} and a.unit_id = ${supervisionVisits.unitId}))::int`,
    }).from(supervisionVisits).where(inArray(supervisionVisits.groupId, ids)).groupBy(supervisionVisits.groupId),
    db.select({
      groupId: supervisionFindings.groupId,
      open: sql<number>`count(*) filter (where ${supervisionFindings.status} in ('open', 'answered', 'returned'))::int`,
      overdue: sql<number>`count(*) filter (where ${supervisionFindings.status} in ('open', 'returned') and ${supervisionFindings.dueDate} < ${today})::int`,
      closed: sql<number>`count(*) filter (where ${supervisionFindings.status} = 'closed')::int`,
    }).from(supervisionFindings).where(inArray(supervisionFindings.groupId, ids)).groupBy(supervisionFindings.groupId),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const campOf = new Map(camps.map((c) => [c.id, c]));
  const vf = new Map(visitFigures.map((v) => [v.groupId, v]));
  const ff = new Map(findingFigures.map((f) => [f.groupId, f]));
  return rows.map((r) => ({
    id: r.id, name: r.name, campaign: r.campaignId ? campOf.get(r.campaignId) ?? null : null,
    people: (r.people as TGroupPerson[]).map((p) => ({ ...p, userName: p.userId ? nameOf.get(p.userId) ?? null : null })),
    units: units.filter((u) => u.groupId === r.id).map(({ id, name, kind }) => ({ id, name, kind })),
    active: r.active,
    figures: {
      visits: vf.get(r.id)?.visits ?? 0, unitsVisited: vf.get(r.id)?.units ?? 0,
      findingsOpen: ff.get(r.id)?.open ?? 0, findingsOverdue: ff.get(r.id)?.overdue ?? 0, findingsClosed: ff.get(r.id)?.closed ?? 0,
    },
    version: r.version,
    allowedActions: [
      ...(keepsGroup(actor, r) && can(actor.role, 'manage:supervision_group') ? ['edit' as const] : []),
      ...(r.active && can(actor.role, 'visit:supervision') && (keepsGroup(actor, r) || (r.people as TGroupPerson[]).some((p) => p.userId === actor.userId)) ? ['visit' as const] : []),
    ],
  }));
}

const today = (ctx: AppContext) => shanghaiDay(ctx.clock.now());

export async function listGroups(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number; q?: string; mine?: boolean }): Promise<TGroupListResponse> {
  const { rows, total } = await groupList.page(ctx.db, { scope: groupScopeSql(actor), q: q.q, mine: q.mine ? actor.userId : undefined }, q);
  return {
    items: await present(ctx.db, actor, rows, today(ctx)), total, page: q.page, pageSize: q.pageSize,
    canCreate: can(actor.role, 'manage:supervision_group') && (actor.unitKind === 'district' || actor.unitKind === 'township'),
  };
}

async function loadGroup(db: DbOrTx, actor: Actor, id: string): Promise<GroupRow> {
  const [g] = await db.select().from(supervisionGroups).where(and(eq(supervisionGroups.id, id), groupScopeSql(actor))).limit(1);
  if (!g) throw notFound('督导工作组');
  return g;
}

export async function getGroup(ctx: AppContext, actor: Actor, id: string): Promise<TGroupItem> {
  return (await present(ctx.db, actor, [await loadGroup(ctx.db, actor, id)], today(ctx)))[0]!;
}

type Region = { districtId: string; townshipId: string | null };
/** The region a new group of this actor belongs to. */
const actorRegion = (actor: Actor): Region => ({ districtId: actor.districtId, townshipId: townshipOf(actor) });

/** The region whose units and people a group may take: an existing group's own (the district may keep a township's), else the actor's. */
async function regionFor(db: DbOrTx, actor: Actor, groupId: string | undefined): Promise<Region> {
  if (!groupId) return actorRegion(actor);
  const g = await loadGroup(db, actor, groupId);
  if (!keepsGroup(actor, g)) throw notFound('督导工作组');
  return { districtId: g.districtId, townshipId: g.townshipId };
}

/** The departments and villages of a region (what a group may be assigned) and its published campaigns. */
export const groupOptions = async (ctx: AppContext, actor: Actor, groupId?: string) => regionOptions(ctx.db, await regionFor(ctx.db, actor, groupId));

async function regionOptions(db: DbOrTx, r: Region) {
  const region = r.townshipId ? eq(orgUnits.parentId, r.townshipId)
    : sql`(${orgUnits.parentId} = ${r.districtId} and ${orgUnits.kind} = 'department' or ${orgUnits.parentId} in (select id from org_units t where t.parent_id = ${r.districtId} and t.kind = 'township'))`;
  const [units, camps] = await Promise.all([
    db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits)
      .where(and(eq(orgUnits.districtId, r.districtId), eq(orgUnits.active, true), inArray(orgUnits.kind, ['department', 'village']), region))
      .orderBy(asc(orgUnits.kind), asc(orgUnits.sortOrder), asc(orgUnits.name)).limit(1000),
    db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns)
      .where(and(eq(campaigns.districtId, r.districtId), r.townshipId ? eq(campaigns.townshipId, r.townshipId) : sql`${campaigns.townshipId} is null`))
      .orderBy(sql`${campaigns.periodStart} desc`).limit(200),
  ]);
  return { units, campaigns: camps };
}

/** The region's active accounts (not enterprises), searched by name: who may be named with an account. */
export async function people(ctx: AppContext, actor: Actor, q: string | undefined, groupId?: string) {
  const r = await regionFor(ctx.db, actor, groupId);
  const rows = await ctx.db.select({ id: users.id, name: users.displayName, unitName: orgUnits.name, role: users.role }).from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.districtId, r.districtId), eq(users.active, true), sql`${users.role} <> 'enterprise'`, regionUsersSql(r, users.unitId), containsText(q, users.displayName, users.username)))
    .orderBy(asc(users.displayName)).limit(50);
  return { items: rows };
}

/** The request's units and accounts, checked against the actor's region. */
async function checked(tx: DbOrTx, r: Region, input: TGroupCreate) {
  const opts = await regionOptions(tx, r);
  const allowed = new Set(opts.units.map((u) => u.id));
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.some((u) => !allowed.has(u))) throw invalid({ unitIds: ['只能选择本辖区的部门和村（社区）'] });
  if (input.campaignId && !opts.campaigns.some((c) => c.id === input.campaignId)) throw invalid({ campaignId: ['只能选择本级发布的专项行动'] });
  const userIds = [...new Set(input.people.map((p) => p.userId).filter((x): x is string => x !== null))];
  if (userIds.length) {
    const found = await tx.select({ id: users.id }).from(users)
      .where(and(inArray(users.id, userIds), eq(users.districtId, r.districtId), eq(users.active, true), sql`${users.role} <> 'enterprise'`, regionUsersSql(r, users.unitId)));
    if (found.length !== userIds.length) throw invalid({ people: ['所选账号不存在、已停用或不属于本辖区'] });
  }
  return { unitIds, userIds };
}

async function writeAssignments(tx: Tx, districtId: string, groupId: string, unitIds: string[], userIds: string[]) {
  await tx.delete(supervisionGroupUnits).where(eq(supervisionGroupUnits.groupId, groupId));
  await tx.delete(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, groupId));
  if (unitIds.length) await tx.insert(supervisionGroupUnits).values(unitIds.map((unitId) => ({ districtId, groupId, unitId })));
  if (userIds.length) await tx.insert(supervisionGroupMembers).values(userIds.map((userId) => ({ districtId, groupId, userId })));
}

export async function createGroup(ctx: AppContext, actor: Actor, input: TGroupCreate): Promise<TGroupItem> {
  if (actor.unitKind !== 'district' && actor.unitKind !== 'township') throw invalid({ _: ['只有区、镇（街道）安委办可以设立督导工作组'] });
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { unitIds, userIds } = await checked(tx, actorRegion(actor), input);
    const [g] = await tx.insert(supervisionGroups).values({
      districtId: actor.districtId, townshipId: townshipOf(actor), name: input.name, people: input.people, campaignId: input.campaignId, createdAt: now, updatedAt: now,
    }).returning();
    await writeAssignments(tx, actor.districtId, g!.id, unitIds, userIds);
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'supervision_group.create', entityType: 'supervision_group', entityId: g!.id, after: { ...g, unitIds } });
    return g!.id;
  });
  return getGroup(ctx, actor, id);
}

export async function updateGroup(ctx: AppContext, actor: Actor, id: string, input: TGroupUpdate): Promise<TGroupItem> {
  const before = await loadGroup(ctx.db, actor, id);
  if (!keepsGroup(actor, before)) throw notFound('督导工作组');
  if (before.version !== input.version) throw conflict();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { unitIds, userIds } = await checked(tx, before, input);
    const [g] = await tx.update(supervisionGroups)
      .set({ name: input.name, people: input.people, campaignId: input.campaignId, active: input.active, version: before.version + 1, updatedAt: now })
      .where(and(eq(supervisionGroups.id, id), eq(supervisionGroups.version, input.version))).returning();
    if (!g) throw conflict();
    await writeAssignments(tx, before.districtId, id, unitIds, userIds);
    await recordAudit(tx, { at: now, districtId: before.districtId, actor, action: 'supervision_group.update', entityType: 'supervision_group', entityId: id, before, after: { ...g, unitIds } });
  });
  return getGroup(ctx, actor, id);
}

export { actsForGroup };
