// Benchmark: scoped, filtered, paginated enterprise list queries on a large registry.
// Run: npm run bench -- [enterprises=50000]. Prints the median and p95 of each scenario.
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS, fromPglite } from '../src/server/db/client.ts';
import { enterprises, orgUnits, sectors } from '../src/server/db/schema/index.ts';
import { enterpriseList } from '../src/server/modules/enterprises/enterprises.repository.ts';
import type { EnterpriseScope } from '../src/domain/access/scope.ts';
import { EnterpriseListQuery } from '../src/contract/enterprises.ts';
import { USCC_ALPHABET, usccCheckChar } from '../src/domain/enterprises/uscc.ts';
import { mulberry32 } from '../src/cli/demo/prng.ts';

const N = Number(process.argv[2] ?? 50_000);
// seeded, so that runs are comparable
const rand = mulberry32(42);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;

const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
const { db, close } = fromPglite(client);

const districtId = randomUUID();
const townshipId = randomUUID();
await db.insert(orgUnits).values([
  { id: districtId, districtId, kind: 'district', name: '基准区' },
  { id: townshipId, districtId, kind: 'township', name: '基准镇', parentId: districtId },
]);
const sectorRows = await db
  .insert(sectors)
  .values(Array.from({ length: 16 }, (_, i) => ({ districtId, name: `行业${i}` })))
  .returning();
const villages = await db
  .insert(orgUnits)
  .values(Array.from({ length: 30 }, (_, i) => ({ districtId, kind: 'village' as const, name: `村${i}`, parentId: townshipId })))
  .returning();
const words = ['机械', '五金', '餐馆', '超市', '建材', '物流', '化工', '旅馆', '网吧', '诊所', '砖厂', '加油站'];
const t0 = performance.now();
for (let done = 0; done < N; done += 1000) {
  const rows = Array.from({ length: Math.min(1000, N - done) }, (_, i) => {
    const n = done + i;
    // unique by construction: the row number in base 31 fills the last nine characters
    let body = '91500112';
    for (let k = n, j = 0; j < 9; j++, k = Math.floor(k / 31)) body += USCC_ALPHABET.charAt(k % 31);
    return {
      districtId, townshipId, villageId: pick(villages).id, name: `${pick(words)}${n}号${pick(words)}`,
      uscc: body + usccCheckChar(body), kind: pick(['company', 'sole_trader', 'small_venue'] as const),
      address: '基准镇', sectorIds: [pick(sectorRows).id, ...(rand() < 0.3 ? [pick(sectorRows).id] : [])],
      employeeCount: Math.floor(rand() * 200), principalName: `负责人${n}`, principalPhone: '10000000000',
      riskGrade: pick(['red', 'orange', 'yellow', 'blue', 'blue', 'blue'] as const), isKey: rand() < 0.1,
    };
  });
  await db.insert(enterprises).values(rows);
}
await client.exec('analyze');
console.log(`seeded ${N} enterprises in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const office: EnterpriseScope = { kind: 'region', region: { level: 'township', id: townshipId } };
const dept: EnterpriseScope = { kind: 'sectors', region: { level: 'township', id: townshipId }, sectorIds: [sectorRows[0]!.id, sectorRows[1]!.id] };
const village: EnterpriseScope = { kind: 'village', villageId: villages[0]!.id };
const q = (o: Record<string, string>) => EnterpriseListQuery.parse(o);
const scenarios: [string, EnterpriseScope, Record<string, string>][] = [
  ['office, first page, newest first', office, {}],
  ['office, page 200', office, { page: '200' }],
  ['office, search name "机械"', office, { q: '机械' }],
  ['office, search USCC fragment', office, { q: '500112A' }],
  ['office, small + red + key', office, { isSmall: 'true', riskGrade: 'red', isKey: 'true' }],
  ['office, sorted by grade', office, { sort: 'riskGrade' }],
  ['department (2 sectors)', dept, {}],
  ['department, filter one sector', dept, { sectorId: sectorRows[0]!.id }],
  ['village', village, {}],
];
console.log('scenario'.padEnd(40), 'median ms', 'p95 ms', 'total rows');
for (const [name, scope, query] of scenarios) {
  const times: number[] = [];
  let total = 0;
  const parsed = q(query);
  for (let i = 0; i < 15; i++) {
    const s = performance.now();
    total = (await enterpriseList.page(db, { f: parsed, scope }, parsed)).total;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(name.padEnd(40), times[7]!.toFixed(1).padStart(9), times[13]!.toFixed(1).padStart(6), String(total).padStart(10));
}
await close();
