import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, with their seconds on a 2-core CI machine; they start longest first.
 * A clean clone has no timing cache, so vitest would order them by file size and could start a long
 * one last, leaving it to run alone at the end of CI; started longest first, the workers end together.
 */
const LONG_FILES: Array<[file: string, seconds: number]> = [
  ['test/e2e/cli-postgres.e2e.test.ts', 156],
  ['test/e2e/store-crash.e2e.test.ts', 147],
  ['test/e2e/cli.e2e.test.ts', 144],
  ['test/e2e/store-crash-shopify.e2e.test.ts', 96],
  ['test/e2e/crash-restart.e2e.test.ts', 88],
  ['test/e2e/store-crash-magento2.e2e.test.ts', 73],
  ['test/e2e/scale-out-kill.e2e.test.ts', 62],
  ['test/e2e/start-magento2.e2e.test.ts', 56],
  ['src/jobs/graphile/graphile-job-queue.integration.test.ts', 45],
  ['test/e2e/store-roundtrip-vendure.e2e.test.ts', 43],
  ['test/e2e/connections.e2e.test.ts', 35],
  ['src/jobs/embedded-job-queue.integration.test.ts', 32],
  ['test/e2e/shared-rate-budgets.e2e.test.ts', 32],
  ['test/e2e/store-roundtrip-magento2.e2e.test.ts', 32],
  ['test/e2e/scale-out-rate-budgets.e2e.test.ts', 29],
  ['test/e2e/start-shopify.e2e.test.ts', 26],
  ['test/e2e/process-roles.e2e.test.ts', 24],
  ['test/e2e/store-roundtrip-shopify.e2e.test.ts', 22],
  ['test/e2e/seller-pull.e2e.test.ts', 22],
  ['test/e2e/demo-magento2.e2e.test.ts', 21],
  ['test/e2e/sigterm.e2e.test.ts', 20],
  ['test/e2e/fba-and-write-back-state.e2e.test.ts', 19],
  ['test/e2e/demo-shopify.e2e.test.ts', 18],
  ['test/e2e/buyer-data-purge-job.e2e.test.ts', 18],
  ['test/e2e/store-roundtrip.e2e.test.ts', 17],
  ['test/e2e/login-attacks.e2e.test.ts', 15],
  ['test/e2e/demo.e2e.test.ts', 15],
  ['test/e2e/import-orders.e2e.test.ts', 14],
];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const seconds = (f: TestSpecification): number => LONG_FILES.find(([p]) => f.moduleId.endsWith(p))?.[1] ?? 0;
    return sorted
      .map((file, order) => ({ file, order, seconds: seconds(file) }))
      .sort((a, b) => b.seconds - a.seconds || a.order - b.order)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser walk runs after the rest (scripts/test.mjs, vitest.browser.config.ts).
    exclude: ['test/browser/**', '**/node_modules/**'],
    environment: 'node',
    // Builds the CLI bundle that tests starting `orderbridge` processes run (test/helpers/node-bundle.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core but one (1 on a 2-core machine): most e2e files wait
    // on sandboxes, child processes and timers, so three files at a time keep both cores busy.
    maxWorkers: 3,
    sequence: { sequencer: LongFilesFirst },
    env: { TZ: 'UTC' },
  },
});
