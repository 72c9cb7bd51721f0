import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that take minutes (a process per call, kill-and-restart loops), longest first. A clean
 * clone has no timing cache, so vitest would order by file size and could start one of these last,
 * leaving it to run alone at the end of CI.
 */
const LONG_FILES = [
  'test/e2e/cli.e2e.test.ts',
  'test/e2e/cli-postgres.e2e.test.ts',
  'test/e2e/store-crash.e2e.test.ts',
  'test/e2e/crash-restart.e2e.test.ts',
  'test/e2e/store-crash-shopify.e2e.test.ts',
  'test/e2e/start-magento2.e2e.test.ts',
  'test/e2e/scale-out-kill.e2e.test.ts',
  'test/e2e/store-crash-magento2.e2e.test.ts',
];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = LONG_FILES.findIndex((p) => f.moduleId.endsWith(p));
      return i === -1 ? LONG_FILES.length : i;
    };
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
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
