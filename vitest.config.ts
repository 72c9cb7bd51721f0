import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser walk runs after the rest (scripts/test.mjs, vitest.browser.config.ts).
    exclude: ['test/browser/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core but one (1 on a 2-core machine): most e2e files wait
    // on sandboxes, child processes and timers, so three files at a time keep both cores busy.
    maxWorkers: 3,
    env: { TZ: 'UTC' },
  },
});
