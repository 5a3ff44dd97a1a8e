// A fresh, migrated database per test file: PGlite loaded from the run's template, or,
// with TEST_DATABASE_URL set, a new database on that PostgreSQL server (dropped on close).
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, PGLITE_EXTENSIONS, fromPglite, openPostgres } from '../db/client.ts';

export interface TestDatabase extends Database {
  /** Runs raw SQL (for tests that play an attacker or inspect the database directly). */
  sql(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

let templateBlob: Blob | null = null;
function pgliteTemplate(): Blob {
  if (!templateBlob) {
    const file = inject('pgliteTemplatePath');
    if (!file) throw new Error('No PGlite template: is src/server/test/global-setup.ts in vitest.config.ts globalSetup?');
    templateBlob = new Blob([fs.readFileSync(file)]);
  }
  return templateBlob;
}

export const usingPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const client = new PGlite({ loadDataDir: pgliteTemplate(), extensions: PGLITE_EXTENSIONS });
  await client.waitReady;
  const database = fromPglite(client);
  return {
    ...database,
    sql: async (text, params) => {
      const r = params?.length ? await client.query(text, params) : (await client.exec(text)).at(-1) ?? { rows: [] };
      return { rows: r.rows as Record<string, unknown>[] };
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/**
 * pg's pool.end() resolves before the server has seen every connection close; dropping WITH (FORCE)
 * at once would kill those backends and surface as unhandled 57P01 errors. Wait for them instead.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006') throw e; // 55006: database is being accessed by other users
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `anzhi_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openPostgres(url.toString());
  } catch (e) {
    await dropDatabase(serverUrl, name);
    throw e;
  }
  const raw = new pg.Pool({ connectionString: url.toString(), max: 2 });
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
