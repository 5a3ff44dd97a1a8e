// "A second npm start on the same data folder refuses to start and the first keeps working."
// Real processes running src/cli/serve.ts (what npm start runs) on one PGlite data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/cli/demo/seed-demo.ts';
import { usingPostgres } from '../src/server/test/db.ts';
import { collect, freePort, spawnTs, waitFor } from '../src/server/test/spawn.ts';

const SERVE = "await import('./src/cli/serve.ts');";
/**
 * How long a start may take: the first one seeds the demo region on an empty folder, which a loaded
 * machine can stretch to a minute or more. Generous, so that slow is not failing; a start that
 * succeeds costs only its own time.
 */
const START_MS = 240_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-start-'));
const running: ChildProcess[] = [];

function start(port: number) {
  const child = spawnTs(SERVE, {
    DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', DEMO: 'on', LOG_LEVEL: 'warn', ANZHI_SKIP_WEB_BUILD: '1',
  });
  running.push(child);
  return { child, ...collect(child) };
}

async function up(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`);
  return res.ok;
}

async function login(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'anweiban', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

afterAll(async () => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// The lock guards the embedded database; the PostgreSQL pass of the suite has nothing to add here.
describe.skipIf(usingPostgres())('one server per data folder (PGlite)', () => {
  it('refuses a second start, keeps the first working, and lets the next start in after a clean stop', async () => {
    const portA = await freePort();
    const a = start(portA);
    await waitFor(async () => (a.child.exitCode !== null ? Promise.reject(new Error(a.output().stderr)) : up(portA)), START_MS, 'the first server');
    expect(fs.readFileSync(path.join(dataDir, 'anzhi.lock'), 'utf8')).toBe(String(a.child.pid));

    const b = start(await freePort());
    const bDone = await b.done;
    expect(bDone.code).toBe(2);
    expect(bDone.stderr).toContain('数据目录已被另一个安治进程占用');
    expect(bDone.stderr).toContain(`pid ${a.child.pid}`);

    // the first server still reads and writes
    const s = await login(portA);
    const units = await fetch(`http://127.0.0.1:${portA}/api/units?kind=village`, { headers: { cookie: s.cookie } });
    const village = ((await units.json()) as { items: { id: string }[] }).items[0]!;
    const sectors = await fetch(`http://127.0.0.1:${portA}/api/sectors`, { headers: { cookie: s.cookie } });
    const sector = ((await sectors.json()) as { items: { id: string }[] }).items[0]!;
    const created = await fetch(`http://127.0.0.1:${portA}/api/enterprises`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '二次启动检验厂', kind: 'sole_trader', address: '某地1号', villageId: village.id, sectorIds: [sector.id],
        principalName: '周测试', principalPhone: '13700001111',
      }),
    });
    expect(created.status).toBe(200);

    // a clean stop releases the lock; the next start finds the data
    a.child.kill('SIGTERM');
    expect((await a.done).code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'anzhi.lock'))).toBe(false);
    const portC = await freePort();
    const c = start(portC);
    await waitFor(async () => (c.child.exitCode !== null ? Promise.reject(new Error(c.output().stderr)) : up(portC)), START_MS, 'the restarted server');
    const s2 = await login(portC);
    const found = await fetch(`http://127.0.0.1:${portC}/api/enterprises?q=${encodeURIComponent('二次启动检验厂')}`, { headers: { cookie: s2.cookie } });
    expect(((await found.json()) as { total: number }).total).toBe(1);
    c.child.kill('SIGTERM');
    await c.done;
  }, 2 * START_MS + 60_000);
});
