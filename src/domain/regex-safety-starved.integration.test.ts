import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';

const regexSafety = new URL('./regex-safety.ts', import.meta.url).pathname;

/**
 * The runtime ReDoS check runs under a wall-clock limit. On a busy machine a valid pattern's run can
 * be descheduled past that limit; the check must not then refuse the pattern (a stored rule would
 * stop OrderBridge from starting). SIGSTOP/SIGCONT starve a process that checks the demo's pattern
 * in a loop, each pause four times the budget.
 */
it('does not call a fast pattern slow when the process is starved of CPU', { timeout: 60_000 }, async () => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { runtimeRegexCheck } from ${JSON.stringify(regexSafety)};
       process.stdout.write('ready\\n');
       let runs = 0, slow = 0;
       const end = Date.now() + 4000;
       while (Date.now() < end) {
         runs += 1;
         if (runtimeRegexCheck('-VARIANT-[A-Z0-9]+$', '', '', { budgetMs: 50, inputLength: 400000 }).slow) slow += 1;
       }
       process.stdout.write(JSON.stringify({ runs, slow }) + '\\n');`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  while (!out.includes('ready\n')) await sleep(20);
  let pauses = 0;
  while (child.exitCode === null && pauses < 10) {
    await sleep(120);
    child.kill('SIGSTOP');
    await sleep(200);
    child.kill('SIGCONT');
    pauses += 1;
  }
  await exited;
  const result = JSON.parse(out.trim().split('\n').pop() as string) as { runs: number; slow: number };
  expect(pauses).toBe(10);
  expect(result.runs).toBeGreaterThan(0);
  expect(result.slow).toBe(0);
});
