import { defineConfig } from 'vitest/config';

// One migrated PGlite template is built per run (global setup) and loaded by each test
// file; with TEST_DATABASE_URL set, each test file gets its own database on that server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/server/test/global-setup.ts'],
    pool: 'forks',
    // 2 cores: two files at a time keeps PGlite (WebAssembly, one core each) busy without thrashing.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]] : ['default'],
  },
});
