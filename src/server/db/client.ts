// One drizzle pg-core schema over two drivers: PGlite (embedded, default) and node-postgres.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDataDirLock } from './lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite: the whole database as a gzipped tarball, taken between transactions (a backup while the server runs). */
  dump?(): Promise<Blob>;
  /** PostgreSQL: the connection string (pg_dump and pg_restore take it). */
  url?: string;
}

export const PGLITE_EXTENSIONS = { pg_trgm };

/** Wraps an already-open PGlite (tests clone a migrated template). */
export function fromPglite(client: PGlite, onClose?: () => void): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async close() {
      await client.close();
      onClose?.();
    },
    // Under PGlite's transaction lock as well as its query lock: no transaction is half-way through.
    dump: () => (client as unknown as { _runExclusiveTransaction<T>(f: () => Promise<T>): Promise<T> })._runExclusiveTransaction(() => client.dumpDataDir('gzip')),
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const lock = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: PGLITE_EXTENSIONS });
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    return fromPglite(client, () => lock.release());
  } catch (e) {
    lock.release();
    throw e;
  }
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, an administrator) is an 'error' event: without a
  // listener it would end the process; the pool opens a new connection on the next query.
  pool.on('error', (e) => console.error(`PostgreSQL 空闲连接已断开 / an idle PostgreSQL connection was closed: ${e.message}`));
  const db = drizzlePg(pool, { schema });
  await migratePg(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end(), url };
}

export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** The rows of a hand-written statement, on either driver (both answer { rows }). */
export async function sqlRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** How many rows a hand-written statement wrote, on either driver (pg: rowCount, PGlite: affectedRows). */
export async function sqlWrite(db: DbOrTx, query: SQL): Promise<number> {
  const r = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
