// A generated county on PostgreSQL for the benchmarks that need a whole district's records
// (bench/forms.ts; issue 14's too): 1 district, 20 townships with 15 villages and 8 departments
// each, 10 district departments, and at scale 1 20,000 enterprises, 1,000,000 hazards over three
// years (with listings and transfers), 300,000 inspections (spot checks with their answers), the
// enforcement cases opened from them with their measures, and accountability records.
//
// Written by set-based SQL (generate_series, INSERT … SELECT) in one transaction, so it takes
// minutes, and an interrupted run leaves nothing. Every id and choice is a hash of the row's
// number: two runs generate the same county. A marker table (bench_county), written in the same
// transaction, records the county; seedCounty on a database that has one reuses it.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../src/server/db/client.ts';
import { sqlRows } from '../src/server/db/client.ts';
import { insertSeedTemplates } from '../src/server/modules/checklists/checklists.seed.ts';
import { insertCases, insertHazards, insertInspections, insertAccountability } from './county.records.ts';
import {
  COUNTY_DAYS, COUNTY_FIRST_DAY, DEPARTMENTS_PER_TOWNSHIP, DEPARTMENT_NAMES, DISTRICT_DEPARTMENTS, DISTRICT_DEPARTMENT_NAMES, NOW, PREFIX,
  SECTORS, TOWNSHIPS, VILLAGES_PER_TOWNSHIP, department, departmentUser, districtDepartment, lit, officeUser, pick, r, sector, textArray, township, uid,
  village, villageUser,
} from './county.sql.ts';

export { COUNTY_TODAY } from './county.sql.ts';

export interface CountyVolumes {
  enterprises: number;
  hazards: number;
  inspections: number;
  accountability: number;
}

/** Scale 1 is the county of issue 11; the region (townships, villages, departments) does not scale. */
export const countyVolumes = (scale: number): CountyVolumes => ({
  enterprises: Math.round(20_000 * scale),
  hazards: Math.round(1_000_000 * scale),
  inspections: Math.round(300_000 * scale),
  accountability: Math.round(1_000 * scale),
});

export interface SeededCounty {
  districtId: string;
  /** In order (第01镇 first), each with its departments. */
  townships: { id: string; name: string; departmentIds: string[] }[];
  districtDepartmentIds: string[];
  scale: number;
  /** Rows per table, as counted after seeding. */
  counts: Record<string, number>;
  /** Whether an earlier run's county was reused. */
  reused: boolean;
}

export type Exec = (query: string) => Promise<unknown>;

const MARKER = 'bench_county';

/**
 * Indexes the report-form metrics need that the schema does not have yet (issue 11 item 7, see
 * docs/performance.md); created here, if missing, until a migration on main adds them:
 * - the 调度表's hazard cells are all about major hazards (重大事故隐患): without this index a
 *   district reads every hazard of the window (135,000 rows) to count 5,500;
 * - "企业…未…" cells count inspections whose answer to one item is 不符合: with this index each
 *   spot check's failed items are one probe into a small index, not a heap fetch of every answer.
 */
export const METRIC_INDEXES = [
  `create index if not exists hazards_major_found_idx on hazards (district_id, found_at) where level = 'major'`,
  `create index if not exists inspection_answers_nonconform_idx on inspection_answers (inspection_id, item_key) where result = 'nonconform'`,
];
const COUNTED = [
  'org_units', 'users', 'enterprises', 'hazards', 'hazard_listings', 'hazard_transfers', 'inspections', 'inspection_answers', 'enforcement_cases',
  'enforcement_measures', 'accountability_records',
] as const;

/** The county on this database: the one a marker records, or a new one (then VACUUM ANALYZE). */
export async function seedCounty(db: Db, o: { scale?: number; log?: (line: string) => void } = {}): Promise<SeededCounty> {
  const scale = o.scale ?? 1;
  const log = o.log ?? (() => {});
  await db.execute(sql.raw(`create table if not exists ${MARKER} (district_id uuid primary key, scale double precision not null, seeded_at timestamptz not null, counts jsonb not null)`));
  const [marker] = await sqlRows<{ district_id: string; scale: number; counts: Record<string, number> }>(db, sql.raw(`select district_id, scale, counts from ${MARKER}`));
  if (marker) {
    if (marker.scale !== scale) throw new Error(`this database holds a generated county of scale ${marker.scale}, not ${scale}: use another database`);
    for (const q of METRIC_INDEXES) await db.execute(sql.raw(q));
    await analyzeIfNeeded(db);
    return { ...(await describe(db, marker.district_id)), scale, counts: marker.counts, reused: true };
  }
  const [other] = await sqlRows<{ n: number }>(db, sql`select count(*)::int as n from org_units`);
  if (other!.n > 0) throw new Error('this database holds data of its own: a generated county is written only into an empty database (a bench database)');
  const districtId = (await sqlRows<{ id: string }>(db, sql.raw(`select ${uid('district', "'0'")} as id`)))[0]!.id;
  const v = countyVolumes(scale);
  const counts: Record<string, number> = {};
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await db.transaction(async (tx) => {
    const exec: Exec = (q) => tx.execute(sql.raw(q));
    await exec(`set local maintenance_work_mem = '256MB'`);
    await step('region, sectors, departments, users', () => insertRegion(tx, exec, districtId));
    await step(`${v.enterprises} enterprises`, () => insertEnterprises(exec, districtId, v.enterprises));
    await step(`${v.hazards} hazards, listings and transfers`, () => insertHazards(exec, { districtId, count: v.hazards, enterprises: v.enterprises, log }));
    await step(`${v.inspections} inspections and spot-check answers`, () => insertInspections(exec, { districtId, count: v.inspections, enterprises: v.enterprises }));
    await step('enforcement cases and measures', () => insertCases(exec, districtId));
    await step(`${v.accountability} accountability records`, () => insertAccountability(exec, districtId, v.accountability));
    await step('the metric indexes', async () => { for (const q of METRIC_INDEXES) await exec(q); });
    for (const t of COUNTED) counts[t] = (await sqlRows<{ n: number }>(tx, sql.raw(`select count(*)::int as n from ${t} where district_id = '${districtId}'`)))[0]!.n;
    await tx.execute(sql`insert into bench_county (district_id, scale, seeded_at, counts) values (${districtId}, ${scale}, now(), ${JSON.stringify(counts)}::jsonb)`);
  });
  // after the commit (VACUUM cannot run in a transaction); an interrupted run gets it on the next (analyzeIfNeeded)
  await step('vacuum analyze', async () => {
    for (const t of COUNTED) await db.execute(sql.raw(`vacuum analyze ${t}`));
  });
  return { ...(await describe(db, districtId)), scale, counts, reused: false };
}

/** A county left before its VACUUM ANALYZE ran (an interrupted first run) gets one now. */
async function analyzeIfNeeded(db: Db) {
  const [s] = await sqlRows<{ analyzed: boolean }>(db, sql`select coalesce(last_analyze, last_autoanalyze) is not null as analyzed from pg_stat_user_tables where relname = 'hazards'`);
  if (!s?.analyzed) for (const t of COUNTED) await db.execute(sql.raw(`vacuum analyze ${t}`));
}

async function describe(db: Db, districtId: string): Promise<Omit<SeededCounty, 'scale' | 'counts' | 'reused'>> {
  const units = await sqlRows<{ id: string; kind: string; name: string; parent_id: string | null }>(
    db, sql`select id, kind, name, parent_id from org_units where district_id = ${districtId} and kind in ('township', 'department') order by sort_order, name`,
  );
  const townships = units.filter((u) => u.kind === 'township').map((t) => ({
    id: t.id, name: t.name, departmentIds: units.filter((u) => u.kind === 'department' && u.parent_id === t.id).map((u) => u.id),
  }));
  return { districtId, townships, districtDepartmentIds: units.filter((u) => u.kind === 'department' && u.parent_id === districtId).map((u) => u.id) };
}

async function insertRegion(tx: DbOrTx, exec: Exec, d: string) {
  const D = lit(d);
  const created = `timestamptz '2023-01-01 09:00:00+08'`;
  await exec(`insert into org_units (id, district_id, kind, name, code, created_at, updated_at) values (${D}, ${D}, 'district', '基准县', 'BJX', ${created}, ${created})`);
  await exec(`insert into sectors (id, district_id, name, sort_order, created_at, updated_at)
    select ${sector('i')}, ${D}, '行业' || lpad((i + 1)::text, 2, '0'), i, ${created}, ${created} from generate_series(0, ${SECTORS - 1}) i`);
  await exec(`insert into org_units (id, district_id, kind, name, parent_id, sort_order, created_at, updated_at)
    select ${township('k')}, ${D}, 'township', '第' || lpad((k + 1)::text, 2, '0') || '镇', ${D}, k, ${created}, ${created} from generate_series(0, ${TOWNSHIPS - 1}) k`);
  await exec(`insert into org_units (id, district_id, kind, name, parent_id, sort_order, created_at, updated_at)
    select ${village('k', 'n')}, ${D}, 'village', '第' || lpad((k + 1)::text, 2, '0') || '镇' || (n + 1) || '村', ${township('k')}, n, ${created}, ${created}
    from generate_series(0, ${TOWNSHIPS - 1}) k, generate_series(0, ${VILLAGES_PER_TOWNSHIP - 1}) n`);
  await exec(`insert into org_units (id, district_id, kind, name, parent_id, sort_order, sector_ids, created_at, updated_at)
    select ${department('k', 'n')}, ${D}, 'department', (${textArray(DEPARTMENT_NAMES)})[n + 1], ${township('k')}, n,
      array[${sector('3 * n')}, ${sector('3 * n + 1')}, ${sector('3 * n + 2')}], ${created}, ${created}
    from generate_series(0, ${TOWNSHIPS - 1}) k, generate_series(0, ${DEPARTMENTS_PER_TOWNSHIP - 1}) n`);
  await exec(`insert into org_units (id, district_id, kind, name, parent_id, sort_order, sector_ids, created_at, updated_at)
    select ${districtDepartment('j')}, ${D}, 'department', (${textArray(DISTRICT_DEPARTMENT_NAMES)})[j + 1], ${D}, j,
      array[${sector('2 * j')}, ${sector('2 * j + 1')}] || case when j < 4 then array[${sector('20 + j')}] else '{}'::uuid[] end, ${created}, ${created}
    from generate_series(0, ${DISTRICT_DEPARTMENTS - 1}) j`);
  // Accounts (generated names, no phone numbers): the district's administrator, each township's
  // office, each department and each village; record authors are picked from them by arithmetic.
  const user = (id: string, name: string, role: string, unit: string, cert: boolean) =>
    `${id}, ${D}, '${PREFIX}_' || ${name}, '人员' || ${name}, '${role}', ${unit}, ${cert ? `'BJX' || lpad(abs(hashtext(${name}))::text, 10, '0')` : 'null'}, 'not-a-hash'`;
  const cols = 'id, district_id, username, display_name, role, unit_id, enforcement_certificate_no, password_hash';
  await exec(`insert into users (${cols}) values (${user(uid('ua', "'0'"), "'admin'", 'admin', D, false)})`);
  await exec(`insert into users (${cols}) select ${user(officeUser('k'), `'t' || k`, 'office', township('k'), true)} from generate_series(0, ${TOWNSHIPS - 1}) k`);
  await exec(`insert into users (${cols}) select ${user(uid('udd', 'j'), `'dd' || j`, 'department', districtDepartment('j'), true)} from generate_series(0, ${DISTRICT_DEPARTMENTS - 1}) j`);
  await exec(`insert into users (${cols}) select ${user(departmentUser('k', 'n'), `'d' || k || '_' || n`, 'department', department('k', 'n'), true)}
    from generate_series(0, ${TOWNSHIPS - 1}) k, generate_series(0, ${DEPARTMENTS_PER_TOWNSHIP - 1}) n`);
  await exec(`insert into users (${cols}) select ${user(villageUser('k', 'n'), `'v' || k || '_' || n`, 'village', village('k', 'n'), false)}
    from generate_series(0, ${TOWNSHIPS - 1}) k, generate_series(0, ${VILLAGES_PER_TOWNSHIP - 1}) n`);
  await insertSeedTemplates(tx, d, null, new Date(`${COUNTY_FIRST_DAY}T01:00:00Z`));
}

/**
 * Enterprises, and a temporary table bench_e (n → township k, village vn, sector indexes sidx)
 * that the records pick from. Enterprise n is in township n % 20; one in three has a second sector.
 */
async function insertEnterprises(exec: Exec, d: string, count: number) {
  const D = lit(d);
  await exec(`create temp table bench_e on commit drop as
    select n, ${uid('e', 'n')} as id, n % ${TOWNSHIPS} as k, ${pick('n', 1, VILLAGES_PER_TOWNSHIP)} as vn,
      array[s1] || case when ${r('n', 2)} < 0.3 then array[(s1 + 1 + ${pick('n', 3, SECTORS - 1)}) % ${SECTORS}] else '{}'::int[] end as sidx,
      ${r('n', 4)} < 0.1 as is_key
    from (select n, ${pick('n', 5, SECTORS)} as s1 from generate_series(0, ${count - 1}) n) x`);
  await exec('create index on bench_e (n)');
  await exec('analyze bench_e');
  const created = `case when ${r('n', 9)} < 0.85 then timestamptz '2023-06-01 09:00:00+08' - ${pick('n', 10, 2000)} * interval '1 day'
    else ${`timestamptz '${COUNTY_FIRST_DAY} 09:00:00+08'`} + ${pick('n', 11, COUNTY_DAYS)} * interval '1 day' end`;
  await exec(`insert into enterprises (id, district_id, township_id, village_id, name, kind, address, sector_ids, employee_count, principal_name,
      principal_phone, risk_grade, is_key, is_high_risk, status, voided_at, void_reason, created_at, updated_at)
    select id, ${D}, ${township('k')}, ${village('k', 'vn')}, '基准企业' || lpad((n + 1)::text, 6, '0') || '号',
      (array['company', 'company', 'company', 'sole_trader', 'small_venue'])[1 + ${pick('n', 12, 5)}],
      '基准县第' || lpad((k + 1)::text, 2, '0') || '镇' || (vn + 1) || '村' || (1 + n % 200) || '号',
      (select array_agg(${sector('s')} order by o) from unnest(sidx) with ordinality u(s, o)), 1 + ${pick('n', 13, 300)}, '负责人' || (n + 1),
      '1000' || lpad(n::text, 7, '0'),
      case when ${r('n', 6)} < 0.03 then 'red' when ${r('n', 6)} < 0.13 then 'orange' when ${r('n', 6)} < 0.40 then 'yellow' else 'blue' end,
      is_key, ${r('n', 14)} < 0.05,
      case when ${r('n', 7)} < 0.03 then 'closed' when ${r('n', 7)} < 0.05 then 'suspended' else 'operating' end,
      case when ${r('n', 8)} < 0.01 then least((${created}) + interval '30 days', ${NOW}) end, case when ${r('n', 8)} < 0.01 then '重复登记' end,
      ${created}, ${created}
    from bench_e`);
}
