// The backup round trip on the embedded database and (in CI) PostgreSQL: back up the demo region
// and its files, change rows and files, restore, and find every table and file as backed up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDemoCopy } from '../../cli/demo/seed-demo.test-world.ts';
import { openPglite, sqlRows } from '../db/client.ts';
import { acquireDataDirLock } from '../db/lock.ts';
import { enterprises, hazards, notificationOutbox, users } from '../db/schema/index.ts';
import type { TestDatabase } from '../test/db.ts';
import { createBackup, tableFingerprints } from './backup.ts';
import { dailyBackups } from './backup.schedule.ts';
import { BackupError, pruneBackups, readManifest, restoreBackup, restoredDifferences } from './backup.restore.ts';

let database: TestDatabase;
let root: string;
const filesRoot = () => path.join(root, 'data', 'files');
const dataDir = () => path.join(root, 'data');
const write = (key: string, text: string) => {
  const p = path.join(filesRoot(), key);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
};

beforeAll(async () => {
  ({ database } = await seededDemoCopy());
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-backup-'));
  write('2024/11/a-photo', '照片一');
  write('2024/11/b-photo', '照片二');
  write('2024/12/c-report.pdf', '%PDF-1.4 报告');
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every table and file after rows and files changed', async () => {
    const now = new Date('2024-11-20T18:00:00Z');
    const { dir, manifest } = await createBackup({ database, filesRoot: filesRoot(), backupDir: path.join(root, 'backups'), now });
    expect(path.basename(dir)).toBe('anzhi-backup-20241120-180000');
    expect(manifest.kind).toBe(database.kind);
    expect(manifest.tables['public.hazards']!.rows).toBeGreaterThan(0);
    expect(manifest.tables['public.hazard_counts']!.rows).toBeGreaterThan(0);
    expect(manifest.files.map((f) => f.key)).toEqual(['2024/11/a-photo', '2024/11/b-photo', '2024/12/c-report.pdf']);
    // nothing wrote in between: the live database is what the manifest says
    expect(await tableFingerprints(database.db)).toEqual(manifest.tables);
    expect(fs.readdirSync(path.join(root, 'backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);

    // change rows of several tables and the files
    const [h] = await database.db.select().from(hazards).limit(1);
    await database.db.update(hazards).set({ description: '被改动的描述' }).where(eq(hazards.id, h!.id));
    await database.db.delete(users).where(eq(users.username, 'qiye'));
    await database.db.update(enterprises).set({ name: sql`${enterprises.name} || '（改）'` });
    write('2024/11/a-photo', '被覆盖');
    fs.rmSync(path.join(filesRoot(), '2024/11/b-photo'));
    write('2025/01/new-file', '备份之后才有');
    expect((await tableFingerprints(database.db))['public.hazards']).not.toEqual(manifest.tables['public.hazards']);

    if (database.kind === 'postgres') {
      const { differences } = await restoreBackup({ from: dir, dataDir: dataDir(), filesRoot: filesRoot(), databaseUrl: database.url, now: new Date() });
      expect(differences).toEqual([]);
      expect(await restoredDifferences(manifest, database, filesRoot())).toEqual([]);
    } else {
      const { differences } = await restoreBackup({ from: dir, dataDir: dataDir(), filesRoot: filesRoot(), now: new Date() });
      expect(differences).toEqual([]);
      const restored = await openPglite(dataDir());
      try {
        expect(await restoredDifferences(manifest, restored, filesRoot())).toEqual([]);
        expect(await tableFingerprints(restored.db)).toEqual(manifest.tables);
      } finally {
        await restored.close();
      }
    }
    expect(fs.readFileSync(path.join(filesRoot(), '2024/11/a-photo'), 'utf8')).toBe('照片一');
    expect(fs.existsSync(path.join(filesRoot(), '2025/01/new-file'))).toBe(false);
    // what the restore replaced is kept beside it, not thrown away
    const aside = fs.readdirSync(dataDir()).filter((n) => n.startsWith('files.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir(), aside[0]!, '2025/01/new-file'), 'utf8')).toBe('备份之后才有');
    expect((await readManifest(dir)).createdAt).toBe(now.toISOString());
  });

  it('refuses a folder that is no backup, the other kind of database, and a data folder the server holds', async () => {
    await expect(restoreBackup({ from: root, dataDir: dataDir(), filesRoot: filesRoot(), now: new Date() })).rejects.toThrow(BackupError);
    const dir = path.join(root, 'backups', 'anzhi-backup-20241120-180000');
    const wrongUrl = database.kind === 'postgres' ? undefined : 'postgres://nobody@127.0.0.1:1/none';
    await expect(restoreBackup({ from: dir, dataDir: dataDir(), filesRoot: filesRoot(), databaseUrl: wrongUrl, now: new Date() })).rejects.toThrow(BackupError);
    if (database.kind === 'pglite') {
      const lock = acquireDataDirLock(dataDir());
      try {
        await expect(restoreBackup({ from: dir, dataDir: dataDir(), filesRoot: filesRoot(), now: new Date() })).rejects.toThrow(/lock|占用|running|运行/i);
      } finally {
        lock.release();
      }
    }
  });

  it('keeps backups for the days set, and always the newest', async () => {
    const dir = path.join(root, 'pruned');
    for (const n of ['anzhi-backup-20241101-020000', 'anzhi-backup-20241110-020000', 'anzhi-backup-20241119-020000', 'not-a-backup']) fs.mkdirSync(path.join(dir, n), { recursive: true });
    expect(await pruneBackups(dir, 14, new Date('2024-11-20T03:00:00Z'))).toEqual(['anzhi-backup-20241101-020000']);
    expect(await pruneBackups(dir, 0, new Date('2024-11-20T03:00:00Z'))).toEqual(['anzhi-backup-20241110-020000']);
    expect(fs.readdirSync(dir).sort()).toEqual(['anzhi-backup-20241119-020000', 'not-a-backup']);
  });

  it('makes the day\'s backup once, after the hour set, and none when turned off', async () => {
    let now = new Date('2024-11-20T17:30:00Z'); // 01:30 in Shanghai, 21 November
    const config = { backupDir: path.join(root, 'daily'), backupHour: 2, backupKeepDays: 14, dataDir: dataDir() };
    const lines: string[] = [];
    const daily = dailyBackups({ database, config, now: () => now, log: (l) => lines.push(l) });
    expect(await daily.tick()).toBeNull();
    now = new Date('2024-11-20T18:05:00Z'); // 02:05
    const analyzed = async () => Number((await sqlRows<{ n: number }>(database.db, sql`select reltuples as n from pg_class where relname = 'hazard_counts'`))[0]!.n);
    if (database.kind === 'pglite') expect(await analyzed()).toBe(-1); // the embedded database never analyzes by itself
    const dir = await daily.tick();
    expect(dir && path.basename(dir)).toBe('anzhi-backup-20241120-180500');
    expect(await readManifest(dir!)).toMatchObject({ kind: database.kind });
    // then, on the embedded database, vacuumed and analyzed (PostgreSQL's autovacuum does it there)
    if (database.kind === 'pglite') expect(await analyzed()).toBeGreaterThan(0);
    now = new Date('2024-11-21T09:00:00Z'); // 17:00, the same day
    expect(await daily.tick()).toBeNull();
    expect(lines).toHaveLength(database.kind === 'pglite' ? 2 : 1);
    expect(await dailyBackups({ database, config: { ...config, backupHour: null }, now: () => now, log: () => {} }).tick()).toBeNull();
  });

  it('tells the district\'s administrators once a day when the daily backup fails', async () => {
    const blocked = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocked, '一个文件，不是目录');
    const now = new Date('2024-11-21T18:30:00Z');
    const daily = dailyBackups({ database, config: { backupDir: blocked, backupHour: 2, backupKeepDays: 14, dataDir: dataDir() }, now: () => now, log: () => {} });
    expect(await daily.tick()).toBeNull();
    expect(await daily.tick()).toBeNull();
    const told = await database.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, 'system.backup_failed'));
    expect(told).toHaveLength(1);
    const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(told[0]).toMatchObject({ districtId: admin!.districtId, title: '2024-11-22 的每日备份失败' });
    expect(told[0]!.audience.userIds).toContain(admin!.id);
    expect(told[0]!.body).toContain('BACKUP_DIR');
  });
});
