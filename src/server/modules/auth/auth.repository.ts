import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { orgUnits, sessions, supervisionGroupMembers, supervisionGroupUnits, supervisionGroups, users } from '../../db/schema/index.ts';
import type { RegionRef } from '../../../domain/access/scope.ts';

export function findUserByUsername(db: DbOrTx, username: string) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1)
    .then((r) => r[0] ?? null);
}

export function findUserById(db: DbOrTx, id: string) {
  return db.select().from(users).where(eq(users.id, id)).limit(1).then((r) => r[0] ?? null);
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export function findSession(db: DbOrTx, id: string) {
  return db.select().from(sessions).where(eq(sessions.id, id)).limit(1).then((r) => r[0] ?? null);
}

export async function touchSession(db: DbOrTx, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends the user's sessions (but `exceptId`); returns how many ended. */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string, exceptId?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(exceptId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return ended.length;
}

export async function deleteIdleSessions(db: DbOrTx, before: Date) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, before));
}

export function findUnit(db: DbOrTx, id: string) {
  return db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1).then((r) => r[0] ?? null);
}

/** What the supervision groups a user belongs to are assigned: villages and departments. */
export async function groupAssignmentsOf(db: DbOrTx, userId: string) {
  const groupIds = (
    await db.select({ id: supervisionGroupMembers.groupId }).from(supervisionGroupMembers)
      // a disbanded group no longer grants its members scope
      .innerJoin(supervisionGroups, and(eq(supervisionGroups.id, supervisionGroupMembers.groupId), eq(supervisionGroups.active, true)))
      .where(eq(supervisionGroupMembers.userId, userId))
  ).map((r) => r.id);
  if (groupIds.length === 0) return { villageIds: [], departments: [] };
  const units = await db
    .select({ id: orgUnits.id, kind: orgUnits.kind, parentId: orgUnits.parentId, sectorIds: orgUnits.sectorIds })
    .from(supervisionGroupUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, supervisionGroupUnits.unitId))
    .where(inArray(supervisionGroupUnits.groupId, groupIds));
  const parentIds = [...new Set(units.filter((u) => u.kind === 'department' && u.parentId).map((u) => u.parentId!))];
  const parents = parentIds.length
    ? await db.select({ id: orgUnits.id, kind: orgUnits.kind }).from(orgUnits).where(inArray(orgUnits.id, parentIds))
    : [];
  const parentKind = new Map(parents.map((p) => [p.id, p.kind]));
  const departments: { region: RegionRef; sectorIds: string[] }[] = [];
  for (const u of units) {
    if (u.kind !== 'department' || !u.parentId) continue;
    const k = parentKind.get(u.parentId);
    if (k === 'district' || k === 'township') departments.push({ region: { level: k, id: u.parentId }, sectorIds: u.sectorIds });
  }
  return { villageIds: units.filter((u) => u.kind === 'village').map((u) => u.id), departments };
}

export async function updateUserLogin(db: DbOrTx, id: string, set: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(set).where(eq(users.id, id));
}
