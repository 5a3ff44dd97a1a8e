// The demo region, seeded once per test run (e2e/global-setup.ts) and copied for every e2e server.
// Seeding it (migrations, ~300 enterprises, ~230 hazards, four months of inspections, their audit
// rows) cost every browser test file several seconds, much more on a loaded machine; a copy costs
// a fraction of a second. No vitest import here: the global setup runs outside any test worker.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/cli/demo/seed-demo.ts';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../src/server/test/pg-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a data folder holding the seeded demo (closed); PostgreSQL: the template database's name. */
    e2eDemoTemplate: string;
  }
}

export interface DemoTemplate {
  /** What openDemoCopy copies from: a data folder, or a database on TEST_DATABASE_URL's server. */
  template: string;
  remove(): Promise<void>;
}

async function seedAndClose(open: () => Promise<Database>): Promise<void> {
  const database = await open();
  try {
    await seedDemo(database.db);
  } finally {
    await database.close();
  }
}

/** Seeds the demo region, on PGlite in a temp data folder or on TEST_DATABASE_URL's server. */
export async function seedDemoTemplate(): Promise<DemoTemplate> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `anzhi_demo_${randomBytes(6).toString('hex')}`;
    await createDatabase(serverUrl, name);
    try {
      await seedAndClose(() => openPostgres(databaseUrl(serverUrl, name)));
    } catch (e) {
      await dropDatabase(serverUrl, name);
      throw e;
    }
    return { template: name, remove: () => dropDatabase(serverUrl, name) };
  }
  // The app's own way in (lock, file-backed PGlite, migrations), as `npm start` on an empty folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-e2e-demo-'));
  const remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await seedAndClose(() => openPglite(dir));
  } catch (e) {
    await remove();
    throw e;
  }
  return { template: dir, remove };
}

/** Copies a PGlite template's database into `dataDir` (the app's layout: DATA_DIR/pglite). */
export function copyPgliteTemplate(template: string, dataDir: string): void {
  fs.cpSync(path.join(template, 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
}
