#!/usr/bin/env node
// `npm run test:browser`: builds the web UI, then walks the manual in Debian's chromium with
// Playwright against a real OrderBridge process. Ends with one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The time of day in UTC (hh:mm:ss) for the step lines of a long log. */
export const clock = () => new Date().toISOString().slice(11, 19);

export async function runBrowserTests() {
  if (!existsSync(chromiumPath)) {
    console.error(`\nChromium was not found at ${chromiumPath}.
Install Debian's chromium:   sudo apt-get update && sudo apt-get install -y chromium
or set CHROMIUM_PATH to a Chromium/Chrome binary. (npx playwright install cannot download browsers here.)`);
    return { passed: 0, failed: 1, ok: false, failures: ['browser walk: no chromium'] };
  }
  console.log(`\n== web UI build (from ${clock()} UTC)`);
  const build = spawnSync('node_modules/.bin/vite', ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) return { passed: 0, failed: 1, ok: false, failures: ['browser walk: web UI build failed'] };
  mkdirSync('test-results/screenshots', { recursive: true });
  // SQLite (the quick start) always; PostgreSQL too when TEST_DATABASE_URL is set, in a fresh schema.
  const runs = [{ name: 'sqlite', env: {} }];
  const pg = process.env.TEST_DATABASE_URL;
  if (pg) {
    const schema = `browser_${randomBytes(4).toString('hex')}`;
    runs.push({
      name: 'postgres',
      env: { BROWSER_DATABASE_URL: `${pg}${pg.includes('?') ? '&' : '?'}schema=${schema}` },
    });
  }
  // The SQLite and PostgreSQL walks run at the same time (each its own OrderBridge process, data
  // and chromium); their output goes to a log each, printed in turn when both are done.
  const finished = await Promise.all(runs.map(runWalk));
  const total = { passed: 0, failed: 0, ok: true, failures: [] };
  for (const { run, status, log } of finished) {
    console.log(
      `\n== browser walk on ${run.name} (chromium + playwright-core; screenshots in test-results/screenshots/)`,
    );
    process.stdout.write(readFileSync(log, 'utf8'));
    try {
      const report = JSON.parse(readFileSync(`test-results/vitest-browser-${run.name}.json`, 'utf8'));
      const failures = failedTests(report);
      total.passed += report.numPassedTests;
      total.failed += Math.max(report.numFailedTests, failures.length);
      total.ok &&= status === 0 && failures.length === 0;
      total.failures.push(...failures.map((line) => `[browser ${run.name}] ${line}`));
    } catch {
      total.failed += 1;
      total.ok = false;
      total.failures.push(`[browser ${run.name}] no report (exit ${status})`);
    }
  }
  return total;
}

/**
 * "file > test: first line of the error" for every failed test of a vitest JSON report, and for every
 * file that failed without a failed test (a failing beforeAll skips its tests: counted as one failure).
 */
export function failedTests(report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const name = file.name.replace(`${process.cwd()}/`, '');
    const failedCases = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedCases) lines.push(`  ${name} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    if (file.status === 'failed' && failedCases.length === 0) lines.push(`  ${name}: ${firstLine(file.message)}`);
  }
  return lines;
}

const firstLine = (text) => (text ?? '').split('\n')[0].slice(0, 300);

/** One walk (a vitest run of the browser tests) on one database, its output into a log file. */
function runWalk(run) {
  const log = `test-results/browser-${run.name}.log`;
  rmSync(`test-results/vitest-browser-${run.name}.json`, { force: true }); // never count an old report
  const out = openSync(log, 'w');
  const child = spawn(
    'node_modules/.bin/vitest',
    [
      'run',
      '--config',
      'vitest.browser.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=test-results/vitest-browser-${run.name}.json`,
    ],
    { stdio: ['ignore', out, out], env: { ...process.env, ...run.env, TZ: 'UTC', FORCE_COLOR: '1' } },
  );
  return new Promise((resolve) => child.on('exit', (status) => resolve({ run, status, log })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed, ok } = await runBrowserTests();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}
