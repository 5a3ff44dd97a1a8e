// buildX(db, overrides) factories: direct inserts of valid rows, for fixtures only.
// Each returns the inserted row; names are unique so tests can share a database.
import { randomInt, randomUUID } from 'node:crypto';
import type { Role } from '../../domain/access/roles.ts';
import { USCC_ALPHABET, usccCheckChar } from '../../domain/enterprises/uscc.ts';
import type { Db } from '../db/client.ts';
import {
  enterprises, orgUnits, sectors, supervisionGroupMembers, supervisionGroupUnits, supervisionGroups, users,
} from '../db/schema/index.ts';
import { hashPassword } from '../modules/auth/password.ts';

export type UnitRow = typeof orgUnits.$inferSelect;
export type SectorRow = typeof sectors.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;

export const TEST_PASSWORD = 'Test@2024pw';

let seq = 0;
/** A short unique suffix for names (unique within the process). */
export const uniq = (): string => `${process.pid.toString(36)}${(++seq).toString(36)}`;

let testPasswordHash: Promise<string> | null = null;
/** argon2 is slow on purpose: hash the shared test password once per process. */
function hashOf(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

/** A random, valid 统一社会信用代码 (company registered with 市场监管, 91 + region code). */
export function randomUscc(regionCode = '350100'): string {
  let body = `91${regionCode}`;
  while (body.length < 17) body += USCC_ALPHABET.charAt(randomInt(USCC_ALPHABET.length));
  return body + usccCheckChar(body)!;
}

async function insertUnit(db: Db, row: typeof orgUnits.$inferInsert): Promise<UnitRow> {
  const [r] = await db.insert(orgUnits).values(row).returning();
  return r!;
}

export function buildDistrict(db: Db, o: { name?: string } = {}): Promise<UnitRow> {
  const id = randomUUID();
  return insertUnit(db, { id, districtId: id, kind: 'district', name: o.name ?? `测试区${uniq()}`, parentId: null });
}

export function buildTownship(db: Db, o: { district: UnitRow; name?: string }): Promise<UnitRow> {
  return insertUnit(db, { districtId: o.district.id, kind: 'township', name: o.name ?? `测试镇${uniq()}`, parentId: o.district.id });
}

export function buildVillage(db: Db, o: { township: UnitRow; name?: string }): Promise<UnitRow> {
  return insertUnit(db, { districtId: o.township.districtId, kind: 'village', name: o.name ?? `测试村${uniq()}`, parentId: o.township.id });
}

/** A department (科室/站所) of a township or district, supervising the given sectors. */
export function buildDepartment(db: Db, o: { parent: UnitRow; sectorIds: string[]; name?: string }): Promise<UnitRow> {
  return insertUnit(db, {
    districtId: o.parent.districtId, kind: 'department', name: o.name ?? `测试站${uniq()}`, parentId: o.parent.id, sectorIds: o.sectorIds,
  });
}

export async function buildSector(db: Db, o: { district: UnitRow; name?: string }): Promise<SectorRow> {
  const [r] = await db.insert(sectors).values({ districtId: o.district.id, name: o.name ?? `行业${uniq()}` }).returning();
  return r!;
}

export interface BuiltUser extends UserRow {
  password: string;
}

export async function buildUser(
  db: Db,
  o: {
    role: Role;
    unit: UnitRow;
    enterpriseId?: string | null;
    password?: string;
    username?: string;
    displayName?: string;
    mustChangePassword?: boolean;
    active?: boolean;
  },
): Promise<BuiltUser> {
  const password = o.password ?? TEST_PASSWORD;
  const [r] = await db
    .insert(users)
    .values({
      districtId: o.unit.districtId,
      username: o.username ?? `${o.role.replace('_', '')}_${uniq()}`,
      displayName: o.displayName ?? `测试${o.role}`,
      role: o.role,
      unitId: o.unit.id,
      enterpriseId: o.enterpriseId ?? null,
      passwordHash: await hashOf(password),
      mustChangePassword: o.mustChangePassword ?? false,
      active: o.active ?? true,
    })
    .returning();
  return { ...r!, password };
}

/** An enterprise in a village (district and township taken from the village's parent chain). */
export async function buildEnterprise(
  db: Db,
  o: { village: UnitRow; sectorIds: string[] } & Partial<Omit<typeof enterprises.$inferInsert, 'villageId' | 'sectorIds'>>,
): Promise<EnterpriseRow> {
  const { village, ...rest } = o;
  if (village.kind !== 'village' || !village.parentId) throw new Error('buildEnterprise: village must be a village unit');
  const [r] = await db
    .insert(enterprises)
    .values({
      districtId: village.districtId,
      townshipId: village.parentId,
      name: `测试企业${uniq()}有限公司`,
      uscc: randomUscc(),
      kind: 'company',
      address: `${village.name}1号`,
      employeeCount: 12,
      principalName: '张测试',
      principalPhone: '13800000000',
      ...rest,
      villageId: village.id,
      sectorIds: o.sectorIds,
    })
    .returning();
  return r!;
}

/** A 督导工作组 with members and assigned villages/departments. */
export async function buildSupervisionGroup(
  db: Db,
  o: { district: UnitRow; township?: UnitRow | null; members: UserRow[]; units: UnitRow[]; name?: string },
) {
  const [g] = await db
    .insert(supervisionGroups)
    .values({ districtId: o.district.id, townshipId: o.township?.id ?? null, name: o.name ?? `督导组${uniq()}` })
    .returning();
  if (o.members.length) {
    await db.insert(supervisionGroupMembers).values(o.members.map((m) => ({ districtId: o.district.id, groupId: g!.id, userId: m.id })));
  }
  if (o.units.length) {
    await db.insert(supervisionGroupUnits).values(o.units.map((u) => ({ districtId: o.district.id, groupId: g!.id, unitId: u.id })));
  }
  return g!;
}
