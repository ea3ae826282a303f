import { defineConfig } from 'vitest/config';

// One embedded PostgreSQL for the whole run (started in the global setup); every test file gets
// its own database cloned from a migrated template, so files run in parallel without touching.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
