// Restoring a backup (backup.ts) over the configured database and files, checked against its
// manifest, and pruning old backups. Nothing is thrown away: the embedded database's folder and
// the files folder being replaced are moved aside (…before-restore-<time>) first.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Database, type Db, PGLITE_EXTENSIONS } from '../db/client.ts';
import { acquireDataDirLock } from '../db/lock.ts';
import { type BackupManifest, DB_PGLITE, DB_POSTGRES, MANIFEST, fileList, pgTool, tableFingerprints } from './backup.ts';

const run = promisify(execFile);

export class BackupError extends Error {}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupError(`不是完整的备份（缺少 ${MANIFEST}）/ not a complete backup: ${dir}`);
  }
  const m = JSON.parse(text) as BackupManifest;
  if (m.format !== 1) throw new BackupError(`不支持的备份格式 / unsupported backup format ${String(m.format)}`);
  return m;
}

const moveAside = async (p: string, suffix: string) => {
  if (fs.existsSync(p)) await fs.promises.rename(p, `${p}.before-restore-${suffix}`);
};

/** What differs between the manifest and what the restored database and files hold (empty: the restore is whole). */
export async function restoredDifferences(m: BackupManifest, database: Pick<Database, 'db'>, filesRoot: string): Promise<string[]> {
  const out: string[] = [];
  const tables = await tableFingerprints(database.db);
  for (const [name, f] of Object.entries(m.tables)) {
    const got = tables[name];
    if (!got) out.push(`table ${name} is missing`);
    else if (got.rows !== f.rows || got.hash !== f.hash) out.push(`table ${name}: ${got.rows} rows (backed up: ${f.rows}), contents ${got.hash === f.hash ? 'equal' : 'differ'}`);
  }
  const files = new Map((await fileList(filesRoot)).map((f) => [f.key, f]));
  for (const f of m.files) {
    const got = files.get(f.key);
    if (!got) out.push(`file ${f.key} is missing`);
    else if (got.sha256 !== f.sha256) out.push(`file ${f.key} differs`);
  }
  return out;
}

/**
 * Restores the backup in `from`: the database (PGlite: into `dataDir`, which must not be held by a
 * running server; PostgreSQL: over `databaseUrl`, every table dropped and recreated in one
 * transaction) and the files (into `filesRoot`). Returns the manifest.
 */
export async function restoreBackup(o: {
  from: string; dataDir: string; filesRoot: string; databaseUrl?: string | undefined; now: Date;
}): Promise<{ manifest: BackupManifest; differences: string[] }> {
  const m = await readManifest(o.from);
  // checked before the server opens (and migrates) it: the database as the backup left it
  let check: (filesRoot: string) => Promise<string[]>;
  const suffix = o.now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  if (m.kind === 'postgres') {
    if (!o.databaseUrl) throw new BackupError('这是 PostgreSQL 的备份：请设置 DATABASE_URL / a PostgreSQL backup: set DATABASE_URL');
    await run(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-acl', '--single-transaction', `--dbname=${o.databaseUrl}`, path.join(o.from, DB_POSTGRES)]);
    const url = o.databaseUrl;
    check = async (filesRoot) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await restoredDifferences(m, { db: drizzlePg(client) as unknown as Db }, filesRoot);
      } finally {
        await client.end();
      }
    };
  } else {
    if (o.databaseUrl) throw new BackupError('这是内置数据库的备份：请不要设置 DATABASE_URL / an embedded-database backup: unset DATABASE_URL');
    const lock = acquireDataDirLock(o.dataDir); // refuses while the server holds the folder
    try {
      const target = path.join(o.dataDir, 'pglite');
      await moveAside(target, suffix);
      const client = await PGlite.create({ dataDir: target, loadDataDir: new Blob([await fs.promises.readFile(path.join(o.from, DB_PGLITE))]), extensions: PGLITE_EXTENSIONS });
      await client.close();
      check = async (filesRoot) => {
        const lock2 = acquireDataDirLock(o.dataDir);
        const again = await PGlite.create({ dataDir: target, extensions: PGLITE_EXTENSIONS });
        try {
          return await restoredDifferences(m, { db: drizzlePglite(again) as unknown as Db }, filesRoot);
        } finally {
          await again.close();
          lock2.release();
        }
      };
    } finally {
      lock.release();
    }
  }
  await moveAside(o.filesRoot, suffix);
  const files = path.join(o.from, 'files');
  if (fs.existsSync(files)) await fs.promises.cp(files, o.filesRoot, { recursive: true });
  return { manifest: m, differences: await check(o.filesRoot) };
}

/** Removes the backups under `backupDir` older than `keepDays` days (never the newest). */
export async function pruneBackups(backupDir: string, keepDays: number, now: Date): Promise<string[]> {
  let names: string[];
  try {
    names = (await fs.promises.readdir(backupDir)).filter((n) => /^anzhi-backup-\d{8}-\d{6}$/.test(n)).sort();
  } catch {
    return [];
  }
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const removed: string[] = [];
  for (const n of names.slice(0, -1)) {
    const m = /^anzhi-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(n)!;
    const at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    if (at < cutoff) {
      await fs.promises.rm(path.join(backupDir, n), { recursive: true, force: true });
      removed.push(n);
    }
  }
  return removed;
}
