// Benchmark: inspections, 日周月 self-inspection compliance, inspection plans and enforcement cases on
// a large township, through the real services (scope, filters, presenters), as the office, a
// department, a village and an enterprise would call them.
//   npm run bench:inspections -- [enterprises=3000]
// Other volumes scale with the enterprises (3000: 40 000 authority inspections, 1500 schedules with a
// year of self-inspections, 2000 cases); see bench/inspections.seed.ts. Prints median and p95 per scenario.
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { CaseListQuery } from '../src/contract/cases.ts';
import { InspectionListQuery } from '../src/contract/inspections.ts';
import { EntryListQuery } from '../src/contract/plans.ts';
import { BehindQuery } from '../src/contract/schedules.ts';
import { loadConfig } from '../src/server/config.ts';
import type { AppContext } from '../src/server/context.ts';
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS, fromPglite } from '../src/server/db/client.ts';
import type { Actor } from '../src/server/http/actor.ts';
import { loadActor } from '../src/server/modules/auth/auth.service.ts';
import { listCases } from '../src/server/modules/cases/cases.service.ts';
import { getInspection, listInspections } from '../src/server/modules/inspections/inspections.service.ts';
import { getPlan, keyUncovered, listEntries, listPlans } from '../src/server/modules/plans/plans.service.ts';
import { behindPage } from '../src/server/modules/schedules/schedules.behind.ts';
import { calendar } from '../src/server/modules/schedules/schedules.service.ts';
import { seedTownship, volumesFor } from './inspections.seed.ts';

const N = Number(process.argv[2] ?? 3000);
const REPEAT = 15;
// A fixed "today" (Asia/Shanghai), so the periods and history are the same on every run.
const TODAY = '2026-06-15';

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const t0 = process.hrtime.bigint();
const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
const database = fromPglite(client);
const t = await seedTownship(database.db, volumesFor(N), TODAY);
await client.exec('analyze');
console.log(`${N} enterprises, ${Object.entries(t.counts).map(([k, n]) => `${n} ${k}`).join(', ')}; set up in ${(ms(t0) / 1000).toFixed(1)} s`);

const config = loadConfig({ DATA_DIR: '/nonexistent', DEMO: 'off', LOG_LEVEL: 'silent' });
const ctx: AppContext = { db: database.db, dbKind: 'pglite', config, clock: { now: () => new Date(`${TODAY}T04:00:00Z`) } };
const actor = async (userId: string): Promise<Actor> => (await loadActor(ctx, userId, { id: 'bench', csrfToken: 'bench' }))!;
const office = await actor(t.officeUserId);
const dept = await actor(t.departments[0]!.userIds[0]!);
const village = await actor(t.villageUserId);
const enterprise = await actor(t.scheduled.userId);

const inspectionsQ = (o: Record<string, string>) => InspectionListQuery.parse(o);
const behindQ = (o: Record<string, string>) => BehindQuery.parse(o);
const yearAgo = '2025-06-16';
const total = (r: { total: number }) => r.total;

const scenarios: [string, () => Promise<number>][] = [
  ['inspections: office, page 1', () => listInspections(ctx, office, inspectionsQ({})).then(total)],
  ['inspections: office, page 100', () => listInspections(ctx, office, inspectionsQ({ page: '100' })).then(total)],
  ['inspections: office, search name "机械"', () => listInspections(ctx, office, inspectionsQ({ q: '机械' })).then(total)],
  ['inspections: office, search number', () => listInspections(ctx, office, inspectionsQ({ q: 'JC-2025-0012' })).then(total)],
  ['inspections: office, authority + failed', () => listInspections(ctx, office, inspectionsQ({ kind: 'authority', hasFailed: 'true' })).then(total)],
  ['inspections: office, self, this month', () => listInspections(ctx, office, inspectionsQ({ kind: 'self', from: '2026-06-01', to: TODAY })).then(total)],
  ['inspections: office, one village', () => listInspections(ctx, office, inspectionsQ({ villageId: t.villageIds[3]! })).then(total)],
  ['inspections: office, one enterprise', () => listInspections(ctx, office, inspectionsQ({ enterpriseId: t.scheduled.enterpriseId })).then(total)],
  ['inspections: department, page 1', () => listInspections(ctx, dept, inspectionsQ({})).then(total)],
  ['inspections: department, enforcement done', () => listInspections(ctx, dept, inspectionsQ({ type: 'enforcement', status: 'completed' })).then(total)],
  ['inspections: department, mine', () => listInspections(ctx, dept, inspectionsQ({ mine: 'true' })).then(total)],
  ['inspections: department, own unit', () => listInspections(ctx, dept, inspectionsQ({ unitId: dept.unitId })).then(total)],
  ['inspections: village, page 1', () => listInspections(ctx, village, inspectionsQ({})).then(total)],
  ['inspections: village, search name', () => listInspections(ctx, village, inspectionsQ({ q: '餐馆' })).then(total)],
  ['inspection detail (answered)', () => getInspection(ctx, office, t.sampleInspectionId).then((d) => d.answers.length)],
  ['inspection detail (self-inspection)', () => getInspection(ctx, enterprise, t.sampleSelfInspectionId).then((d) => d.answers.length)],
  ['behind: office, this month', () => behindPage(ctx, office, behindQ({})).then(total)],
  ['behind: office, past year', () => behindPage(ctx, office, behindQ({ from: yearAgo })).then(total)],
  ['behind: office, past year, daily', () => behindPage(ctx, office, behindQ({ from: yearAgo, frequency: 'daily' })).then(total)],
  ['behind: office, search name', () => behindPage(ctx, office, behindQ({ q: '超市', from: yearAgo })).then(total)],
  ['behind: department, this month', () => behindPage(ctx, dept, behindQ({})).then(total)],
  ['behind: department, past year', () => behindPage(ctx, dept, behindQ({ from: yearAgo })).then(total)],
  ['self-inspection calendar, this month', () => calendar(ctx, enterprise, t.scheduled.enterpriseId, undefined).then((c) => c.occurrences.length)],
  ['self-inspection calendar, a past month', () => calendar(ctx, office, t.scheduled.enterpriseId, '2026-03').then((c) => c.occurrences.length)],
  ['plans: office, list', () => listPlans(ctx, office, { page: 1, pageSize: 20 }).then(total)],
  ['plan detail (office plan)', () => getPlan(ctx, office, t.officePlanId).then((p) => p.planned)],
  ['plan detail (department plan)', () => getPlan(ctx, dept, t.departmentPlanId).then((p) => p.planned)],
  ['plan entries, page 1', () => listEntries(ctx, office, t.officePlanId, EntryListQuery.parse({})).then(total)],
  ['plan entries, not covered', () => listEntries(ctx, office, t.officePlanId, EntryListQuery.parse({ covered: 'false' })).then(total)],
  ['plan entries, overdue', () => listEntries(ctx, office, t.officePlanId, EntryListQuery.parse({ overdue: 'true' })).then(total)],
  ['plan key enterprises not covered', () => keyUncovered(ctx, office, t.officePlanId, { page: 1, pageSize: 20 }).then(total)],
  ['cases: office, page 1 + summary', () => listCases(ctx, office, CaseListQuery.parse({})).then(total)],
  ['cases: office, search name', () => listCases(ctx, office, CaseListQuery.parse({ q: '机械' })).then(total)],
  ['cases: office, penalty, this year', () => listCases(ctx, office, CaseListQuery.parse({ measureKind: 'penalty', from: '2026-01-01' })).then(total)],
  ['cases: department', () => listCases(ctx, dept, CaseListQuery.parse({})).then(total)],
  ['cases: village', () => listCases(ctx, village, CaseListQuery.parse({})).then(total)],
];

const only = process.env.BENCH_ONLY;
console.log(`\n${'scenario'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'rows'.padStart(7)}`);
for (const [name, run] of scenarios) {
  if (only && !name.includes(only)) continue;
  let rows = await run(); // warm-up: the first call plans the statements
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const s = process.hrtime.bigint();
    rows = await run();
    times.push(ms(s));
  }
  console.log(`${name.padEnd(44)} ${pct(times, 50).toFixed(1).padStart(8)} ${pct(times, 95).toFixed(1).padStart(8)} ${String(rows).padStart(7)}`);
}
await database.close();
