// The demo region, seeded once per test run (e2e/global-setup.ts) and copied for every e2e server.
// Seeding it (migrations, ~300 enterprises, ~230 hazards, four months of inspections, their audit
// rows) cost every browser test file several seconds, much more on a loaded machine; a copy costs
// a fraction of a second. The seed runs in the background of vitest's main process while the
// first files start, and says when it is done through a marker file (the test files run in other
// processes). No vitest import here: the global setup runs outside any test worker.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/cli/demo/seed-demo.ts';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../src/server/test/pg-admin.ts';

export interface DemoTemplateRef {
  /** PGlite: a data folder holding the seeded demo (closed); PostgreSQL: the template database's name. */
  template: string;
  /** Appears once the template is ready: "ok", or the seeding's error. */
  marker: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDemo: DemoTemplateRef;
  }
}

export interface DemoTemplate extends DemoTemplateRef {
  /** Waits for the seeding to end (whatever its outcome), then removes the template. */
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

/** Writes the marker in one step (a reader never sees half of it). */
function mark(marker: string, text: string): void {
  fs.writeFileSync(`${marker}.tmp`, text);
  fs.renameSync(`${marker}.tmp`, marker);
}

/**
 * Starts seeding the demo region, on PGlite in a temp data folder or on TEST_DATABASE_URL's server,
 * and returns at once: where the template will be, and the marker that says when it is.
 */
export function startDemoTemplate(): DemoTemplate {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-e2e-demo-'));
  const marker = path.join(work, 'ready');
  const serverUrl = process.env.TEST_DATABASE_URL;
  let template: string;
  let seed: () => Promise<void>;
  let drop = async () => {};
  if (serverUrl) {
    const name = `anzhi_demo_${randomBytes(6).toString('hex')}`;
    template = name;
    seed = async () => {
      await createDatabase(serverUrl, name);
      drop = () => dropDatabase(serverUrl, name);
      await seedAndClose(() => openPostgres(databaseUrl(serverUrl, name)));
    };
  } else {
    // The app's own way in (lock, file-backed PGlite, migrations), as `npm start` on an empty folder.
    template = path.join(work, 'data');
    seed = () => seedAndClose(() => openPglite(template));
  }
  const started = Date.now();
  const seeding = seed().then(
    () => {
      mark(marker, 'ok');
      console.log(`[e2e] demo region seeded once for the browser tests in ${Date.now() - started} ms`);
    },
    (e: unknown) => mark(marker, `seeding the demo region failed: ${(e as Error).stack ?? String(e)}`),
  );
  return {
    template,
    marker,
    async remove() {
      await seeding;
      await drop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Waits for the run's demo template (see startDemoTemplate) and returns where it is. */
export async function readyDemoTemplate(ref: DemoTemplateRef): Promise<string> {
  while (!fs.existsSync(ref.marker)) await new Promise((r) => setTimeout(r, 100));
  const outcome = fs.readFileSync(ref.marker, 'utf8');
  if (outcome !== 'ok') throw new Error(outcome);
  return ref.template;
}

/** Copies a PGlite template's database into `dataDir` (the app's layout: DATA_DIR/pglite). */
export function copyPgliteTemplate(template: string, dataDir: string): void {
  fs.cpSync(path.join(template, 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
}
