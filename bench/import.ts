// Benchmark: imports of 100,000 rows through the real HTTP endpoints on PostgreSQL (issue 14, part 3),
// each beside its limit measured in the same run: PostgreSQL COPY of the same rows into the same
// table (in a transaction rolled back). The enterprises come as a 市场监管 registry (its own headers,
// 登记状态 in its words, the village read from 住所), the hazards as a township's own ledger. The
// server runs in its own process, started afresh for each import, so its peak RSS (VmHWM) is the
// import's (with the server's own start-up).
//
//   npm run bench:import -- [rows=100000]
//   BENCH_DATABASE_URL=postgres://…   (default postgres://postgres@127.0.0.1:55432; a fresh database is created and dropped)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../src/server/db/client.ts';
import { type UnitRow, buildDepartment, buildDistrict, buildSector, buildTownship, buildUser, buildVillage } from '../src/server/test/factories.ts';
import { orgUnits } from '../src/server/db/schema/index.ts';
import { ENTERPRISE_STATUS_LABELS } from '../src/domain/enterprises/enterprise-rules.ts';
import { HAZARD_SOURCE_LABELS } from '../src/domain/hazards/hazard-machine.ts';
import { ENTERPRISE_IMPORT_FIELDS } from '../src/server/modules/enterprises/enterprises.columns.ts';
import { HAZARD_IMPORT_FIELDS } from '../src/server/modules/hazards/hazards.import-columns.ts';
import { mapValue } from '../src/domain/imports/column-mapping.ts';
import { enterpriseSpec, hazardSpec, writeCsv, writeLedger, writeRegistry } from './import.data.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [rows = 100_000] = process.argv.slice(2).map(Number);
const TIME_LIMIT_S = 20;
/** The heap flags `npm start` gives the server (package.json): its old space and its young generation's semi-space. */
const START_HEAP = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.match(/--max-(?:old|semi)-space-size=\d+/g) ?? [];
const RSS_LIMIT_MB = 500;
const VILLAGES = ['东风村', '西岭村', '红星村', '青山村', '石桥村', '柏林村', '金竹村', '龙潭村', '新华村', '白果村', '双河社区', '玉峰社区'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-bench-import-'));
fs.chmodSync(tmp, 0o755); // the PostgreSQL server reads the CSV files for COPY

const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
const dbName = `anzhi_bench_import_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const u = new URL(baseUrl);
u.pathname = `/${dbName}`;
const url = u.toString();

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Starts the server process and waits for it to listen. */
async function startServer(port: number): Promise<ChildProcess> {
  // The heap `npm start` gives the server (package.json), unless BENCH_SERVER_HEAP_MB says otherwise.
  const heap = process.env.BENCH_SERVER_HEAP_MB
    ? [...START_HEAP.filter((f) => !f.startsWith('--max-old-space-size')), `--max-old-space-size=${process.env.BENCH_SERVER_HEAP_MB}`]
    : START_HEAP;
  // e.g. BENCH_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server
  const extra = process.env.BENCH_SERVER_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...heap, ...extra, '--import', 'tsx', path.join(ROOT, 'bench/import.server.ts')], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return child;
}

/** Peak resident memory of a process so far (Linux: VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0; // the backend has gone
  }
}

/** CPU seconds of the database backends serving the bench database (the bench's own connection aside). */
async function backendCpuSeconds(): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> $2', [dbName, benchBackendPid]);
  return rows.reduce((sum, r) => sum + cpuSeconds(r.pid), 0);
}
let benchBackendPid = 0;

async function login(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Preview then commit through the HTTP endpoints, in a fresh server process. */
async function importThroughHttp(kind: 'enterprises' | 'hazards', file: string, mapping: unknown, user: { username: string; password: string }) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = await startServer(port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const { cookie, csrfToken } = await login(base, user.username, user.password);
    const baselineMb = peakRssMb(server.pid!);
    const headers = { cookie, 'x-csrf-token': csrfToken };
    // CPU used, to compare runs on a machine whose load moves: the server's, and its database backends'.
    const cpu0 = { server: cpuSeconds(server.pid!), db: await backendCpuSeconds() };
    const started = performance.now();
    const form = new FormData();
    form.append('mapping', JSON.stringify(mapping));
    form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    const preview = await fetch(`${base}/api/${kind}/import/preview`, { method: 'POST', headers, body: form });
    const p = (await preview.json()) as { batchId: string; totalRows: number; validRows: number; errorTotal: number; errors: unknown[] };
    if (preview.status !== 200) throw new Error(`preview answered ${preview.status}: ${JSON.stringify(p).slice(0, 300)}`);
    const previewMs = performance.now() - started;
    const previewRssMb = peakRssMb(server.pid!);
    const cpu1 = { server: cpuSeconds(server.pid!), db: await backendCpuSeconds() };
    const commit = await fetch(`${base}/api/${kind}/import/${p.batchId}/commit`, { method: 'POST', headers });
    const c = (await commit.json()) as { created: number; skipped: number };
    if (commit.status !== 200) throw new Error(`commit answered ${commit.status}: ${JSON.stringify(c).slice(0, 300)}`);
    const totalMs = performance.now() - started;
    const cpu2 = { server: cpuSeconds(server.pid!), db: await backendCpuSeconds() };
    const cpu = { server: [cpu1.server - cpu0.server, cpu2.server - cpu1.server], db: [cpu1.db - cpu0.db, cpu2.db - cpu1.db] };
    return { cpu, previewMs, commitMs: totalMs - previewMs, totalMs, rssMb: peakRssMb(server.pid!), previewRssMb, baselineMb, preview: p, created: c.created, skipped: c.skipped };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
}

/** The limit: COPY of a CSV into the table, in a transaction rolled back. */
async function copyInto(client: pg.Client, table: string, columns: string[], csv: string): Promise<number> {
  await client.query('begin');
  const started = performance.now();
  await client.query(`copy ${table} (${columns.join(', ')}) from '${csv}' with (format csv)`);
  const ms = performance.now() - started;
  await client.query('rollback');
  return ms;
}

const database = await openPostgres(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
benchBackendPid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
try {
  // The county's township: villages, sectors, the department of 工贸, the office that imports.
  const db = database.db;
  const district = await buildDistrict(db, { name: '测试区' });
  await db.update(orgUnits).set({ code: 'CS' }).where(eq(orgUnits.id, district.id));
  const township = await buildTownship(db, { district, name: '积翠镇' });
  const villages: UnitRow[] = [];
  for (const name of VILLAGES) villages.push(await buildVillage(db, { township, name }));
  const trade = await buildSector(db, { district, name: '工贸' });
  await buildSector(db, { district, name: '消防' });
  await buildDepartment(db, { parent: township, sectorIds: [trade.id], name: '安监站' });
  const office = await buildUser(db, { role: 'office', unit: township });

  const regFile = path.join(tmp, '市场监管登记信息.xlsx');
  const ledgerFile = path.join(tmp, '隐患排查整改台账.xlsx');
  let t0 = performance.now();
  await writeRegistry(regFile, rows, VILLAGES);
  await writeLedger(ledgerFile, rows, rows, VILLAGES);
  console.log(`wrote ${rows} registry rows (${(fs.statSync(regFile).size / 1e6).toFixed(1)} MB) and ${rows} ledger rows (${(fs.statSync(ledgerFile).size / 1e6).toFixed(1)} MB) in ${s(performance.now() - t0)}`);

  // The limit for enterprises: the same rows, as the import stores them, by COPY.
  const status = ENTERPRISE_IMPORT_FIELDS.find((f) => f.key === 'status')!;
  const statusCode = (text: string) => (Object.entries(ENTERPRISE_STATUS_LABELS).find(([, l]) => l === mapValue(status, text))?.[0] ?? 'operating');
  const entCsv = path.join(tmp, 'enterprises.csv');
  writeCsv(entCsv, rows, (i) => {
    const e = enterpriseSpec(i, VILLAGES);
    return [district.id, township.id, villages[e.village]!.id, e.name, e.uscc, e.kindText === '个体工商户' ? 'sole_trader' : 'company', e.address,
      `{${trade.id}}`, e.principal, e.phone, statusCode(e.state), office.id];
  });
  fs.chmodSync(entCsv, 0o644);
  const entCopyMs = await copyInto(client, 'enterprises',
    ['district_id', 'township_id', 'village_id', 'name', 'uscc', 'kind', 'address', 'sector_ids', 'principal_name', 'principal_phone', 'status', 'created_by'], entCsv);

  const ent = await importThroughHttp('enterprises', regFile, { columns: { 序号: '' }, values: {}, defaults: { village: '从地址识别', sectors: '工贸' } }, office);
  if (ent.preview.errorTotal > 0) console.log('enterprise rows refused, first:', JSON.stringify(ent.preview.errors.slice(0, 3)));

  // The limit for hazards: the same rows by COPY (numbers, responsible unit and dates as the import sets them).
  const ids = new Map((await client.query<{ name: string; id: string; village_id: string }>('select name, id, village_id from enterprises')).rows.map((r) => [r.name, r]));
  const dept = (await client.query<{ id: string }>(`select id from org_units where kind = 'department' limit 1`)).rows[0]!.id;
  const source = HAZARD_IMPORT_FIELDS.find((f) => f.key === 'source')!;
  const sourceCode = (text: string) => Object.entries(HAZARD_SOURCE_LABELS).find(([, l]) => l === mapValue(source, text))?.[0] ?? 'department';
  const hazCsv = path.join(tmp, 'hazards.csv');
  writeCsv(hazCsv, rows, (i) => {
    const h = hazardSpec(i, rows, VILLAGES);
    const e = ids.get(h.enterprise) ?? { id: crypto.randomUUID(), village_id: villages[0]!.id };
    return [district.id, township.id, e.village_id, e.id, `CS-2024-X${String(i).padStart(7, '0')}`, sourceCode(h.source), `${h.foundOn} 12:00:00+08`,
      office.id, township.id, h.description, h.location, trade.id, 'general', 'reported', dept, '2025-06-30', office.id];
  });
  fs.chmodSync(hazCsv, 0o644);
  const hazCopyMs = await copyInto(client, 'hazards',
    ['district_id', 'township_id', 'village_id', 'enterprise_id', 'number', 'source', 'found_at', 'found_by_user_id', 'found_by_unit_id', 'description',
      'location', 'sector_id', 'level', 'status', 'responsible_unit_id', 'due_date', 'created_by'], hazCsv);

  const haz = await importThroughHttp('hazards', ledgerFile, { columns: { 序号: '' }, values: {}, defaults: {} }, office);
  if (haz.preview.errorTotal > 0) console.log('hazard rows refused, first:', JSON.stringify(haz.preview.errors.slice(0, 3)));

  t0 = performance.now();
  const pgVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  console.log(`\nserver started with ${process.env.BENCH_SERVER_HEAP_MB ? `--max-old-space-size=${process.env.BENCH_SERVER_HEAP_MB} (and npm start's other flags)` : START_HEAP.join(' ') || 'the default heap'}`);
  console.log(`imports of ${rows} rows on PostgreSQL ${pgVersion} (${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version})`);
  for (const [name, r, copyMs] of [['enterprises (市场监管 registry)', ent, entCopyMs], ['hazards (township ledger)', haz, hazCopyMs]] as const) {
    console.log(`  ${name}: ${r.preview.validRows}/${r.preview.totalRows} rows valid, created ${r.created}, skipped ${r.skipped}`);
    console.log(`    preview ${s(r.previewMs)} + commit ${s(r.commitMs)} = ${s(r.totalMs)}   (target ≤ ${TIME_LIMIT_S} s)`);
    console.log(`    COPY of the same rows into the same table (limit): ${s(copyMs)}   ratio ${(r.totalMs / copyMs).toFixed(1)} ×`);
    console.log(`    CPU: server ${r.cpu.server[0]!.toFixed(1)} + ${r.cpu.server[1]!.toFixed(1)} s, database ${r.cpu.db[0]!.toFixed(1)} + ${r.cpu.db[1]!.toFixed(1)} s (preview + commit)`);
    console.log(`    server peak RSS ${r.rssMb.toFixed(0)} MB   (target ≤ ${RSS_LIMIT_MB} MB; the server's own before the upload ${r.baselineMb.toFixed(0)} MB, peak by the end of the preview ${r.previewRssMb.toFixed(0)} MB)`);
  }
} finally {
  await client.end();
  await database.close();
  await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
  fs.rmSync(tmp, { recursive: true, force: true });
}
