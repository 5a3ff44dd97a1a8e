// The demo region the demo tests read, at a fixed now. Seeded once per test run, by the first test
// file that asks (the others wait for it), then copied for each file: five files each seeding their
// own cost a minute of both cores on a loaded run. PGlite: a dump in the run's folder; PostgreSQL:
// a template database (dropped by the global setup's teardown).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { shanghaiDay } from '../../domain/common/dates.ts';
import { openPostgres } from '../../server/db/client.ts';
import { RUN_DATABASES_FILE, createDatabase, databaseUrl } from '../../server/test/pg-admin.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test/db.ts';
import { seedDemoIfEmpty, type DemoSeedResult } from './seed-demo.ts';

export let database: TestDatabase;
export let seeded: DemoSeedResult | null;
export const NOW = new Date('2024-11-20T02:00:00Z');
export const TODAY = shanghaiDay(NOW);

interface SeededDemo { result: DemoSeedResult; pgliteFile?: string; postgresTemplate?: string }

/** Seeds the demo once for the run (under a lock folder) and says where it is; later callers read the marker. */
async function runDemo(): Promise<SeededDemo> {
  const dir = path.join(inject('runDir'), 'demo');
  const marker = path.join(dir, 'ready.json');
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  let mine = false;
  try {
    fs.mkdirSync(dir); // atomic: the one that creates it seeds
    mine = true;
  } catch {
    // another file is seeding (or has seeded)
  }
  if (!mine) {
    for (let waited = 0; !fs.existsSync(marker); waited += 200) {
      if (waited > 10 * 60_000) throw new Error('the demo region was not seeded within 10 minutes');
      await new Promise((r) => setTimeout(r, 200));
    }
    const outcome = JSON.parse(fs.readFileSync(marker, 'utf8')) as SeededDemo | { error: string };
    if ('error' in outcome) throw new Error(outcome.error);
    return outcome;
  }
  const write = (v: unknown) => {
    fs.writeFileSync(`${marker}.tmp`, JSON.stringify(v));
    fs.renameSync(`${marker}.tmp`, marker);
  };
  try {
    const serverUrl = process.env.TEST_DATABASE_URL;
    let out: SeededDemo;
    if (serverUrl) {
      const name = `anzhi_demo_t_${randomBytes(6).toString('hex')}`;
      fs.appendFileSync(path.join(inject('runDir'), RUN_DATABASES_FILE), `${name}\n`);
      await createDatabase(serverUrl, name);
      const db = await openPostgres(databaseUrl(serverUrl, name));
      try {
        out = { result: (await seedDemoIfEmpty(db.db, { now: NOW }))!, postgresTemplate: name };
      } finally {
        await db.close();
      }
    } else {
      const db = await createTestDatabase();
      try {
        const result = (await seedDemoIfEmpty(db.db, { now: NOW }))!;
        const file = path.join(dir, 'demo.tar');
        fs.writeFileSync(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
        out = { result, pgliteFile: file };
      } finally {
        await db.close();
      }
    }
    write(out);
    return out;
  } catch (e) {
    write({ error: `seeding the demo region failed: ${(e as Error).stack ?? String(e)}` });
    throw e;
  }
}

/** A fresh copy of the run's seeded demo, and what the seed reported. */
export async function seededDemoCopy(): Promise<{ database: TestDatabase; seeded: DemoSeedResult }> {
  const demo = await runDemo();
  const copy = await createTestDatabase({
    ...(demo.pgliteFile ? { pgliteTemplateFile: demo.pgliteFile } : {}), ...(demo.postgresTemplate ? { postgresTemplate: demo.postgresTemplate } : {}),
  });
  return { database: copy, seeded: demo.result };
}

/** Registers the world's setup and teardown around the calling test file. */
export function useSeededDemo(): void {
  beforeAll(async () => {
    // How long seeding takes is bench/demo-seed.ts's business (npm run bench:demo-seed), not a test's.
    ({ database, seeded } = await seededDemoCopy());
  });
  afterAll(async () => {
    await database?.close();
  });
}
