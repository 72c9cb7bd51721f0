import { defineConfig } from 'vitest/config';

/** The browser tests (`npm run test:browser`): a real OrderBridge process driven through Debian's chromium. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    environment: 'node',
    // Builds the CLI bundle that tests starting `orderbridge` processes run (test/helpers/node-bundle.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
