import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Three projects: `unit` (pure functions), `api` (the server on a real database: PGlite from a
// template migrated once per run, or with TEST_DATABASE_URL one database per file on that server)
// and `e2e` (the built app in Chromium over a demo region seeded once per run). `npm test` runs all
// three; `npm test -- --project '!e2e'` skips the browser (CI's PostgreSQL pass).
const UNIT = ['src/domain/**/*.test.ts', 'src/contract/**/*.test.ts', 'src/web/**/*.test.ts'];

/** One test file per core (PGlite and the browser's pages each keep a core busy); TEST_WORKERS overrides. */
const WORKERS = Number(process.env.TEST_WORKERS) || os.availableParallelism();

/**
 * The longest files first, whatever their project (vitest's own order runs project after project,
 * by name, which started the browser tests last and ended the run on them): browser files are the
 * longest, then the API files, by their last duration (or size), then the unit files.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => ['e2e', 'api', 'unit'].indexOf(f.project.name);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: WORKERS,
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]] : ['default'],
    projects: [
      // isolate: false: a worker runs file after file in one module graph instead of a fresh process
      // per file, which re-imported the server (~1.5 s a file). Files share nothing else: each
      // makes its own database and app.
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      {
        extends: true,
        test: {
          name: 'api', include: ['src/**/*.test.ts'], exclude: UNIT, isolate: false, globalSetup: ['src/server/test/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], globalSetup: ['e2e/global-setup.ts'] } },
    ],
  },
});
