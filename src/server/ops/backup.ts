// Backups of a township's data: the database and the uploaded files, in one folder per backup,
// with a manifest that fingerprints every table (row count and a hash of its rows) and lists every
// file with its SHA-256, so that a restore is checked against what was backed up.
// - PGlite: a dump of the data folder taken inside the server's own process between transactions
//   (npm run backup refuses while the server holds the folder; the server's daily backup does it).
// - PostgreSQL: pg_dump's custom format, restored by pg_restore --clean in one transaction.
// A backup is written under a hidden name and renamed when whole: a folder with a manifest is complete.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Database, type DbOrTx, PGLITE_EXTENSIONS, sqlRows } from '../db/client.ts';

const run = promisify(execFile);
export const MANIFEST = 'manifest.json';
const DB_PGLITE = 'database.tar.gz';
const DB_POSTGRES = 'database.dump';

export interface TableFingerprint { rows: number; hash: string }
export interface BackupManifest {
  format: 1;
  createdAt: string;
  kind: 'pglite' | 'postgres';
  tables: Record<string, TableFingerprint>;
  files: { key: string; size: number; sha256: string }[];
}

/** Every table of the product (its schema and the migrations' record): row count and a hash of its rows in a fixed order. */
export async function tableFingerprints(db: DbOrTx): Promise<Record<string, TableFingerprint>> {
  const tables = await sqlRows<{ name: string }>(db, sql`select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
    from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, TableFingerprint> = {};
  for (const { name } of tables) {
    const [r] = await sqlRows<{ rows: number; hash: string }>(db, sql`select count(*)::int as rows,
      md5(coalesce(string_agg(h, '' order by h), '')) as hash from (select md5(t::text) as h from ${sql.raw(name)} t) x`);
    out[name] = { rows: Number(r!.rows), hash: r!.hash };
  }
  return out;
}

async function* walk(root: string, dir = root): AsyncGenerator<string> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(root, p);
    else if (e.isFile() && !e.name.endsWith('.tmp')) yield path.relative(root, p).split(path.sep).join('/');
  }
}

async function sha256Of(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Each file under a folder: its key (the path under the folder), size and SHA-256. */
export async function fileList(root: string): Promise<BackupManifest['files']> {
  const out: BackupManifest['files'] = [];
  for await (const key of walk(root)) {
    const p = path.join(root, key);
    out.push({ key, size: (await fs.promises.stat(p)).size, sha256: await sha256Of(p) });
  }
  return out;
}

/** pg_dump and pg_restore: PG_BIN, else the newest /usr/lib/postgresql/N/bin, else the PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(base, v, 'bin', name))) return path.join(base, v, 'bin', name);
  return name;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * Backs up the database and the files under `filesRoot` into a new folder under `backupDir`
 * (anzhi-backup-YYYYMMDD-HHMMSS, UTC) and returns it.
 */
export async function createBackup(o: { database: Database; filesRoot: string; backupDir: string; now: Date }): Promise<{ dir: string; manifest: BackupManifest }> {
  await fs.promises.mkdir(o.backupDir, { recursive: true });
  const name = `anzhi-backup-${stamp(o.now)}`;
  const partial = path.join(o.backupDir, `.${name}.partial`);
  await fs.promises.rm(partial, { recursive: true, force: true });
  await fs.promises.mkdir(partial);
  try {
    let tables: BackupManifest['tables'];
    if (o.database.kind === 'pglite') {
      if (!o.database.dump) throw new Error('this embedded database cannot be dumped');
      // the fingerprints of the dump itself (loaded into memory), not of the live database, which
      // may have moved on since
      const blob = await o.database.dump();
      await fs.promises.writeFile(path.join(partial, DB_PGLITE), Buffer.from(await blob.arrayBuffer()));
      tables = await fingerprintsOfPgliteDump(path.join(partial, DB_PGLITE));
    } else {
      if (!o.database.url) throw new Error('the PostgreSQL connection string is unknown');
      tables = await dumpPostgres(o.database.url, path.join(partial, DB_POSTGRES));
    }
    // the files after the database: every file a row names was written before its row committed
    await fs.promises.cp(o.filesRoot, path.join(partial, 'files'), { recursive: true, errorOnExist: false, force: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    const manifest: BackupManifest = { format: 1, createdAt: o.now.toISOString(), kind: o.database.kind, tables, files: await fileList(path.join(partial, 'files')) };
    await fs.promises.writeFile(path.join(partial, MANIFEST), JSON.stringify(manifest, null, 1));
    const dir = path.join(o.backupDir, name);
    await fs.promises.rename(partial, dir);
    return { dir, manifest };
  } catch (e) {
    await fs.promises.rm(partial, { recursive: true, force: true });
    throw e;
  }
}

/** The fingerprints of what a PGlite dump holds: loaded into a throwaway PGlite in memory. */
async function fingerprintsOfPgliteDump(file: string): Promise<BackupManifest['tables']> {
  const client = await PGlite.create({ loadDataDir: new Blob([await fs.promises.readFile(file)]), extensions: PGLITE_EXTENSIONS });
  try {
    const { drizzle } = await import('drizzle-orm/pglite');
    return await tableFingerprints(drizzle(client) as unknown as DbOrTx);
  } finally {
    await client.close();
  }
}

/**
 * pg_dump and the fingerprints of one snapshot: a read-only repeatable-read transaction exports its
 * snapshot, pg_dump dumps that snapshot while the same transaction fingerprints the tables.
 */
async function dumpPostgres(url: string, file: string): Promise<BackupManifest['tables']> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = String((await client.query('select pg_export_snapshot() as s')).rows[0].s);
    const dumping = run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-acl', `--snapshot=${snapshot}`, `--file=${file}`, url]);
    const tables = await tableFingerprints(drizzlePg(client) as unknown as DbOrTx);
    await dumping;
    await client.query('commit');
    return tables;
  } finally {
    await client.end();
  }
}

export { DB_PGLITE, DB_POSTGRES };
