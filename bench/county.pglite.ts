// Benchmark: a township's volume on the embedded database (issue 14): the county of
// bench/county.seed.ts at 1/20 (50,000 hazards over three years, 1,000 enterprises, 15,000
// inspections: what one township of the county holds), generated into PGlite, which a township
// runs on by default. As the district office (which sees all of it, as a township office sees its
// own township) and as a township office, each scenario through the product beside the same
// answer by one hand-written statement on the same PGlite, interleaved. PGlite runs one query at a
// time, so the last figure is what a small request waits while a dashboard runs beside it.
//
//   npm run bench:county:pglite -- [runs=20]    (bench:county runs it last unless BENCH_SKIP=pglite)
//   BENCH_PGLITE_DIR=…   where the generated database is kept and reused (default: the system's temp folder)
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { shanghaiDay, shanghaiDayStart } from '../src/domain/common/dates.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPglite } from '../src/server/db/client.ts';
import { orgUnits } from '../src/server/db/schema/index.ts';
import { buildUser } from '../src/server/test/factories.ts';
import { loginAs } from '../src/server/test/http.ts';
import { MemoryStorage } from '../src/server/test/storage.ts';
import { interleaved, ms, okGet, quantile, timed } from './interleave.ts';
import { dashboardQuery, ledgerQuery } from './county.limits.ts';
import { seedCounty } from './county.seed.ts';

const RUNS = Number(process.argv[2] ?? 20);
const WARMUP = 3;
const SCALE = 0.05;
const DIR = process.env.BENCH_PGLITE_DIR ?? path.join(os.tmpdir(), 'anzhi-bench-county-pglite');
// The server reads "today" from its clock: the limits and the dashboard's range use the same day
// (the county's own today, COUNTY_TODAY, would send a dashboard ending "yesterday" to the
// past-day path after midnight in Shanghai).
const TODAY = shanghaiDay(new Date());
const YEAR_START = `${TODAY.slice(0, 4)}-01-01`;


const t0 = performance.now();
const database = await openPglite(DIR);
const db = database.db;
try {
  const county = await seedCounty(db, { scale: SCALE, log: (l) => console.log(l) });
  console.log(`PGlite in ${DIR}: county at scale ${SCALE} ${county.reused ? 'reused' : 'generated'} in ${((performance.now() - t0) / 1000).toFixed(0)} s: hazards ${county.counts.hazards}, enterprises ${county.counts.enterprises}, inspections ${county.counts.inspections}`);
  const D = county.districtId;
  const T = county.townships[0]!;
  const stamp = Date.now().toString(36);
  const [district] = await db.select().from(orgUnits).where(eq(orgUnits.id, D));
  const [township] = await db.select().from(orgUnits).where(eq(orgUnits.id, T.id));
  const districtOffice = await buildUser(db, { role: 'office', unit: district!, username: `bench_pglite_d_${stamp}` });
  const townshipOffice = await buildUser(db, { role: 'office', unit: township!, username: `bench_pglite_t_${stamp}` });
  const config = loadConfig({ DATA_DIR: '/nonexistent-anzhi-bench', DEMO: 'off', LOG_LEVEL: 'silent', NOTIFY_INTERVAL_SECONDS: '0' });
  const { app } = await buildApp({ config, database, storage: new MemoryStorage(), webDir: null, logger: false });
  await app.ready();
  const asDistrict = await loginAs(app, districtOffice.username, districtOffice.password);
  const asTownship = await loginAs(app, townshipOffice.username, townshipOffice.password);
  const get = okGet;
  const dashboardUrl = `/api/dashboard/hazards?from=${YEAR_START}&to=${TODAY}`;
  const fromInstant = shanghaiDayStart(YEAR_START);
  const region = (column: 'district_id' | 'township_id', id: string) => ({ column, id });
  const scenarios = [
    {
      name: `ledger, first page (${county.counts.hazards} hazards)`,
      product: get(asDistrict, '/api/hazards?pageSize=20'),
      limit: () => db.execute(ledgerQuery({ region: region('district_id', D), today: TODAY, offset: 0, limit: 20 })),
    },
    {
      name: 'dashboard, this year',
      product: get(asDistrict, dashboardUrl),
      limit: () => db.execute(dashboardQuery({ column: 'district_id', id: D, from: YEAR_START, fromInstant, today: TODAY })),
    },
    {
      name: `ledger, one township of 20, first page`,
      product: get(asTownship, '/api/hazards?pageSize=20'),
      limit: () => db.execute(ledgerQuery({ region: region('township_id', T.id), today: TODAY, offset: 0, limit: 20 })),
    },
  ];
  console.log(`${RUNS} interleaved runs after ${WARMUP} warm-up; product: server time (injected); limit: the hand-written statement on the same PGlite\n`);
  console.log(`${'scenario'.padEnd(44)} ${'product median'.padStart(15)} ${'p95'.padStart(9)}   ${'limit median'.padStart(13)} ${'p95'.padStart(9)}   ratio`);
  for (const s of scenarios) {
    const { p, l } = await interleaved(s.product, s.limit, RUNS, WARMUP);
    console.log(`${s.name.padEnd(44)} ${ms(quantile(p, 0.5)).padStart(15)} ${ms(quantile(p, 0.95))}   ${ms(quantile(l, 0.5)).padStart(13)} ${ms(quantile(l, 0.95))}   ${(quantile(p, 0.5) / quantile(l, 0.5)).toFixed(2)}×`);
  }
  // One query at a time: a township office's first page asked while the district's dashboard runs.
  const alone: number[] = [];
  const beside: number[] = [];
  const page = get(asTownship, '/api/hazards?pageSize=20');
  for (let i = 0; i < RUNS; i++) {
    alone.push(await timed(page));
    const dashboard = get(asDistrict, dashboardUrl)();
    beside.push(await timed(page));
    await dashboard;
  }
  console.log(`\na township's first page while the district's dashboard runs: ${ms(quantile(beside, 0.5))} median, ${ms(quantile(beside, 0.95))} p95 (alone ${ms(quantile(alone, 0.5))})`);
  await app.close();
} finally {
  await database.close();
}
