// A fresh, migrated database per test file: PGlite loaded from the run's template, or,
// with TEST_DATABASE_URL set, a new database on that PostgreSQL server (dropped on close).
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, PGLITE_EXTENSIONS, fromPglite, openPostgres } from '../db/client.ts';
import { createDatabase, databaseUrl, dropDatabase } from './pg-admin.ts';

export interface TestDatabase extends Database {
  /** Runs raw SQL (for tests that play an attacker or inspect the database directly). */
  sql(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** PGlite only: the whole database as a tarball, to load other test databases from. */
  dump?(): Promise<Blob>;
}

const templateBlobs = new Map<string, Blob>();
/** A PGlite dump read once per worker: the run's migrated template, or another (the seeded demo). */
function pgliteTemplate(file?: string): Blob {
  const path = file ?? inject('pgliteTemplatePath');
  if (!path) throw new Error('No PGlite template: is src/server/test/global-setup.ts in vitest.config.ts globalSetup?');
  let blob = templateBlobs.get(path);
  if (!blob) {
    blob = new Blob([fs.readFileSync(path)]);
    templateBlobs.set(path, blob);
  }
  return blob;
}

export const usingPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

export interface TestDatabaseOptions {
  /**
   * With TEST_DATABASE_URL: copy this database (CREATE DATABASE … TEMPLATE) instead of migrating an
   * empty one; the e2e tests copy the demo region seeded once per run.
   */
  postgresTemplate?: string;
  /** Without TEST_DATABASE_URL: load this PGlite dump instead of the run's migrated template. */
  pgliteTemplateFile?: string;
}

export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl, opts.postgresTemplate) : createPgliteDatabase(opts.pgliteTemplateFile);
}

async function createPgliteDatabase(templateFile?: string): Promise<TestDatabase> {
  const client = new PGlite({ loadDataDir: pgliteTemplate(templateFile), extensions: PGLITE_EXTENSIONS });
  await client.waitReady;
  const database = fromPglite(client);
  return {
    ...database,
    sql: async (text, params) => {
      const r = params?.length ? await client.query(text, params) : (await client.exec(text)).at(-1) ?? { rows: [] };
      return { rows: r.rows as Record<string, unknown>[] };
    },
    dump: () => client.dumpDataDir('none'),
  };
}

async function createPostgresDatabase(serverUrl: string, template?: string): Promise<TestDatabase> {
  const name = `anzhi_t_${randomBytes(6).toString('hex')}`;
  await createDatabase(serverUrl, name, template);
  const url = databaseUrl(serverUrl, name);
  let database: Database;
  try {
    database = await openPostgres(url);
  } catch (e) {
    await dropDatabase(serverUrl, name);
    throw e;
  }
  const raw = new pg.Pool({ connectionString: url, max: 2 });
  return {
    ...database,
    sql: async (text, params) => {
      const r = await raw.query(text, params as unknown[] | undefined);
      const last = Array.isArray(r) ? r.at(-1) : r;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    async close() {
      await raw.end();
      await database.close();
      await dropDatabase(serverUrl, name);
    },
  };
}
