import { and, asc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises, loginSources, orgUnits, sectors, users } from '../../db/schema/index.ts';
import { containsText, defineListQuery } from '../../kernel/list-query.ts';

const parent = alias(orgUnits, 'parent');

export function listUnits(db: DbOrTx, f: { districtId: string; kind?: string | undefined; parentId?: string | undefined; includeInactive?: boolean | undefined }) {
  const conds: SQL[] = [eq(orgUnits.districtId, f.districtId)];
  if (f.kind) conds.push(sql`${orgUnits.kind} = ${f.kind}`);
  if (f.parentId) conds.push(eq(orgUnits.parentId, f.parentId));
  if (!f.includeInactive) conds.push(eq(orgUnits.active, true));
  return db
    .select({ unit: orgUnits, parentName: parent.name })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(and(...conds))
    .orderBy(asc(orgUnits.kind), asc(orgUnits.sortOrder), asc(orgUnits.name))
    .limit(2000);
}

export function findUnitInDistrict(db: DbOrTx, districtId: string, id: string) {
  return db
    .select({ unit: orgUnits, parentName: parent.name })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(and(eq(orgUnits.id, id), eq(orgUnits.districtId, districtId)))
    .limit(1)
    .then((r) => r[0] ?? null);
}

export function findUnitsByIds(db: DbOrTx, districtId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(orgUnits).where(and(eq(orgUnits.districtId, districtId), inArray(orgUnits.id, ids)));
}

export async function insertUnit(db: DbOrTx, row: typeof orgUnits.$inferInsert) {
  const [r] = await db.insert(orgUnits).values(row).returning();
  return r!;
}

/** Conditional on the version read: zero rows back means someone else changed it first. */
export async function updateUnit(db: DbOrTx, id: string, version: number, set: Partial<typeof orgUnits.$inferInsert>) {
  const [r] = await db
    .update(orgUnits)
    .set({ ...set, version: sql`${orgUnits.version} + 1` })
    .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
    .returning();
  return r ?? null;
}

export function listSectors(db: DbOrTx, districtId: string, includeInactive: boolean) {
  return db
    .select()
    .from(sectors)
    .where(includeInactive ? eq(sectors.districtId, districtId) : and(eq(sectors.districtId, districtId), eq(sectors.active, true)))
    .orderBy(asc(sectors.sortOrder), asc(sectors.name))
    .limit(500);
}

export function findSectorsByIds(db: DbOrTx, districtId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(sectors).where(and(eq(sectors.districtId, districtId), inArray(sectors.id, ids)));
}

export function findSectorByName(db: DbOrTx, districtId: string, name: string) {
  return db.select().from(sectors).where(and(eq(sectors.districtId, districtId), eq(sectors.name, name))).limit(1).then((r) => r[0] ?? null);
}

export async function insertSector(db: DbOrTx, row: typeof sectors.$inferInsert) {
  const [r] = await db.insert(sectors).values(row).returning();
  return r!;
}

export async function updateSector(db: DbOrTx, id: string, districtId: string, version: number, set: Partial<typeof sectors.$inferInsert>) {
  const [r] = await db
    .update(sectors)
    .set({ ...set, version: sql`${sectors.version} + 1` })
    .where(and(eq(sectors.id, id), eq(sectors.districtId, districtId), eq(sectors.version, version)))
    .returning();
  return r ?? null;
}

export function findSector(db: DbOrTx, districtId: string, id: string) {
  return db.select().from(sectors).where(and(eq(sectors.id, id), eq(sectors.districtId, districtId))).limit(1).then((r) => r[0] ?? null);
}

// ---- users
/** The addresses a user is locked at, at `now`. */
const lockedAddresses = (now: Date) =>
  sql<number>`(select count(*)::int from ${loginSources} where ${loginSources.userId} = ${users.id} and ${loginSources.lockedUntil} > ${now})`;

const userCols = (now: Date) => ({
  user: users,
  unitName: orgUnits.name,
  enterpriseName: enterprises.name,
  lockedAddresses: lockedAddresses(now),
});

/** A township admin's users: those of the township and of the units directly under it. */
const managedByTownship = (townshipId: string) =>
  sql`${users.unitId} in (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.id} = ${townshipId} or ${orgUnits.parentId} = ${townshipId})`;

export async function listUsers(
  db: DbOrTx,
  f: { districtId: string; townshipId?: string | undefined; q?: string | undefined; role?: string | undefined; unitId?: string | undefined; now: Date },
  page: number,
  pageSize: number,
) {
  const conds: SQL[] = [eq(users.districtId, f.districtId)];
  if (f.role) conds.push(sql`${users.role} = ${f.role}`);
  if (f.unitId) conds.push(eq(users.unitId, f.unitId));
  if (f.townshipId) conds.push(managedByTownship(f.townshipId));
  if (f.q) conds.push(containsText(f.q, users.username, users.displayName)!);
  const where = and(...conds);
  const [items, total] = await Promise.all([
    db
      .select(userCols(f.now))
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
      .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where).then((r) => r[0]?.n ?? 0),
  ]);
  return { items, total };
}

export function findUserInDistrict(db: DbOrTx, districtId: string, id: string, now: Date) {
  return db
    .select(userCols(now))
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(and(eq(users.id, id), eq(users.districtId, districtId)))
    .limit(1)
    .then((r) => r[0] ?? null);
}

/** Whether another active user of the district holds this 行政执法证号. */
export function certificateTaken(db: DbOrTx, districtId: string, certificateNo: string, exceptUserId: string | null) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(
      eq(users.districtId, districtId), eq(users.active, true), eq(users.enforcementCertificateNo, certificateNo),
      exceptUserId ? ne(users.id, exceptUserId) : undefined,
    ))
    .limit(1)
    .then((r) => r.length > 0);
}

export function usernameTaken(db: DbOrTx, username: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1)
    .then((r) => r.length > 0);
}

export async function insertUser(db: DbOrTx, row: typeof users.$inferInsert) {
  const [r] = await db.insert(users).values(row).returning({ id: users.id });
  return r!.id;
}

export async function updateUser(db: DbOrTx, id: string, version: number | null, set: Partial<typeof users.$inferInsert>) {
  const where = version === null ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, version));
  const [r] = await db
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1` })
    .where(where)
    .returning({ id: users.id });
  return r?.id ?? null;
}

// ---- sign-in locks
export interface LoginLockFilter {
  districtId: string;
  /** A township admin sees its own users' locks only. */
  townshipId?: string | undefined;
  now: Date;
  q?: string | undefined;
}

function loginLockRows(db: DbOrTx) {
  return db
    .select({ s: loginSources, username: users.username, displayName: users.displayName, unitName: orgUnits.name, accountFailures: users.failedLoginCount })
    .from(loginSources)
    .innerJoin(users, eq(users.id, loginSources.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId));
}
export type LoginLockRow = Awaited<ReturnType<ReturnType<typeof loginLockRows>['execute']>>[number];

/** The locks current at `now`, the latest to end first. */
export const loginLockList = defineListQuery<LoginLockFilter, LoginLockRow>({
  from: sql`from ${loginSources} join ${users} on ${users.id} = ${loginSources.userId}`,
  id: loginSources.id,
  where: (f) => [
    eq(loginSources.districtId, f.districtId),
    gt(loginSources.lockedUntil, f.now),
    f.townshipId ? managedByTownship(f.townshipId) : undefined,
    containsText(f.q, users.username, users.displayName, loginSources.address),
  ],
  sort: () => [{ expr: loginSources.lockedUntil, dir: 'desc' }],
  rows: (db, ids) => loginLockRows(db).where(inArray(loginSources.id, ids)),
  rowId: (r) => r.s.id,
});

export function findEnterpriseBrief(db: DbOrTx, districtId: string, id: string) {
  return db
    .select({ id: enterprises.id, villageId: enterprises.villageId, name: enterprises.name, voidedAt: enterprises.voidedAt })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), eq(enterprises.districtId, districtId)))
    .limit(1)
    .then((r) => r[0] ?? null);
}
