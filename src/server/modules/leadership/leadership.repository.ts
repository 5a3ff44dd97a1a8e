// Queries of leaders' activities and requirements, named by intent. Every read of an activity goes
// through the caller's scope (leadership.scope.ts); requirements are read by campaign id once the
// campaign has been found in scope.
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { ACTIVITY_KINDS, LEADER_POSTS, type ActivityKind } from '../../../domain/supervision/leadership.ts';
import type { TActivityFilter } from '../../../contract/leadership.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  campaignTasks, campaigns, enterprises, hazards, leadershipActivities as acts, leadershipRequirements as reqs, orgUnits, users,
} from '../../db/schema/index.ts';
import { inRegionSql } from './leadership.scope.ts';

export const ACTIVITY_FILE_OWNER = 'leadership_activity';
export type ActivityRow = typeof acts.$inferSelect;
export type RequirementRow = typeof reqs.$inferSelect;

const uuids = (ids: readonly string[]) => sql`${sql.param(`{${ids.join(',')}}`)}::uuid[]`;

export function filterSql(f: Partial<TActivityFilter>, o: { ignoreKind?: boolean } = {}): SQL[] {
  const c: SQL[] = [];
  const text = containsText(f.q, acts.topic, acts.place, acts.summary, sql`${acts.leaders}::text`);
  if (text) c.push(text);
  if (f.kind && !o.ignoreKind) c.push(eq(acts.kind, f.kind));
  if (f.level) c.push(eq(acts.level, f.level));
  if (f.from) c.push(sql`${acts.heldOn} >= ${f.from}`);
  if (f.to) c.push(sql`${acts.heldOn} <= ${f.to}`);
  if (f.leaderUserId) c.push(sql`${acts.leaderUserIds} @> ${uuids([f.leaderUserId])}`);
  if (f.campaignId) c.push(eq(acts.campaignId, f.campaignId));
  if (!f.voided) c.push(isNull(acts.voidedAt));
  return c;
}

const fileCount = sql<number>`(select count(*)::int from files f where f.owner_type = ${ACTIVITY_FILE_OWNER} and f.owner_id = "leadership_activities"."id")`;
const columns = { a: acts, unitName: orgUnits.name, enterpriseName: enterprises.name, campaignName: campaigns.name, fileCount };
function listQuery(db: DbOrTx) {
  return db.select(columns).from(acts)
    .leftJoin(orgUnits, eq(orgUnits.id, acts.unitId))
    .leftJoin(enterprises, eq(enterprises.id, acts.enterpriseId))
    .leftJoin(campaigns, eq(campaigns.id, acts.campaignId));
}
export type ActivityListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

/** The activities list: page, total and the kind tabs in one scan, newest first. */
export const activityList = defineListQuery<{ f: TActivityFilter; scope: SQL }, ActivityListRow, ActivityKind>({
  from: sql`from ${acts}`,
  id: acts.id,
  where: ({ f, scope }) => [scope, ...filterSql(f, { ignoreKind: true })],
  sort: () => [{ expr: acts.heldOn, dir: 'desc' }, { expr: acts.createdAt, dir: 'desc' }],
  tab: { column: acts.kind, values: ACTIVITY_KINDS, where: ({ f }, kind) => (f.kind ? sql`${kind} = ${f.kind}` : undefined) },
  rows: (db, ids) => listQuery(db).where(idIn(acts.id, ids)),
  rowId: (r) => r.a.id,
});

export const findActivityInScope = (db: DbOrTx, scope: SQL, id: string) =>
  listQuery(db).where(and(eq(acts.id, id), scope)).limit(1).then((r) => r[0] ?? null);

export async function insertActivity(db: DbOrTx, row: typeof acts.$inferInsert) {
  const [r] = await db.insert(acts).values(row).returning();
  return r!;
}

/** Conditional on the version read: null means someone else changed it first. */
export async function updateActivity(db: DbOrTx, id: string, version: number, set: Partial<typeof acts.$inferInsert>) {
  const [r] = await db.update(acts).set({ ...set, version: sql`${acts.version} + 1` })
    .where(and(eq(acts.id, id), eq(acts.version, version), isNull(acts.voidedAt))).returning();
  return r ?? null;
}

/** Accounts among `ids` that the condition allows (a region's, a department's own). */
export const usersAmong = (db: DbOrTx, allowed: SQL, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.select({ id: users.id, name: users.displayName, post: users.leaderPost }).from(users)
    .where(and(allowed, inArray(users.id, [...ids])));

export const userName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');

/** The posts in the plans' order (党委, 政府, 分管, 成员单位). */
const POST_ORDER = sql`array_position(array[${sql.join(LEADER_POSTS.map((p) => sql`${p}`), sql`, `)}]::text[], ${users.leaderPost})`;

/** The accounts with a post that the condition allows, with their unit's name. */
export const leadersWhere = (db: DbOrTx, allowed: SQL) =>
  db.select({ userId: users.id, name: users.displayName, post: users.leaderPost, unitName: orgUnits.name, unitId: users.unitId, unitKind: orgUnits.kind, parentId: orgUnits.parentId })
    .from(users).innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(allowed, isNotNull(users.leaderPost), eq(users.active, true)))
    .orderBy(POST_ORDER, asc(users.displayName)).limit(500);

/** The leaders of several regions (a township or a district, with the units directly under it), in one query. */
export const leadersOfRegions = (db: DbOrTx, regionUnitIds: readonly string[]) =>
  regionUnitIds.length === 0 ? Promise.resolve([]) : leadersWhere(db, sql`(${sql.join(regionUnitIds.map((r) => sql`(${inRegionSql(r)})`), sql` or `)})`);

/** Live activities any of these accounts took part in, between two days, in any of these districts. */
export async function activitiesOfLeaders(db: DbOrTx, o: { districtIds: readonly string[]; userIds: readonly string[]; from: string; to: string }) {
  if (o.userIds.length === 0 || o.districtIds.length === 0) return [];
  return db.select({ id: acts.id, heldOn: acts.heldOn, kind: acts.kind, topic: acts.topic, leaders: acts.leaders, leaderUserIds: acts.leaderUserIds })
    .from(acts)
    .where(and(inArray(acts.districtId, [...new Set(o.districtIds)]), isNull(acts.voidedAt), sql`${acts.heldOn} between ${o.from} and ${o.to}`,
      sql`${acts.leaderUserIds} && ${uuids([...new Set(o.userIds)])}`))
    .orderBy(asc(acts.heldOn)).limit(20000);
}

export const hazardsByIds = (db: DbOrTx, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.select({ id: hazards.id, number: hazards.number, description: hazards.description }).from(hazards).where(inArray(hazards.id, [...ids]));

/** Live tasks of a campaign among `ids` (or all of them), in display order. */
export const tasksOfCampaign = (db: DbOrTx, campaignId: string, ids?: readonly string[]) =>
  ids && ids.length === 0 ? Promise.resolve([]) : db.select().from(campaignTasks)
    .where(and(eq(campaignTasks.campaignId, campaignId), isNull(campaignTasks.voidedAt), ids ? inArray(campaignTasks.id, [...ids]) : undefined))
    .orderBy(asc(campaignTasks.ordinal), asc(campaignTasks.createdAt)).limit(5000);

export const tasksByIds = (db: DbOrTx, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.select({ id: campaignTasks.id, number: campaignTasks.number, requirement: campaignTasks.requirement })
    .from(campaignTasks).where(inArray(campaignTasks.id, [...ids]));

// ---- requirements

/** The live requirements of these campaigns, oldest first. */
export const requirementsOf = (db: DbOrTx, campaignIds: readonly string[]) =>
  campaignIds.length === 0 ? Promise.resolve([] as RequirementRow[]) : db.select().from(reqs)
    .where(and(inArray(reqs.campaignId, [...campaignIds]), isNull(reqs.voidedAt))).orderBy(asc(reqs.createdAt), asc(reqs.id)).limit(1000);

export const findRequirement = (db: DbOrTx, campaignId: string, id: string) =>
  db.select().from(reqs).where(and(eq(reqs.id, id), eq(reqs.campaignId, campaignId), isNull(reqs.voidedAt))).limit(1).then((r) => r[0] ?? null);

export async function insertRequirement(db: DbOrTx, row: typeof reqs.$inferInsert) {
  const [r] = await db.insert(reqs).values(row).returning();
  return r!;
}

export async function updateRequirement(db: DbOrTx, id: string, version: number, set: Partial<typeof reqs.$inferInsert>) {
  const [r] = await db.update(reqs).set({ ...set, version: sql`${reqs.version} + 1` })
    .where(and(eq(reqs.id, id), eq(reqs.version, version), isNull(reqs.voidedAt))).returning();
  return r ?? null;
}
