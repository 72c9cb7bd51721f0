import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import type { JobHandlers, JobQueue, WorkerOptions } from '../job-queue.js';
import { ExponentialBackoff } from '../retry-policy.js';
import { sleep, waitFor, type ContractQueueOptions, type JobQueueContractSetup } from './contract-helpers.js';

type Make = (options?: ContractQueueOptions) => JobQueue;
type Start = (queue: JobQueue, handlers: JobHandlers, extra?: Partial<WorkerOptions>) => Promise<void>;

/** Resolves with the first stdout line matching `pattern`'s group; rejects if the child exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`No "${String(pattern)}" from child; stderr: ${err}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n')) {
        const match = pattern.exec(line.trim());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Child exited (${code}) before printing ${String(pattern)}; stderr: ${err}`));
    });
  });
}

/** Crash safety (kill -9 mid-job): part of the JobQueue contract. */
export function describeCrashContract(setup: JobQueueContractSetup, make: Make, start: Start): void {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('survives a crash mid-job: after the lease expires another runner completes it exactly once', async () => {
    const leaseMs = 1000;
    const queue = make({ leaseMs, retryPolicy: new ExponentialBackoff({ baseMs: 20, jitter: 0 }) });
    const id = await queue.enqueue('contract.hang', { orderId: 'order-1' }, { queue: 'conn:crash' });
    const { command, args } = setup.hangingWorker({ leaseMs });
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    expect(await waitForLine(child, /^claimed (\S+)$/, 20_000)).toBe(id);

    const runs: string[] = [];
    const record = (name: string) => () => {
      runs.push(name);
      return Promise.resolve();
    };
    await queue.enqueue('contract.next', {}, { queue: 'conn:crash' });
    await queue.enqueue('contract.other', {}, { queue: 'conn:other' });
    await start(queue, {
      'contract.hang': record('hang'),
      'contract.next': record('next'),
      'contract.other': record('other'),
    });
    // While the other process lives it renews its lease: nobody else runs its job, nor the next
    // job of the same queue; other queues are not held up.
    await sleep(leaseMs * 2);
    expect(runs).toEqual(['other']);
    expect(await queue.getJob(id)).toMatchObject({ state: 'running', attempts: 1 });

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await waitFor('takeover after the lease expired', () => runs.length === 3, 15_000);
    await sleep(leaseMs + 300);
    expect([...runs].sort()).toEqual(['hang', 'next', 'other']);
    expect(await queue.getJob(id)).toMatchObject({ state: 'succeeded', attempts: 2 });
  }, 45_000);
}
