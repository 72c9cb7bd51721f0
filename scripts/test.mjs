#!/usr/bin/env node
// The README's test command: format check, lint and typecheck (side by side), then the test suite on SQLite
// (and on PostgreSQL when TEST_DATABASE_URL is set). Ends with one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { chromiumPath, clock, failedTests, runBrowserTests } from './test-browser.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['format check', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['lint', bin('eslint'), ['.']],
  ['typecheck', bin('tsc'), ['--noEmit']],
];
const only = process.argv.slice(2);

/** The three checks run side by side (each prints its output when it ends); any failure stops the run. */
async function staticChecks() {
  console.log(`\n== ${steps.map(([label]) => label).join(', ')} (side by side, from ${clock()} UTC)`);
  const results = await Promise.all(
    steps.map(
      ([label, cmd, args]) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { env: { ...process.env, FORCE_COLOR: '1' } });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', (status, signal) => resolve({ label, status: status ?? signal, out }));
        }),
    ),
  );
  for (const { label, status, out } of results) {
    console.log(`\n== ${label}: ${status === 0 ? 'ok' : `failed (exit ${status})`} at ${clock()} UTC`);
    if (out.trim()) process.stdout.write(out);
  }
  if (results.some((r) => r.status !== 0)) process.exit(1);
}

if (only.length === 0) await staticChecks();

const pg = process.env.TEST_DATABASE_URL;
if (pg) console.log(`\nPostgreSQL half: ON (${pg.replace(/\/\/[^@]*@/, '//***@')})`);
else
  console.log(
    '\nPostgreSQL half: SKIPPED (set TEST_DATABASE_URL=postgres://user@host:5432/db to run every database test on PostgreSQL too)',
  );

mkdirSync('test-results', { recursive: true });
console.log(`\n== vitest (from ${clock()} UTC)`);
const out = 'test-results/vitest.json';
const r = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...only],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
let passed = 0;
let failed = 0;
const failures = [];
try {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failures.push(...failedTests(report));
  failed = Math.max(report.numFailedTests, failures.length);
} catch {
  failed = Math.max(failed, 1);
}
let browserOk = true;
// The browser walk runs last (npm run test:browser alone runs just it). Without chromium it is
// skipped locally with the install hint, and fails in CI, which installs chromium first.
if (only.length === 0 && process.env.SKIP_BROWSER_TESTS !== '1') {
  if (existsSync(chromiumPath) || process.env.CI === 'true') {
    const browser = await runBrowserTests();
    passed += browser.passed;
    failed += browser.failed;
    browserOk = browser.ok;
    failures.push(...browser.failures);
  } else {
    console.log(`\nBrowser tests: SKIPPED (no chromium at ${chromiumPath}: sudo apt-get install -y chromium)`);
  }
}
console.log(`\n== done at ${clock()} UTC`);
if (!pg) console.log('PostgreSQL half was skipped: only SQLite ran.');
// Failures are repeated here, next to the closing line, so the end of a long log names them.
if (failures.length > 0) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(r.status === 0 && failed === 0 && browserOk ? 0 : 1);
