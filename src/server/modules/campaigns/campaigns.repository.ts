// Reading and writing campaigns, stages, tasks and their units. Every read of a campaign goes
// through the caller's scope (campaigns.scope.ts); tasks and units are read by campaign id once the
// campaign has been found in scope.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { containsText } from '../../kernel/list-query.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaignStages, campaignTaskUnits, campaignTasks, campaigns, orgUnits, unitAliases, users } from '../../db/schema/index.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type StageRow = typeof campaignStages.$inferSelect;
export type TaskRow = typeof campaignTasks.$inferSelect;
export type TaskUnitRow = typeof campaignTaskUnits.$inferSelect;
export type UnitRef = { id: string; name: string; kind: string; parentId: string | null };

// Qualified by hand: inside the subquery drizzle's bare column names would resolve to org_units' own district_id.
const issuerName = sql<string>`coalesce((select u.name from org_units u where u.id = coalesce("campaigns"."township_id", "campaigns"."district_id")), '')`;

export async function findCampaign(db: DbOrTx, scope: SQL, id: string) {
  const [row] = await db.select({ c: campaigns, issuerName }).from(campaigns).where(and(scope, eq(campaigns.id, id))).limit(1);
  return row ?? null;
}

export async function listCampaigns(db: DbOrTx, where: SQL, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    db.select({ c: campaigns, issuerName }).from(campaigns).where(where)
      .orderBy(desc(campaigns.periodEnd), desc(campaigns.createdAt), asc(campaigns.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export const textFilter = (q: string) => containsText(q, campaigns.name, campaigns.docNumber)!;

export async function childrenOf(db: DbOrTx, scope: SQL, parentId: string) {
  return db.select({ c: campaigns, issuerName }).from(campaigns).where(and(scope, eq(campaigns.parentId, parentId))).orderBy(asc(campaigns.createdAt)).limit(200);
}

export const stagesOf = (db: DbOrTx, campaignId: string) =>
  db.select().from(campaignStages).where(eq(campaignStages.campaignId, campaignId)).orderBy(asc(campaignStages.ordinal));

export async function stagesOfMany(db: DbOrTx, ids: readonly string[]): Promise<Map<string, StageRow[]>> {
  const out = new Map<string, StageRow[]>();
  if (ids.length === 0) return out;
  const rows = await db.select().from(campaignStages).where(inArray(campaignStages.campaignId, [...ids])).orderBy(asc(campaignStages.ordinal));
  for (const r of rows) out.set(r.campaignId, [...(out.get(r.campaignId) ?? []), r]);
  return out;
}

export async function replaceStages(db: DbOrTx, c: { id: string; districtId: string }, stages: readonly { name: string; startDate: string; endDate: string; due: string | null }[]) {
  await db.delete(campaignStages).where(eq(campaignStages.campaignId, c.id));
  if (stages.length) await db.insert(campaignStages).values(stages.map((s, i) => ({ districtId: c.districtId, campaignId: c.id, ordinal: i + 1, ...s })));
}

/** The campaign's tasks (voided ones too when asked), in display order. Bounded: a plan's annex is tens of rows, a large one hundreds. */
export const tasksOf = (db: DbOrTx, campaignIds: readonly string[], withVoided = false) =>
  campaignIds.length === 0 ? Promise.resolve([] as TaskRow[]) : db.select().from(campaignTasks)
    .where(and(inArray(campaignTasks.campaignId, [...campaignIds]), withVoided ? undefined : isNull(campaignTasks.voidedAt)))
    .orderBy(asc(campaignTasks.ordinal), asc(campaignTasks.createdAt)).limit(5000);

export const taskUnitsOf = (db: DbOrTx, campaignIds: readonly string[], unitId?: string) =>
  campaignIds.length === 0 ? Promise.resolve([] as TaskUnitRow[]) : db.select().from(campaignTaskUnits)
    .where(and(inArray(campaignTaskUnits.campaignId, [...campaignIds]), unitId ? eq(campaignTaskUnits.unitId, unitId) : undefined)).limit(100_000);

export async function findTask(db: DbOrTx, campaignId: string, taskId: string) {
  const [t] = await db.select().from(campaignTasks).where(and(eq(campaignTasks.campaignId, campaignId), eq(campaignTasks.id, taskId))).limit(1);
  return t ?? null;
}

export async function setTaskUnits(db: DbOrTx, task: { id: string; campaignId: string; districtId: string }, units: readonly { unitId: string; lead: boolean }[], now: Date) {
  const keep = units.map((u) => u.unitId);
  await db.delete(campaignTaskUnits).where(and(eq(campaignTaskUnits.taskId, task.id), keep.length ? sql`${campaignTaskUnits.unitId} <> all(${sql.param(keep)}::uuid[])` : undefined));
  if (units.length === 0) return;
  await db.insert(campaignTaskUnits)
    .values(units.map((u) => ({ districtId: task.districtId, campaignId: task.campaignId, taskId: task.id, unitId: u.unitId, lead: u.lead, assignedAt: now })))
    .onConflictDoUpdate({ target: [campaignTaskUnits.taskId, campaignTaskUnits.unitId], set: { lead: sql`excluded.lead` } });
}

/** The units a campaign's tasks can be assigned to: the issuing region's departments and villages (a district's: its townships and district departments too). */
export async function assignableUnits(db: DbOrTx, districtId: string, townshipId: string | null): Promise<UnitRef[]> {
  const where = townshipId
    ? and(eq(orgUnits.districtId, districtId), eq(orgUnits.parentId, townshipId), inArray(orgUnits.kind, ['department', 'village']))
    : and(eq(orgUnits.districtId, districtId), eq(orgUnits.parentId, districtId), inArray(orgUnits.kind, ['department', 'township']));
  return db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, parentId: orgUnits.parentId }).from(orgUnits)
    .where(and(where, eq(orgUnits.active, true))).orderBy(asc(orgUnits.kind), asc(orgUnits.sortOrder), asc(orgUnits.name)).limit(2000);
}

export async function unitNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, parentId: orgUnits.parentId }).from(orgUnits).where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export const aliasesOf = (db: DbOrTx, districtId: string) =>
  db.select({ alias: unitAliases.alias, unitId: unitAliases.unitId }).from(unitAliases).where(eq(unitAliases.districtId, districtId)).orderBy(asc(unitAliases.alias)).limit(2000);

export async function saveAliases(db: DbOrTx, districtId: string, items: readonly { alias: string; unitId: string }[]) {
  if (items.length === 0) return;
  await db.insert(unitAliases).values(items.map((a) => ({ districtId, ...a })))
    .onConflictDoUpdate({ target: [unitAliases.districtId, unitAliases.alias], set: { unitId: sql`excluded.unit_id` } });
}

export async function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The leaders (分管领导) of the offices that keep campaigns: told of every urge. */
export async function leadersOf(db: DbOrTx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.unitId, [...unitIds]), eq(users.role, 'leader'), eq(users.active, true))).limit(200);
  return rows.map((r) => r.id);
}
