// PGlite has no lock of its own: the data folder lock is what keeps a second process out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTs } from '../test/spawn.ts';
import { DataDirLockedError, acquireDataDirLock } from './lock.ts';

const TRY_LOCK = `
import { acquireDataDirLock } from './src/server/db/lock.ts';
try {
  const lock = acquireDataDirLock(process.env.LOCK_DIR);
  console.log(JSON.stringify({ acquired: true, pid: process.pid }));
  if (process.env.RELEASE === '1') lock.release();
} catch (e) {
  console.log(JSON.stringify({ acquired: false, name: e.constructor.name, pid: e.pid, message: e.message }));
}
`;

async function tryLockInAnotherProcess(dir: string, release = false) {
  const r = await runTs(TRY_LOCK, { LOCK_DIR: dir, RELEASE: release ? '1' : '0' });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { acquired: boolean; name?: string; pid: number; message?: string };
}

describe('data folder lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a second process out while the first holds it, with a clear message', async () => {
    const lock = acquireDataDirLock(dir);
    try {
      const other = await tryLockInAnotherProcess(dir);
      expect(other).toMatchObject({ acquired: false, name: 'DataDirLockedError', pid: process.pid });
      expect(other.message).toContain('数据目录已被另一个安治进程占用');
      expect(other.message).toContain(String(process.pid));
      // the holder's lock file is untouched
      expect(fs.readFileSync(path.join(dir, 'anzhi.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      lock.release();
    }
  });

  it('lets another process in once released', async () => {
    acquireDataDirLock(dir).release();
    expect(fs.existsSync(path.join(dir, 'anzhi.lock'))).toBe(false);
    const other = await tryLockInAnotherProcess(dir, true);
    expect(other.acquired).toBe(true);
  });

  it('is released when the holding process exits', async () => {
    const other = await tryLockInAnotherProcess(dir); // exits without calling release()
    expect(other.acquired).toBe(true);
    expect(fs.existsSync(path.join(dir, 'anzhi.lock'))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a stale lock left by a process that died (kill -9)', async () => {
    const dead = await runTs('console.log(process.pid)');
    const deadPid = Number(dead.stdout.trim());
    fs.writeFileSync(path.join(dir, 'anzhi.lock'), String(deadPid));
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'anzhi.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('refuses a second acquisition in the same process', () => {
    const lock = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
  });

  it('does not remove a lock that another process has taken since', () => {
    const lock = acquireDataDirLock(dir);
    fs.writeFileSync(path.join(dir, 'anzhi.lock'), '1'); // pid 1 is alive: someone else's now
    lock.release();
    expect(fs.readFileSync(path.join(dir, 'anzhi.lock'), 'utf8')).toBe('1');
    expect(() => acquireDataDirLock(dir)).toThrow(/pid 1/);
  });
});
