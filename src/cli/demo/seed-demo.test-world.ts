// The demo region the demo tests read: seeded once per test file on a fresh database, at a fixed now.
import { afterAll, beforeAll } from 'vitest';
import { shanghaiDay } from '../../domain/common/dates.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test/db.ts';
import { seedDemoIfEmpty, type DemoSeedResult } from './seed-demo.ts';

export let database: TestDatabase;
export let seeded: DemoSeedResult | null;
export const NOW = new Date('2024-11-20T02:00:00Z');
export const TODAY = shanghaiDay(NOW);

/** Registers the world's setup and teardown around the calling test file. */
export function useSeededDemo(): void {
  beforeAll(async () => {
    database = await createTestDatabase();
    // How long this takes is bench/demo-seed.ts's business (npm run bench:demo-seed), not a test's.
    seeded = await seedDemoIfEmpty(database.db, { now: NOW });
  });
  afterAll(async () => {
    await database?.close();
  });
}
