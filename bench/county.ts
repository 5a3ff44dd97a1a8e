// Benchmark: a county on one server (issue 14). On the generated county of bench/county.seed.ts
// (20 townships, 20,000 enterprises, 1,000,000 hazards over three years, 300,000 inspections, on
// PostgreSQL), each scenario through the product beside its limit measured in the same run, the two
// interleaved, as medians, p95 and their ratio:
// - the district's ledger, first page; a deep page (its last) under 3 filters and a text;
// - the district's dashboard (this year); the 崇明 调度表 for the district; an enterprise search;
//   limit: one hand-written statement giving the same answer from the ledger itself (county.limits.ts);
// - authenticated read throughput at 4 and 32 connections (autocannon) against a bare Fastify + pg
//   endpoint running the same statements (county.throughput.ts).
// - a township's export (50,000 hazards) beside one streaming hand-written query (export.limit.ts);
// - an import of 100,000 registry rows and 100,000 ledger rows beside COPY: bench/import.ts, run by
//   this bench on the same server (BENCH_SKIP=import leaves it out; it takes minutes);
// - a township's volume on the embedded database: bench/county.pglite.ts (BENCH_SKIP=pglite).
// The product's latencies are server time: requests injected into the Fastify app in this process.
//
//   npm run bench:county -- [runs=20] [seconds=8]
//   DATABASE_URL=postgres://…/db npm run bench:county   (default: the local test cluster, anzhi_bench_county,
//                                                        created and seeded if missing, reused afterwards)
import os from 'node:os';
import { type SQL, eq, like, sql } from 'drizzle-orm';
import { CHONGMING_DISPATCH } from '../src/domain/reports/seed-forms.ts';
import { shanghaiDay, shanghaiDayStart } from '../src/domain/common/dates.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPostgres, sqlRows } from '../src/server/db/client.ts';
import { orgUnits, sessions, users } from '../src/server/db/schema/index.ts';
import { evaluateCells, type MetricCell } from '../src/server/modules/reports/metrics/evaluate.ts';
import { buildUser } from '../src/server/test/factories.ts';
import { loginAs } from '../src/server/test/http.ts';
import { MemoryStorage } from '../src/server/test/storage.ts';
import { interleaved, ms, okGet, quantile, timed } from './interleave.ts';
import { dashboardQuery, enterpriseSearchQuery, ledgerQuery } from './county.limits.ts';
import { COUNTY_TODAY, seedCounty } from './county.seed.ts';
import { bareEndpoint, captureStatements, requestsPerSecond } from './county.throughput.ts';
import { ensureDatabase } from './county.db.ts';
import { dispatchQuery } from './forms.sql.ts';
import { handWritten } from './export.limit.ts';
import type { Raw } from './export.seed.ts';
import { spawn } from 'node:child_process';
import pg from 'pg';

const RUNS = Number(process.argv[2] ?? 20);
const SECONDS = Number(process.argv[3] ?? 8);
const WARMUP = 3;
const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/anzhi_bench_county';
// The server reads "today" from its clock: the limits and the dashboard's range use the same day
// (the county's own today, COUNTY_TODAY, would send a dashboard ending "yesterday" to the
// past-day path after midnight in Shanghai).
const TODAY = shanghaiDay(new Date());
const YEAR_START = `${TODAY.slice(0, 4)}-01-01`;



interface Scenario { name: string; product: () => Promise<unknown>; limit: () => Promise<unknown>; target?: string }

if (COUNTY_TODAY !== new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)) {
  console.log(`note: the county's today is ${COUNTY_TODAY}; the server's clock says otherwise, so "this year" and overdue are read as of the clock`);
}
await ensureDatabase(URL_);
const database = await openPostgres(URL_);
const db = database.db;
try {
  const t0 = performance.now();
  const county = await seedCounty(db, { log: (l) => console.log(l) });
  console.log(`county ${county.reused ? 'reused' : 'generated'} in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${Object.entries(county.counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  const D = county.districtId;
  const T = county.townships[0]!;
  // the bench's own accounts, made afresh each run (the county's accounts have no passwords)
  const old = await db.select({ id: users.id }).from(users).where(like(users.username, 'bench_county_%'));
  for (const u of old) await db.delete(sessions).where(eq(sessions.userId, u.id));
  await db.delete(users).where(like(users.username, 'bench_county_%'));
  const [district] = await db.select().from(orgUnits).where(eq(orgUnits.id, D));
  const [township] = await db.select().from(orgUnits).where(eq(orgUnits.id, T.id));
  const districtOffice = await buildUser(db, { role: 'office', unit: district!, username: 'bench_county_district' });
  const townshipOffice = await buildUser(db, { role: 'office', unit: township!, username: 'bench_county_township' });

  const config = loadConfig({ DATA_DIR: '/nonexistent-anzhi-bench', DATABASE_URL: URL_, DEMO: 'off', LOG_LEVEL: 'silent' });
  const { app } = await buildApp({ config, database, storage: new MemoryStorage(), webDir: null, logger: false });
  await app.ready();
  const asDistrict = await loginAs(app, districtOffice.username, districtOffice.password);
  const asTownship = await loginAs(app, townshipOffice.username, townshipOffice.password);
  const get = okGet;
  const run = (q: SQL) => () => db.execute(q);

  // the deep page: the last page of the district's general hazards reported by departments this year that mention 配电箱
  const deepFilter = `level=general&source=department&from=${YEAR_START}&q=${encodeURIComponent('配电箱')}`;
  const deepTotal = ((await get(asDistrict, `/api/hazards?${deepFilter}&pageSize=20`)()).json() as { total: number }).total;
  const deepPage = Math.max(1, Math.ceil(deepTotal / 20));
  // the same three filters without the text: counted from the summary rows, the page read from the end
  const keptFilter = `level=general&source=department&from=${YEAR_START}`;
  const keptTotal = ((await get(asDistrict, `/api/hazards?${keptFilter}&pageSize=20`)()).json() as { total: number }).total;
  const keptPage = Math.max(1, Math.ceil(keptTotal / 20));
  const dispatch: MetricCell[] = CHONGMING_DISPATCH.indicators.flatMap((i) => (i.source.kind === 'computed' ? [{ key: i.key, metric: i.source.metric, params: i.source.params }] : []));
  const window = { from: '2026-05-01', to: '2026-09-28', cutoff: shanghaiDayStart('2026-09-28', 1) };
  const search = '企业0012';
  const region = { column: 'district_id' as const, id: D };
  const scenarios: Scenario[] = [
    {
      name: 'ledger, district, first page', target: 'p95 ≤ 25 ms',
      product: get(asDistrict, '/api/hazards?pageSize=20'),
      limit: run(ledgerQuery({ region, today: TODAY, offset: 0, limit: 20 })),
    },
    {
      name: `ledger, district, last page (${keptPage}) of 3 filters (${keptTotal} rows)`, target: 'p95 ≤ 25 ms',
      product: get(asDistrict, `/api/hazards?${keptFilter}&pageSize=20&page=${keptPage}`),
      limit: run(ledgerQuery({ region, level: 'general', source: 'department', fromInstant: shanghaiDayStart(YEAR_START), today: TODAY, offset: (keptPage - 1) * 20, limit: 20 })),
    },
    {
      name: `ledger, district, last page (${deepPage}) of 3 filters + text (${deepTotal} rows)`, target: 'p95 ≤ 25 ms',
      product: get(asDistrict, `/api/hazards?${deepFilter}&pageSize=20&page=${deepPage}`),
      limit: run(ledgerQuery({ region, level: 'general', source: 'department', q: '配电箱', fromInstant: shanghaiDayStart(YEAR_START), today: TODAY, offset: (deepPage - 1) * 20, limit: 20 })),
    },
    {
      name: 'dashboard, district, this year', target: '≤ 50 ms',
      product: get(asDistrict, `/api/dashboard/hazards?from=${YEAR_START}&to=${TODAY}`),
      limit: run(dashboardQuery({ column: 'district_id', id: D, from: YEAR_START, fromInstant: shanghaiDayStart(YEAR_START), today: TODAY })),
    },
    {
      name: `崇明 调度表, district (${dispatch.length} computed cells)`,
      product: () => evaluateCells(db, { districtId: D, units: [{ id: D, kind: "district" }], cells: dispatch, window }),
      limit: run(dispatchQuery({ districtId: D, region: 'district_id', unitId: D, w: window })),
    },
    {
      name: `enterprise search "${search}", district`,
      product: get(asDistrict, `/api/enterprises?q=${encodeURIComponent(search)}&pageSize=20`),
      limit: run(enterpriseSearchQuery({ districtId: D, q: search, limit: 20 })),
    },
  ];

  const cpus = os.cpus();
  const version = (await sqlRows<{ v: string }>(db, sql`select current_setting('server_version') as v`))[0]!.v;
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.versions.node}; PostgreSQL ${version}`);
  console.log(`${RUNS} interleaved runs after ${WARMUP} warm-up; product: server time (injected); limit: the hand-written statement\n`);
  console.log(`${'scenario'.padEnd(62)} ${'product median'.padStart(15)} ${'p95'.padStart(9)}   ${'limit median'.padStart(13)} ${'p95'.padStart(9)}   ratio   target`);
  for (const s of scenarios) {
    const { p, l } = await interleaved(s.product, s.limit, RUNS, WARMUP);
    const ratio = quantile(p, 0.5) / quantile(l, 0.5);
    console.log(`${s.name.padEnd(62)} ${ms(quantile(p, 0.5)).padStart(15)} ${ms(quantile(p, 0.95))}   ${ms(quantile(l, 0.5)).padStart(13)} ${ms(quantile(l, 0.95))}   ${ratio.toFixed(2)}×   ${s.target ?? ''}`);
  }

  // throughput: a township office's ledger, first page, over the loopback
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const path = '/api/hazards?pageSize=20';
  const statements = await captureStatements(() => get(asTownship, path)());
  const bare = await bareEndpoint(URL_, statements, 10);
  const cookie = asTownship.cookie;
  const probe = await fetch(bare.url);
  if (probe.status !== 200) throw new Error(`the bare endpoint answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  console.log(`\nauthenticated read: GET ${path} as a township office (${statements.length} statements), ${SECONDS} s each, alternating`);
  for (const connections of [4, 32]) {
    const product = await requestsPerSecond({ url: `http://127.0.0.1:${port}${path}`, connections, seconds: SECONDS, headers: { cookie } });
    const limit = await requestsPerSecond({ url: bare.url, connections, seconds: SECONDS });
    console.log(`  ${String(connections).padStart(2)} connections: product ${product.toFixed(0).padStart(5)} req/s, bare Fastify + pg ${limit.toFixed(0).padStart(5)} req/s: ${(100 * product / limit).toFixed(0)} % (target ≥ 60 %)`);
  }
  await bare.close();

  // a township's export, twice each, alternating; the better run of each
  // the limit's cursor lives in a transaction: one connection of its own
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  const raw: Raw = { exec: async (q, p) => (await client.query(q, p)).rows as Record<string, unknown>[] };
  const exports: { product: number; limit: number; rows: number }[] = [];
  for (let i = 0; i < 2; i++) {
    const product = await timed(get(asTownship, '/api/hazards/export'));
    const limit = await handWritten(raw, T.id);
    exports.push({ product, limit: limit.ms, rows: limit.rows });
  }
  const best = (k: 'product' | 'limit') => Math.min(...exports.map((e) => e[k]));
  await client.end();
  console.log(`\nexport: ${T.name}'s ledger (${exports[0]!.rows} hazards) as its office: product ${(best('product') / 1000).toFixed(1)} s, one streaming query ${(best('limit') / 1000).toFixed(1)} s: ${(best('product') / best('limit')).toFixed(2)}× (issue 8's target ≤ 2×)`);
  await app.close();
} finally {
  await database.close();
}

if (!(process.env.BENCH_SKIP ?? '').split(',').includes('pglite')) {
  console.log('\na township on the embedded database (bench/county.pglite.ts):');
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/county.pglite.ts', String(RUNS)], { stdio: 'inherit' });
  await new Promise((resolve) => child.once('close', resolve));
}

if (!(process.env.BENCH_SKIP ?? '').split(',').includes('import')) {
  const server = new URL(URL_);
  server.pathname = '/postgres';
  console.log('\nimport (bench/import.ts on the same server, a fresh database):');
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/import.ts', '100000'], { env: { ...process.env, BENCH_DATABASE_URL: server.toString() }, stdio: 'inherit' });
  await new Promise((resolve) => child.once('close', resolve));
}
