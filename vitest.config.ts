import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end files start Chromium and a web host; the rest are fast.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Chromium and sqlite3 builds share 2 cores; too many forks only slow everything down.
    maxWorkers: 2,
    reporters: ['default', './test/support/closingLineReporter.ts'],
  },
});
