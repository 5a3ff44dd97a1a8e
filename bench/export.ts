// Benchmark: a township's hazard-ledger export on a generated county, beside its limit measured in
// the same run: one hand-written streaming SQL query (a cursor over the same rows, joins and order)
// writing the same workbook. Prints both times and their ratio.
//
//   npm run bench:export -- [townshipHazards=50000] [otherHazards=450000] [townships=20]
//   BENCH_DATABASE_URL=postgres://… npm run bench:export   (a fresh database on that server; default PGlite)
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, PGLITE_EXTENSIONS, fromPglite, openPostgres } from '../src/server/db/client.ts';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/pglite';
import { MIGRATIONS_DIR } from '../src/server/db/client.ts';
import { buildUser } from '../src/server/test/factories.ts';
import { loginAs } from '../src/server/test/http.ts';
import { MemoryStorage } from '../src/server/test/storage.ts';
import { type Raw, generateCounty } from './export.seed.ts';
import { handWritten } from './export.limit.ts';

const [townshipHazards = 50_000, otherHazards = 450_000, townships = 20] = process.argv.slice(2).map(Number);

async function open(): Promise<{ database: Database; raw: Raw; drop(): Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    const raw: Raw = { exec: async (q, p) => (await client.query(q, p ?? [])).rows as Record<string, unknown>[] };
    return { database: fromPglite(client), raw, drop: async () => {} };
  }
  const name = `anzhi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
  const raw: Raw = { exec: async (q, p) => (await pool.query(q, p)).rows as Record<string, unknown>[] };
  return {
    database, raw,
    async drop() {
      await pool.end();
      await database.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

const { database, raw, drop } = await open();
try {
  const t0 = performance.now();
  const county = await generateCounty(database.db, raw, { townshipHazards, otherHazards, townships });
  console.log(`generated ${townships} townships, ${county.enterprises} enterprises, ${townshipHazards + otherHazards} hazards in ${((performance.now() - t0) / 1000).toFixed(0)} s (${database.kind})`);
  const office = await buildUser(database.db, { role: 'office', unit: county.township });
  const config = loadConfig({ DATA_DIR: '/nonexistent-anzhi-bench', DEMO: 'off', LOG_LEVEL: 'silent' });
  const { app } = await buildApp({ config, database, storage: new MemoryStorage(), webDir: null, logger: false });
  await app.ready();
  const session = await loginAs(app, office.username, office.password);

  const product = async () => {
    const started = performance.now();
    const res = await session.request('GET', '/api/hazards/export');
    if (res.statusCode !== 200) throw new Error(`export answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    return { ms: performance.now() - started, bytes: res.rawPayload.length };
  };
  // Alternate the two, so that both see the same cache and machine load; keep the best of each.
  const runs: { product: number; limit: number }[] = [];
  let rows = 0;
  let bytes = { product: 0, limit: 0 };
  for (let i = 0; i < 2; i++) {
    const p = await product();
    const l = await handWritten(raw, county.township.id);
    runs.push({ product: p.ms, limit: l.ms });
    rows = l.rows;
    bytes = { product: p.bytes, limit: l.bytes };
  }
  const best = (k: 'product' | 'limit') => Math.min(...runs.map((r) => r[k]));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`township export of ${rows} hazards (${database.kind}, ${townshipHazards + otherHazards} in the county)`);
  console.log(`  GET /api/hazards/export            ${s(best('product')).padStart(8)}   ${(bytes.product / 1e6).toFixed(1)} MB   runs: ${runs.map((r) => s(r.product)).join(', ')}`);
  console.log(`  one streaming SQL query (limit)    ${s(best('limit')).padStart(8)}   ${(bytes.limit / 1e6).toFixed(1)} MB   runs: ${runs.map((r) => s(r.limit)).join(', ')}`);
  console.log(`  ratio                              ${(best('product') / best('limit')).toFixed(2)} × (target ≤ 2)`);
  await app.close();
} finally {
  await drop();
}
