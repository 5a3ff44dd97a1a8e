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
 * The order files start in, on WORKERS workers. vitest's own order runs project after project, by
 * name, which started the browser files after every API file and ended the run on them two at a
 * time. Instead: the longest browser file (the page smoke test, minutes of Chromium tabs) first,
 * so that the API and unit files (longest first) fill the other cores meanwhile; the other browser
 * files last, longest first, when the API files have run out. Lengths are vitest's last durations,
 * or file sizes on a first run.
 */
class BrowserAroundApi extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files); // by project name, then longest (or largest) first
    const of = (name: string) => sorted.filter((f) => f.project.name === name);
    // Named: on a first run (CI's npm ci empties vitest's cache) file size would pick another.
    const isLongest = (f: TestSpecification) => f.moduleId.endsWith(LONGEST_BROWSER_FILE);
    const e2e = of('e2e');
    return [...e2e.filter(isLongest), ...of('api'), ...of('unit'), ...e2e.filter((f) => !isLongest(f))];
  }
}
const LONGEST_BROWSER_FILE = '/e2e/issue4-pages.e2e.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: WORKERS,
    sequence: { sequencer: BrowserAroundApi },
    // Timeouts catch a hang, they are no budget: a loaded machine (CI shares two cores with other
    // work) stretched a loop over every demo hazard past the old 30 s. A slow test is bench/'s
    // business; vitest's slow-test marks still show durations.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]] : ['default'],
    projects: [
      // isolate: false: a worker runs file after file in one module graph instead of a fresh process
      // per file, which re-imported the server (~1.5 s a file; over the browser files, node's CPU
      // went from 238 s to 158 s). Files share nothing else: each makes its own database and app.
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      {
        extends: true,
        test: {
          name: 'api', include: ['src/**/*.test.ts'], exclude: UNIT, isolate: false, globalSetup: ['src/server/test/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], isolate: false, globalSetup: ['e2e/global-setup.ts'] } },
    ],
  },
});
