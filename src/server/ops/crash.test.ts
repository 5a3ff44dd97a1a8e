// The crash trial: the real server (what npm start runs) on a fresh database, photos uploaded,
// hazards reported with them and edited by the office from several clients at once, killed with
// SIGKILL in the middle of it. After a restart on the same data:
// - every write the server acknowledged is there (each hazard at least at the version acknowledged);
// - no transition is half done (each new hazard's history has one event per version);
// - every file a row names is on disk;
// - the audit chain verifies and the hazard summary rows equal a recount.
// On the embedded database and, in CI, on PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../cli/demo/seed-demo.ts';
import { type Database, openPglite, openPostgres, sqlRows } from '../db/client.ts';
import { hazardCountDifferences } from '../modules/hazards/index.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';
import { tinyPng } from '../test/hazards.ts';
import { multipartBody } from '../test/http.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../test/pg-admin.ts';
import { collect, freePort, spawnTs, waitFor } from '../test/spawn.ts';

const START_MS = 240_000;
const serverUrl = process.env.TEST_DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-crash-'));
const dbName = `anzhi_t_${randomBytes(6).toString('hex')}`;
const running: ChildProcess[] = [];

afterAll(async () => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) await dropDatabase(serverUrl, dbName);
});

async function start() {
  const port = await freePort();
  const child = spawnTs("await import('./src/cli/serve.ts');", {
    DATA_DIR: dataDir, DATABASE_URL: serverUrl ? databaseUrl(serverUrl, dbName) : '', PORT: String(port), HOST: '127.0.0.1', DEMO: 'on',
    LOG_LEVEL: 'warn', ANZHI_SKIP_WEB_BUILD: '1', NOTIFY_INTERVAL_SECONDS: '0', BACKUP_HOUR: 'off',
  });
  running.push(child);
  const out = collect(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (child.exitCode !== null ? Promise.reject(new Error(out.output().stderr)) : (await fetch(`${base}/api/health`)).ok), START_MS, 'the server');
  // `done` listens from the start: a 'close' that fires before anyone waits for it is not missed
  return { child, base, done: out.done };
}

interface Client { base: string; cookie: string; csrf: string }
async function login(base: string, username: string): Promise<Client> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  return { base, cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
let inflight = 0;
const call = async (c: Client, method: string, url: string, body?: unknown, raw?: { payload: Buffer; headers: Record<string, string> }) => {
  inflight++;
  const res = await fetch(`${c.base}${url}`, {
    method, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...(raw ? raw.headers : body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: raw ? new Uint8Array(raw.payload) : body !== undefined ? JSON.stringify(body) : undefined,
  }).finally(() => inflight--);
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
};

describe('a server killed mid-write', () => {
  it('keeps every acknowledged write and no half-done change', async () => {
    if (serverUrl) await createDatabase(serverUrl, dbName);
    const first = await start();
    const village = await login(first.base, 'mingyue');
    const office = await login(first.base, 'anweiban');
    const list = (await call(village, 'GET', '/api/enterprises?pageSize=5')).json as { items: { id: string; sectorIds: string[] }[] };
    const ent = list.items.find((e) => e.sectorIds.length > 0)!;
    const photos = new Set<string>();
    const acked = new Map<string, number>(); // hazard → the highest version acknowledged
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const up = await call(village, 'POST', '/api/files', undefined, multipartBody({ filename: `现场${w}-${i}.png`, contentType: 'image/png', data: tinyPng([w * 40, i % 255, 90]) }, { purpose: 'before' }));
          if (up.status !== 200) continue;
          photos.add(String(up.json!.id));
          const rep = await call(village, 'POST', '/api/hazards', {
            enterpriseId: ent.id, source: 'village', foundAt: new Date(Date.now() - 3600_000).toISOString(), description: `崩溃试验隐患 ${w}-${i}`,
            location: '仓库', sectorId: ent.sectorIds[0], level: 'general', beforePhotoIds: [up.json!.id],
          });
          if (rep.status !== 200) continue;
          const id = String(rep.json!.id);
          acked.set(id, 1);
          const edit = await call(office, 'POST', `/api/hazards/${id}/actions`, { action: 'edit', version: 1, location: `仓库 ${i}` });
          if (edit.status === 200) acked.set(id, 2);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await waitFor(() => acked.size >= 12 && inflight > 0, 120_000, 'acknowledged writes, and more on the way');
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await first.done;

    const second = await start();
    const officeAgain = await login(second.base, 'anweiban');
    for (const [id, version] of acked) {
      const h = await call(officeAgain, 'GET', `/api/hazards/${id}`);
      expect(h.status, id).toBe(200);
      expect(Number(h.json!.version), id).toBeGreaterThanOrEqual(version);
    }
    second.child.kill('SIGTERM');
    await second.done;

    const database: Database = serverUrl ? await openPostgres(databaseUrl(serverUrl, dbName)) : await openPglite(dataDir);
    try {
      const db = database.db;
      const halfDone = await sqlRows<{ id: string; version: number; events: number }>(db, sql`
        select h.id, h.version, (select count(*)::int from record_events e where e.entity_type = 'hazard' and e.entity_id = h.id) as events
        from hazards h where h.description like '崩溃试验隐患%'`);
      expect(halfDone.length).toBeGreaterThanOrEqual(acked.size);
      for (const h of halfDone) expect(h.events, h.id).toBe(h.version);
      const files = await sqlRows<{ storage_key: string }>(db, sql`select storage_key from files`);
      for (const f of files) expect(fs.existsSync(path.join(dataDir, 'files', f.storage_key)), f.storage_key).toBe(true);
      for (const id of photos) expect((await sqlRows(db, sql`select 1 from files where id = ${id}`)).length, id).toBe(1);
      expect((await verifyAuditChain(db)).ok).toBe(true);
      expect((await hazardCountDifferences(db)).differences).toEqual([]);
    } finally {
      await database.close();
    }
    // Two starts of the real server (the first seeds the demo region) beside a full suite on two
    // cores: minutes, not seconds. A hang-catcher, not a budget (START_MS bounds each start).
  }, 2 * START_MS + 120_000);
});
