import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { TEnterpriseFilter } from '../../../contract/enterprises.ts';
import type { EnterpriseScope, RegionRef } from '../../../domain/access/scope.ts';
import { SMALL_ENTERPRISE_EMPLOYEE_LIMIT } from '../../../domain/enterprises/enterprise-rules.ts';
import { unitNameCore } from '../../../domain/enterprises/unit-name-core.ts';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { enterprises, importBatchRows, orgUnits } from '../../db/schema/index.ts';
import { type SortKey, containsText, defineListQuery, escapeLike, idIn } from '../../kernel/list-query.ts';
import { type PreparedInsert, insertAsJson, lookupInBatches, pgArray, prepareJsonInsert } from '../../kernel/bulk.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseWithVillage = { e: EnterpriseRow; villageName: string };

const uuidArray = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::uuid[]`;

function regionSql(region: RegionRef): SQL {
  return region.level === 'district' ? eq(enterprises.districtId, region.id) : eq(enterprises.townshipId, region.id);
}

/** The SQL form of a domain EnterpriseScope (see domain/scope.ts enterpriseInScope). */
export function scopeSql(scope: EnterpriseScope): SQL {
  switch (scope.kind) {
    case 'region':
      return regionSql(scope.region);
    case 'sectors':
      return and(regionSql(scope.region), sql`${enterprises.sectorIds} && ${uuidArray(scope.sectorIds)}`)!;
    case 'village':
      return eq(enterprises.villageId, scope.villageId);
    case 'enterprise':
      return eq(enterprises.id, scope.enterpriseId);
    case 'union':
      return scope.parts.length ? or(...scope.parts.map(scopeSql))! : sql`false`;
    case 'none':
      return sql`false`;
  }
}


export function filterSql(f: Partial<TEnterpriseFilter>): SQL[] {
  const conds: SQL[] = [];
  const text = containsText(f.q, enterprises.name, enterprises.uscc, enterprises.principalName);
  if (text) conds.push(text);
  if (f.villageId) conds.push(eq(enterprises.villageId, f.villageId));
  if (f.sectorId) conds.push(sql`${enterprises.sectorIds} @> ${uuidArray([f.sectorId])}`);
  if (f.kind) conds.push(eq(enterprises.kind, f.kind));
  if (f.riskGrade) conds.push(eq(enterprises.riskGrade, f.riskGrade));
  if (f.status) conds.push(eq(enterprises.status, f.status));
  if (f.isKey !== undefined) conds.push(eq(enterprises.isKey, f.isKey));
  if (f.isSmall === true) conds.push(sql`${enterprises.employeeCount} < ${SMALL_ENTERPRISE_EMPLOYEE_LIMIT}`);
  if (f.isSmall === false) conds.push(sql`(${enterprises.employeeCount} is null or ${enterprises.employeeCount} >= ${SMALL_ENTERPRISE_EMPLOYEE_LIMIT})`);
  if (!f.includeVoided) conds.push(isNull(enterprises.voidedAt));
  return conds;
}

const GRADE_RANK = sql`case ${enterprises.riskGrade} when 'red' then 4 when 'orange' then 3 when 'yellow' then 2 when 'blue' then 1 else 0 end`;

function sortOf(f: Pick<TEnterpriseFilter, 'sort' | 'order'>): SortKey[] {
  const expr = {
    name: sql`${enterprises.name} collate "C"`,
    createdAt: sql`${enterprises.createdAt}`,
    updatedAt: sql`${enterprises.updatedAt}`,
    employeeCount: sql`coalesce(${enterprises.employeeCount}, -1)`,
    riskGrade: GRADE_RANK,
  }[f.sort];
  return [{ expr, dir: f.order === 'asc' ? 'asc' : 'desc' }];
}

/** The registry: a page and its total in one scan, in the sort asked for; keyset batches for the export. */
export const enterpriseList = defineListQuery<{ f: TEnterpriseFilter; scope: EnterpriseScope }, EnterpriseWithVillage>({
  from: sql`from ${enterprises}`,
  id: enterprises.id,
  where: ({ f, scope }) => [scopeSql(scope), ...filterSql(f)],
  sort: ({ f }) => sortOf(f),
  rows: (db, ids) =>
    db.select({ e: enterprises, villageName: orgUnits.name }).from(enterprises).innerJoin(orgUnits, eq(orgUnits.id, enterprises.villageId)).where(idIn(enterprises.id, ids)),
  rowId: (r) => r.e.id,
});

/** Live enterprises in scope with this USCC, or else this exact name (an import row's enterprise; two means ambiguous). */
export function findLiveInScopeByKey(db: DbOrTx, scope: EnterpriseScope, key: { uscc: string } | { name: string }) {
  const match = 'uscc' in key ? eq(enterprises.uscc, key.uscc) : eq(enterprises.name, key.name);
  return db.select().from(enterprises).where(and(scopeSql(scope), match, isNull(enterprises.voidedAt))).limit(2);
}

export function findEnterpriseInScope(db: DbOrTx, scope: EnterpriseScope, id: string) {
  return db
    .select({ e: enterprises, villageName: orgUnits.name })
    .from(enterprises)
    .innerJoin(orgUnits, eq(orgUnits.id, enterprises.villageId))
    .where(and(eq(enterprises.id, id), scopeSql(scope)))
    .limit(1)
    .then((r) => r[0] ?? null);
}

/** Live records holding a USCC, anywhere (USCCs are national). */
export function findLiveByUscc(db: DbOrTx, uscc: string) {
  return db
    .select({ id: enterprises.id, districtId: enterprises.districtId, version: enterprises.version })
    .from(enterprises)
    .where(and(eq(enterprises.uscc, uscc), isNull(enterprises.voidedAt)))
    .limit(1)
    .then((r) => r[0] ?? null);
}

/** Live records holding any of these USCCs, anywhere (one array parameter per batch). */
export function findLiveByUsccs(db: DbOrTx, usccs: string[]) {
  return lookupInBatches(usccs, (batch) =>
    db
      .select({ id: enterprises.id, uscc: enterprises.uscc, districtId: enterprises.districtId })
      .from(enterprises)
      .where(and(sql`${enterprises.uscc} = any(${pgArray(batch)}::text[])`, isNull(enterprises.voidedAt))));
}

/** Live records without USCC matched by name within villages (import's fallback key). */
export function findLiveByNamesInVillages(db: DbOrTx, districtId: string, names: string[]) {
  return lookupInBatches([...new Set(names)], (batch) =>
    db
      .select({ id: enterprises.id, name: enterprises.name, villageId: enterprises.villageId, uscc: enterprises.uscc })
      .from(enterprises)
      .where(and(eq(enterprises.districtId, districtId), sql`${enterprises.name} = any(${pgArray(batch)}::text[])`, isNull(enterprises.voidedAt))));
}

/**
 * USCCs of a staged import batch's new rows that a live record holds now (registered since the
 * preview): one join, read before the commit writes anything (a lookup per page of rows after the
 * first inserts meets stale statistics and the trigram index).
 */
export async function registeredSincePreview(db: DbOrTx, batchId: string): Promise<Map<string, string>> {
  const rows = await sqlRows<{ uscc: string; id: string }>(db, sql`
    select e.uscc, e.id from ${importBatchRows} b
    join ${enterprises} e on e.uscc = b.data #>> '{data,uscc}' and e.voided_at is null
    where b.batch_id = ${batchId} and b.data ->> 'existingId' is null`);
  return new Map(rows.map((r) => [r.uscc, r.id]));
}

/** Records among these ids within the scope (voided ones included), by id. */
export async function findManyInScope(db: DbOrTx, scope: EnterpriseScope, ids: string[]): Promise<Map<string, EnterpriseRow>> {
  const rows = await lookupInBatches([...new Set(ids)], (batch) =>
    db.select().from(enterprises).where(and(sql`${enterprises.id} = any(${pgArray(batch)}::uuid[])`, scopeSql(scope))));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Live records in scope by USCC or by name (a bulk import's enterprise lookup). */
export async function findLiveInScopeByKeys(db: DbOrTx, scope: EnterpriseScope, keys: { usccs: string[]; names: string[] }) {
  const cols = { id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, townshipId: enterprises.townshipId, villageId: enterprises.villageId };
  const live = (match: SQL) => db.select(cols).from(enterprises).where(and(scopeSql(scope), match, isNull(enterprises.voidedAt)));
  const byUscc = await lookupInBatches([...new Set(keys.usccs)], (b) => live(sql`${enterprises.uscc} = any(${pgArray(b)}::text[])`));
  const byName = await lookupInBatches([...new Set(keys.names)], (b) => live(sql`${enterprises.name} = any(${pgArray(b)}::text[])`));
  return { byUscc, byName };
}

/**
 * For names an import did not find, the live record in scope each most likely means: one whose
 * name holds it (a ledger's short name, 翠峰机械 for 翠峰机械制造有限公司) or is held by it, else one
 * whose name holds its core (聚源建材厂 for 重庆聚源建材有限公司: domain/enterprises/unit-name-core.ts),
 * the closest in length first. One statement for the names given; names with no such record are absent.
 */
export async function nearestLiveNames(db: DbOrTx, scope: EnterpriseScope, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const like = (s: string) => `%${escapeLike(s)}%`;
  const patterns = names.map(like);
  // no core: a pattern nothing holds ('' is no name)
  const cores = names.map((n) => {
    const core = unitNameCore(n);
    return core ? like(core) : '';
  });
  const holds = sql`(${enterprises.name} like q.pattern or (char_length(${enterprises.name}) >= 2 and strpos(q.asked, ${enterprises.name}) > 0))`;
  const rows = await sqlRows<{ asked: string; name: string }>(db, sql`
    select q.asked, s.name from unnest(${pgArray(names)}::text[], ${pgArray(patterns)}::text[], ${pgArray(cores)}::text[]) as q(asked, pattern, core)
    cross join lateral (
      select ${enterprises.name} as name from ${enterprises}
      where ${scopeSql(scope)} and ${enterprises.voidedAt} is null and (${holds} or (q.core <> '' and ${enterprises.name} like q.core))
      order by ${holds} desc, abs(char_length(${enterprises.name}) - char_length(q.asked)), ${enterprises.name} limit 1
    ) s`);
  return new Map(rows.map((r) => [r.asked, r.name]));
}

export async function insertEnterprise(db: DbOrTx, row: typeof enterprises.$inferInsert) {
  const [r] = await db.insert(enterprises).values(row).returning();
  return r!;
}

/** Many new records, 1,000 rows per statement, returned as stored in the order given. */
export function insertEnterprises(db: DbOrTx, rows: (typeof enterprises.$inferInsert)[]): Promise<EnterpriseRow[]> {
  return insertAsJson(db, enterprises, rows);
}

/** insertEnterprises prepared: the rows as they will be stored, and the statements to send (runInserts). */
export function prepareEnterpriseInserts(rows: (typeof enterprises.$inferInsert)[]): PreparedInsert<EnterpriseRow> {
  return prepareJsonInsert(enterprises, rows);
}

export async function updateEnterprise(db: DbOrTx, id: string, version: number | null, set: Partial<typeof enterprises.$inferInsert>) {
  const where = version === null ? eq(enterprises.id, id) : and(eq(enterprises.id, id), eq(enterprises.version, version));
  const [r] = await db
    .update(enterprises)
    .set({ ...set, version: sql`${enterprises.version} + 1` })
    .where(where)
    .returning();
  return r ?? null;
}

export function findVillage(db: DbOrTx, districtId: string, id: string) {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), eq(orgUnits.districtId, districtId), eq(orgUnits.kind, 'village')))
    .limit(1)
    .then((r) => r[0] ?? null);
}
