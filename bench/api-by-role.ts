// Benchmark: scoped enterprise list, search and export at township scale, through the real app.
//   npx tsx bench/api-by-role.ts [enterprises=20000]   (bench/enterprise-list.ts measures the repository alone)
// Builds a district with 2 townships × 20 villages, 16 sectors and N enterprises in an in-memory
// PGlite (or BENCH_DATABASE_URL: an empty PostgreSQL database), then times each request as each kind of user.
import { randomInt, randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, MIGRATIONS_DIR, PGLITE_EXTENSIONS, fromPglite, openPostgres } from '../src/server/db/client.ts';
import { enterprises } from '../src/server/db/schema/index.ts';
import { createTestClock } from '../src/server/test/clock.ts';
import {
  type UnitRow, buildDepartment, buildDistrict, buildSector, buildSupervisionGroup, buildTownship, buildUser, buildVillage, randomUscc,
} from '../src/server/test/factories.ts';
import { loginAs } from '../src/server/test/http.ts';

const N = Number(process.argv[2] ?? 20_000);
const REPEAT = 15;

async function openDb(): Promise<Database> {
  if (process.env.BENCH_DATABASE_URL) return openPostgres(process.env.BENCH_DATABASE_URL);
  const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  return fromPglite(client);
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const t0 = process.hrtime.bigint();
  const database = await openDb();
  const db = database.db;
  const district = await buildDistrict(db, { name: `基准区${randomInt(1e6)}` });
  const townships = [await buildTownship(db, { district }), await buildTownship(db, { district })];
  const villages: UnitRow[] = [];
  for (const township of townships) for (let i = 0; i < 20; i++) villages.push(await buildVillage(db, { township }));
  const sectors = [];
  for (let i = 0; i < 16; i++) sectors.push(await buildSector(db, { district }));
  const dept = await buildDepartment(db, { parent: townships[0]!, sectorIds: [sectors[0]!.id, sectors[1]!.id, sectors[2]!.id] });

  const rows: (typeof enterprises.$inferInsert)[] = [];
  for (let i = 0; i < N; i++) {
    const village = villages[randomInt(villages.length)]!;
    const s1 = sectors[randomInt(sectors.length)]!.id;
    const s2 = sectors[randomInt(sectors.length)]!.id;
    rows.push({
      id: randomUUID(), districtId: district.id, townshipId: village.parentId!, villageId: village.id,
      name: `${['鑫', '盛', '华', '龙', '泰', '源', '达', '丰'][i % 8]}${i}号${['机械', '建材', '商贸', '餐饮', '化工'][i % 5]}有限公司`,
      uscc: randomUscc('500112'), kind: 'company', address: `${village.name}${i}号`, sectorIds: s1 === s2 ? [s1] : [s1, s2],
      employeeCount: randomInt(200), principalName: `负责人${i}`, principalPhone: '13800000000',
      riskGrade: (['red', 'orange', 'yellow', 'blue', null] as const)[i % 5],
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(enterprises).values(rows.slice(i, i + 1000));
  await db.execute('analyze');
  console.log(`${N} enterprises in ${database.kind}, set up in ${(ms(t0) / 1000).toFixed(1)} s`);

  const users = {
    'office (township)': await buildUser(db, { role: 'office', unit: townships[0]! }),
    'admin (district)': await buildUser(db, { role: 'admin', unit: district }),
    'department (3 sectors)': await buildUser(db, { role: 'department', unit: dept }),
    village: await buildUser(db, { role: 'village', unit: villages[0]! }),
    'supervision group': await buildUser(db, { role: 'supervision_group', unit: townships[0]! }),
  };
  await buildSupervisionGroup(db, { district, members: [users['supervision group']], units: [villages[1]!, villages[2]!, dept] });

  const config = loadConfig({ DATA_DIR: '/nonexistent', DEMO: 'off', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  const { app } = await buildApp({ config, database, clock: createTestClock(new Date()), webDir: null, logger: false });
  const requests: [string, string][] = [
    ['list page 1', '/api/enterprises?pageSize=20'],
    ['list page 50, by name', '/api/enterprises?pageSize=20&page=50&sort=name&order=asc'],
    ['search "机械"', `/api/enterprises?q=${encodeURIComponent('机械')}`],
    ['filter red + small', '/api/enterprises?riskGrade=red&isSmall=true'],
  ];
  console.log(`\n${'user'.padEnd(24)} ${'request'.padEnd(24)} ${'total'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const [label, u] of Object.entries(users)) {
    const s = await loginAs(app, u.username, u.password);
    for (const [name, url] of requests) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < REPEAT; i++) {
        const t = process.hrtime.bigint();
        const res = await s.get(url);
        times.push(ms(t));
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        total = res.json().total;
      }
      console.log(`${label.padEnd(24)} ${name.padEnd(24)} ${String(total).padStart(6)} ${pct(times, 50).toFixed(1).padStart(8)} ${pct(times, 95).toFixed(1).padStart(8)}`);
    }
  }
  const office = await loginAs(app, users['office (township)'].username, users['office (township)'].password);
  const t = process.hrtime.bigint();
  const exp = await office.get('/api/enterprises/export');
  console.log(`\nexport of the township office's scope: ${(exp.rawPayload.length / 1024).toFixed(0)} KiB in ${ms(t).toFixed(0)} ms`);
  await app.close();
  await database.close();
}

await main();
