// Benchmark: the report-form metric engine (evaluateCells) on a generated county, beside ONE
// hand-written query per form returning the same figures, in interleaved runs; asserts the two
// answers are equal (exit 1 if not) and prints the median and p95 of each, their ratio and the
// machine.
//
//   npm run bench:forms -- [runs=30]
//   DATABASE_URL=postgres://…/db npm run bench:forms   (default: the local test cluster, database anzhi_bench_county,
//                                                       created and seeded if missing, reused afterwards)
//   BENCH_SCALE=0.1 …                                  (a smaller county; use another database per scale)
import os from 'node:os';
import { type SQL, sql } from 'drizzle-orm';
import { shanghaiDayStart } from '../src/domain/common/dates.ts';
import { CHONGMING_DISPATCH, DASHENG_DEPARTMENT_SUMMARY } from '../src/domain/reports/seed-forms.ts';
import type { TemplateBody } from '../src/domain/reports/template.ts';
import { type Db, openPostgres, sqlRows } from '../src/server/db/client.ts';
import { type EvalUnit, type Evaluation, type MetricCell, evaluateCells } from '../src/server/modules/reports/metrics/evaluate.ts';
import type { MetricWindow } from '../src/server/modules/reports/metrics/families.ts';
import { ensureDatabase } from './county.db.ts';
import { seedCounty } from './county.seed.ts';
import { departmentSummaryQuery, dispatchQuery } from './forms.sql.ts';

const RUNS = Number(process.argv[2] ?? 30);
const WARMUP = 3;
const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/anzhi_bench_county';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** Cumulative from the campaign's start to the cut-off at the end of 2026-09-28 in Shanghai. */
const WINDOW: MetricWindow = { from: '2026-05-01', to: '2026-09-28', cutoff: shanghaiDayStart('2026-09-28', 1) };
const TARGET = { ms: 150, ratio: 1.5 };

const cellsOf = (form: TemplateBody): MetricCell[] =>
  form.indicators.flatMap((i) => (i.source.kind === 'computed' ? [{ key: i.key, metric: i.source.metric, params: i.source.params }] : []));


interface Scenario {
  name: string;
  units: EvalUnit[];
  cells: MetricCell[];
  hand: SQL;
  target?: boolean;
}

/**
 * The hand-written query's rows as unit → cell → value (a missing figure is 0). Run like the
 * engine runs its statements, in a transaction with JIT compilation off, so that the two differ
 * only in their SQL.
 */
async function handWritten(db: Db, s: Scenario): Promise<Map<string, Map<string, number>>> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return sqlRows<Record<string, unknown>>(tx, s.hand);
  });
  return new Map(rows.map((r) => [String(r.unit_id), new Map(s.cells.map((c) => [c.key, Number(r[c.key] ?? 0)]))]));
}

/** A fixed CPU-bound statement, timed before and after the runs: the machine's speed at the time (its cores are shared). */
async function cpuCheck(db: Db): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await timed(() => db.execute(sql`select count(distinct md5(g::text)) from generate_series(1, 200000) g`)))[0]);
  return Math.min(...times);
}

function differences(s: Scenario, engine: Evaluation, hand: Map<string, Map<string, number>>): string[] {
  const out: string[] = [];
  for (const u of s.units) {
    for (const c of s.cells) {
      const a = engine.get(u.id)?.get(c.key)?.value;
      const b = hand.get(u.id)?.get(c.key);
      if (a !== b) out.push(`${u.kind} ${u.id} ${c.key}: engine ${a}, hand-written ${b}`);
    }
  }
  return out;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}

await ensureDatabase(URL_);
const database = await openPostgres(URL_);
const db = database.db;
let failed = false;
try {
  console.log(`county (scale ${SCALE}) on ${new URL(URL_).pathname.slice(1)}:`);
  const t0 = performance.now();
  const county = await seedCounty(db, { scale: SCALE, log: (l) => console.log(l) });
  console.log(`  ${county.reused ? 'reused' : 'generated'} in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${Object.entries(county.counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);

  const D = county.districtId;
  const T = county.townships[0]!;
  const dispatch = cellsOf(CHONGMING_DISPATCH);
  const annex3 = cellsOf(DASHENG_DEPARTMENT_SUMMARY);
  const scenarios: Scenario[] = [
    {
      name: `(a) 崇明 调度表, the district (${dispatch.length} computed cells)`, units: [{ id: D, kind: 'district' }], cells: dispatch, target: true,
      hand: dispatchQuery({ districtId: D, region: 'district_id', unitId: D, w: WINDOW }),
    },
    {
      name: `(b) 崇明 调度表, one township (${T.name})`, units: [{ id: T.id, kind: 'township' }], cells: dispatch,
      hand: dispatchQuery({ districtId: D, region: 'township_id', unitId: T.id, w: WINDOW }),
    },
    {
      name: `(c) 大盛 附件3, the ${T.departmentIds.length} departments of ${T.name} (${annex3.length} computed cells)`,
      units: T.departmentIds.map((id) => ({ id, kind: 'department' as const })), cells: annex3,
      hand: departmentSummaryQuery({ districtId: D, townshipId: T.id, w: WINDOW }),
    },
  ];

  const version = (await sqlRows<{ v: string }>(db, sql`select current_setting('server_version') as v`))[0]!.v;
  const settings = await sqlRows<{ name: string; setting: string; unit: string | null }>(db, sql`select name, setting, unit from pg_settings
    where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather') order by name`);
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.versions.node}; PostgreSQL ${version}`);
  console.log(`  ${settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', ')}`);
  console.log(`window: ${WINDOW.from} to ${WINDOW.to} (cut-off ${WINDOW.cutoff.toISOString()}); ${RUNS} interleaved runs after ${WARMUP} warm-up; time of each call in this process`);
  console.log(`CPU check before the runs (PostgreSQL, count(distinct md5) of 200,000 numbers, best of 5): ${ms(await cpuCheck(db))}`);

  for (const s of scenarios) {
    const engine = () => evaluateCells(db, { districtId: D, units: s.units, cells: s.cells, window: WINDOW });
    const hand = () => handWritten(db, s);
    const diff = differences(s, await engine(), await hand());
    if (diff.length) {
      failed = true;
      console.log(`\n${s.name}\n  ANSWERS DIFFER (${diff.length}):\n    ${diff.slice(0, 20).join('\n    ')}`);
      continue;
    }
    for (let i = 0; i < WARMUP; i++) {
      await engine();
      await hand();
    }
    const e: number[] = [];
    const h: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // alternate which goes first, so neither always finds the other's pages in the cache
      if (i % 2 === 0) {
        e.push((await timed(engine))[0]);
        h.push((await timed(hand))[0]);
      } else {
        h.push((await timed(hand))[0]);
        e.push((await timed(engine))[0]);
      }
    }
    const [em, ep, hm, hp] = [quantile(e, 0.5), quantile(e, 0.95), quantile(h, 0.5), quantile(h, 0.95)];
    const ratio = em / hm;
    const sample = [...(await engine()).values()][0]!;
    console.log(`\n${s.name}: answers equal (${s.units.length} × ${s.cells.length} figures; e.g. ${[...sample].slice(0, 4).map(([k, v]) => `${k}=${v.value}`).join(', ')})`);
    console.log(`  evaluateCells   median ${ms(em).padStart(9)}   p95 ${ms(ep).padStart(9)}`);
    console.log(`  hand-written    median ${ms(hm).padStart(9)}   p95 ${ms(hp).padStart(9)}`);
    const verdict = s.target ? `   target ≤ ${TARGET.ms} ms and ≤ ${TARGET.ratio}×: ${em <= TARGET.ms && ratio <= TARGET.ratio ? 'met' : 'MISSED'}` : '';
    console.log(`  ratio (medians) ${ratio.toFixed(2)}×${verdict}`);
  }
  console.log(`\nCPU check after the runs: ${ms(await cpuCheck(db))}`);
} finally {
  await database.close();
}
if (failed) {
  console.log('\nthe engine and the hand-written queries disagree');
  process.exit(1);
}
