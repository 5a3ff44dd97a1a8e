// Queries of publicity records, named by intent. Every read goes through the caller's scope
// (publicity.scope.ts); the enterprises an exposure names are checked against the caller's
// enterprise scope in one query.
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PUBLICITY_KINDS, type PublicityKind } from '../../../domain/publicity/publicity.ts';
import type { TPublicityFilter } from '../../../contract/publicity.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises, orgUnits, publicityRecords as pr, users } from '../../db/schema/index.ts';

export const PUBLICITY_FILE_OWNER = 'publicity_record';
export type PublicityRow = typeof pr.$inferSelect;

const uuids = (ids: readonly string[]) => sql`${sql.param(`{${ids.join(',')}}`)}::uuid[]`;

export function filterSql(f: Partial<TPublicityFilter>, o: { ignoreKind?: boolean } = {}): SQL[] {
  const c: SQL[] = [f.voided ? isNotNull(pr.voidedAt) : isNull(pr.voidedAt)];
  const text = containsText(f.q, pr.title, pr.outlet, pr.summary);
  // …or the name of an enterprise an exposure named
  const name = containsText(f.q, sql`e.name`);
  if (text && name) c.push(sql`(${text} or exists (select 1 from ${enterprises} e where e.id = any(${pr.enterpriseIds}) and ${name}))`);
  if (f.kind && !o.ignoreKind) c.push(eq(pr.kind, f.kind));
  if (f.channel) c.push(eq(pr.channel, f.channel));
  if (f.mainstream !== undefined) c.push(eq(pr.mainstream, f.mainstream));
  // running on a day of the range: started by `to`, not ended before `from` (domain publicityInWindow:
  // a column without an end runs on)
  if (f.to) c.push(sql`${pr.publishedOn} <= ${f.to}`);
  if (f.from) c.push(sql`(${pr.endsOn} >= ${f.from} or (${pr.endsOn} is null and (${pr.kind} = 'media_column' or ${pr.publishedOn} >= ${f.from})))`);
  if (f.region === 'district') c.push(isNull(pr.townshipId));
  else if (f.region) c.push(eq(pr.townshipId, f.region));
  if (f.enterpriseId) c.push(sql`${pr.enterpriseIds} @> ${uuids([f.enterpriseId])}`);
  return c;
}

const region = alias(orgUnits, 'region');
const fileCount = sql<number>`(select count(*)::int from files f where f.owner_type = ${PUBLICITY_FILE_OWNER} and f.owner_id = "publicity_records"."id")`;
/** The named enterprises, by name (an exposure names a few; at most 50). */
const named = sql<{ id: string; name: string }[]>`(select coalesce(json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name), '[]'::json)
  from ${enterprises} e where e.id = any("publicity_records"."enterprise_ids"))`;
const columns = { p: pr, regionName: region.name, unitName: orgUnits.name, fileCount, enterprises: named };
function listQuery(db: DbOrTx) {
  return db.select(columns).from(pr)
    .leftJoin(region, eq(region.id, sql`coalesce(${pr.townshipId}, ${pr.districtId})`))
    .leftJoin(orgUnits, eq(orgUnits.id, pr.unitId));
}
export type PublicityListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

/** The list: page, total and the kind tabs in one scan, newest first. */
export const publicityList = defineListQuery<{ f: TPublicityFilter; scope: SQL }, PublicityListRow, PublicityKind>({
  from: sql`from ${pr}`,
  id: pr.id,
  where: ({ f, scope }) => [scope, ...filterSql(f, { ignoreKind: true })],
  sort: () => [{ expr: pr.publishedOn, dir: 'desc' }, { expr: pr.createdAt, dir: 'desc' }],
  tab: { column: pr.kind, values: PUBLICITY_KINDS, where: ({ f }, kind) => (f.kind ? sql`${kind} = ${f.kind}` : undefined) },
  rows: (db, ids) => listQuery(db).where(idIn(pr.id, ids)),
  rowId: (r) => r.p.id,
});

export const findInScope = (db: DbOrTx, scope: SQL, id: string) =>
  listQuery(db).where(and(eq(pr.id, id), scope)).limit(1).then((r) => r[0] ?? null);

export async function insertRecord(db: DbOrTx, row: typeof pr.$inferInsert) {
  const [r] = await db.insert(pr).values(row).returning();
  return r!;
}

/** Conditional on the version read and on not being voided: null means someone else changed it first. */
export async function updateRecord(db: DbOrTx, id: string, version: number, set: Partial<typeof pr.$inferInsert>) {
  const [r] = await db.update(pr).set({ ...set, version: sql`${pr.version} + 1` })
    .where(and(eq(pr.id, id), eq(pr.version, version), isNull(pr.voidedAt))).returning();
  return r ?? null;
}

/**
 * Which of `ids` are enterprises the condition (the caller's enterprise scope) admits: live ones, or
 * among `named` (those the record named already, which may have been voided since).
 */
export const enterprisesAmong = (db: DbOrTx, scope: SQL, ids: readonly string[], named: readonly string[] = []) =>
  ids.length === 0 ? Promise.resolve([]) : db.select({ id: enterprises.id }).from(enterprises)
    .where(and(scope, inArray(enterprises.id, [...ids]), named.length ? or(isNull(enterprises.voidedAt), inArray(enterprises.id, [...named])) : isNull(enterprises.voidedAt)));

export const userName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');
