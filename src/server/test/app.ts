// The real app (all routes, hooks and error handling) on a fresh test database and a test clock.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { FileStorage } from '../modules/files/files.storage.ts';
import { type TestClock, createTestClock } from './clock.ts';
import { type TestDatabase, createTestDatabase } from './db.ts';
import { MemoryStorage } from './storage.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  db: Db;
  database: TestDatabase;
  clock: TestClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment values for loadConfig, on top of the test defaults. */
  env?: Record<string, string>;
  /** Reuse a database (e.g. to restart the app on the same data); it is then not closed by close(). */
  database?: TestDatabase;
  clock?: TestClock;
  /** Where uploads go; default: in memory, or <DATA_DIR>/files on disk when env.DATA_DIR is given. */
  storage?: FileStorage;
  /** A built web app to serve (default none). */
  webDir?: string | null;
}

export const TEST_ENV: Record<string, string> = {
  DATA_DIR: '/nonexistent-anzhi-test-data', // never used: the database is handed over open
  DEMO: 'off',
  LOG_LEVEL: 'silent',
  // Tests log in many times a minute; the rate-limit test lowers this again.
  LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  // The public form's proof of work stays real but small, so tests solve it in milliseconds.
  CHALLENGE_MAX_COUNTER: '20',
};

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const clock = opts.clock ?? createTestClock();
  try {
    const config = loadConfig({ ...TEST_ENV, ...opts.env });
    const storage = opts.storage ?? (opts.env?.DATA_DIR ? undefined : new MemoryStorage());
    const { app, ctx } = await buildApp({ config, database, clock, storage, webDir: opts.webDir ?? null, logger: false });
    await app.ready();
    return {
      app,
      ctx,
      db: database.db,
      database,
      clock,
      async close() {
        await app.close();
        if (!opts.database) await database.close();
      },
    };
  } catch (e) {
    if (!opts.database) await database.close();
    throw e;
  }
}
