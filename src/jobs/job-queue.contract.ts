import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import type { JobHandlers, JobQueue, WorkerOptions } from './job-queue.js';
import { ExponentialBackoff } from './retry-policy.js';
import { describeCrashContract } from './testing/contract-crash.js';
import { describeScheduleContract } from './testing/contract-schedule.js';
import {
  ConcurrencyProbe,
  recordEvents,
  sleep,
  waitFor,
  type ContractQueueOptions,
  type JobQueueContractSetup,
} from './testing/contract-helpers.js';

export type { JobQueueContractSetup };

/**
 * The behaviour every JobQueue adapter must have (embedded runner, graphile-worker). Call inside
 * a describe that provides a fresh database per test, e.g. `describeEachDatabase`.
 */
export function describeJobQueueContract(name: string, setup: JobQueueContractSetup): void {
  describe(`JobQueue contract: ${name}`, () => {
    const queues: JobQueue[] = [];
    const make = (options?: ContractQueueOptions): JobQueue => {
      const queue = setup.makeQueue(options);
      queues.push(queue);
      return queue;
    };
    const start = (queue: JobQueue, handlers: JobHandlers, extra: Partial<WorkerOptions> = {}) =>
      queue.start({ handlers, concurrency: 4, pollIntervalMs: 25, ...extra });
    const fast = new ExponentialBackoff({ baseMs: 20, jitter: 0 });

    afterEach(async () => {
      await Promise.all(queues.splice(0).map((q) => q.stop()));
    });

    it('runs jobs of one queue one at a time, and different queues in parallel', async () => {
      const probe = new ConcurrencyProbe();
      const handlers: JobHandlers = {
        'contract.serial': ({ job }) => probe.around(String(job.payload.q), () => sleep(120)),
      };
      const [a, b] = [make(), make()];
      for (let i = 0; i < 3; i += 1) {
        for (const q of ['conn:a', 'conn:b']) await a.enqueue('contract.serial', { q, i }, { queue: q });
      }
      await Promise.all([start(a, handlers), start(b, handlers)]);
      await waitFor('six jobs', () => probe.finished === 6);
      expect(probe.maxPerQueue.get('conn:a')).toBe(1);
      expect(probe.maxPerQueue.get('conn:b')).toBe(1);
      expect(probe.maxTotal).toBeGreaterThanOrEqual(2);
    });

    it('retries a failing job with growing backoff, then succeeds', async () => {
      const queue = make({ retryPolicy: new ExponentialBackoff({ baseMs: 150, factor: 2, jitter: 0 }) });
      const events = recordEvents(queue);
      const starts: number[] = [];
      const id = await queue.enqueue('contract.flaky', {}, { maxAttempts: 5 });
      await start(queue, {
        'contract.flaky': () => {
          starts.push(Date.now());
          if (starts.length < 3) throw new AppError('test_flaky', 'not yet', { kind: 'upstream' });
          return Promise.resolve();
        },
      });
      await waitFor('success', () => events.some((e) => e.type === 'succeeded'));
      expect(starts).toHaveLength(3);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(150);
      expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(300);
      expect(events.filter((e) => e.type !== 'runner_error').map((e) => e.type)).toEqual([
        'started',
        'retry',
        'started',
        'retry',
        'started',
        'succeeded',
      ]);
      expect(await queue.getJob(id)).toMatchObject({ state: 'succeeded', attempts: 3 });
    });

    it('dead-letters a job after its max attempts', async () => {
      const queue = make({ retryPolicy: fast });
      const events = recordEvents(queue);
      let calls = 0;
      const id = await queue.enqueue('contract.broken', {}, { maxAttempts: 3 });
      await start(queue, {
        'contract.broken': () => {
          calls += 1;
          throw new AppError('test_down', 'store is down', { kind: 'upstream' });
        },
      });
      await waitFor('dead letter', () => events.some((e) => e.type === 'failed'));
      await sleep(200);
      expect(calls).toBe(3);
      expect(events.find((e) => e.type === 'failed')).toMatchObject({ state: 'dead' });
      const job = await queue.getJob(id);
      expect(job).toMatchObject({ state: 'dead', attempts: 3 });
      expect(job?.lastError).toContain('store is down');
    });

    it('dead-letters at once on a non-retryable error', async () => {
      const queue = make({ retryPolicy: fast });
      const events = recordEvents(queue);
      let calls = 0;
      const id = await queue.enqueue('contract.invalid', {}, { maxAttempts: 5 });
      await start(queue, {
        'contract.invalid': () => {
          calls += 1;
          throw new AppError('test_invalid', 'bad order', { kind: 'invalid' });
        },
      });
      await waitFor('dead letter', () => events.some((e) => e.type === 'failed'));
      await sleep(200);
      expect(calls).toBe(1);
      expect(await queue.getJob(id)).toMatchObject({ state: 'failed', attempts: 1 });
    });

    it('runs due jobs by priority: a later but more urgent job goes first', async () => {
      const queue = make();
      const order: unknown[] = [];
      await queue.enqueue('contract.prio', { n: 'routine' });
      const urgent = await queue.enqueue('contract.prio', { n: 'urgent' }, { priority: -10 });
      await start(
        queue,
        {
          'contract.prio': ({ job }) => {
            order.push(job.payload.n);
            return Promise.resolve();
          },
        },
        { concurrency: 1 },
      );
      await waitFor('both jobs', () => order.length === 2);
      expect(order).toEqual(['urgent', 'routine']);
      expect(await queue.getJob(urgent)).toMatchObject({ priority: -10, state: 'succeeded' });
    });

    it('does not run a job before its runAt', async () => {
      const queue = make();
      const runAt = new Date(Date.now() + 700);
      let startedAt = 0;
      await queue.enqueue('contract.later', {}, { runAt });
      await start(queue, {
        'contract.later': () => {
          startedAt = Date.now();
          return Promise.resolve();
        },
      });
      await sleep(300);
      expect(startedAt).toBe(0);
      await waitFor('delayed job', () => startedAt > 0);
      expect(startedAt).toBeGreaterThanOrEqual(runAt.getTime());
    });

    it('de-duplicates by key while a job is queued', async () => {
      const queue = make();
      const seen: unknown[] = [];
      const handlers: JobHandlers = {
        'contract.dedup': ({ job }) => {
          seen.push(job.payload.n);
          return Promise.resolve();
        },
      };
      const first = await queue.enqueue('contract.dedup', { n: 1 }, { key: 'pull:conn:a' });
      const second = await queue.enqueue('contract.dedup', { n: 2 }, { key: 'pull:conn:a' });
      expect(second).toBe(first);
      expect(await queue.drain(handlers)).toBe(1);
      const third = await queue.enqueue('contract.dedup', { n: 3 }, { key: 'pull:conn:a' });
      expect(third).not.toBe(first);
      expect(await queue.drain(handlers)).toBe(1);
      expect(seen).toEqual([1, 3]);
    });

    it('enqueues atomically with the caller transaction', async () => {
      const queue = make();
      const db = setup.db();
      let rolledBackId = '';
      const rollback = db.transaction().execute(async (trx) => {
        rolledBackId = await queue.enqueue('contract.outbox', { n: 1 }, { trx });
        throw new Error('rollback');
      });
      await expect(rollback).rejects.toThrow('rollback');
      expect(await queue.getJob(rolledBackId)).toBeNull();
      const committedId = await db.transaction().execute((trx) => queue.enqueue('contract.outbox', { n: 2 }, { trx }));
      const seen: unknown[] = [];
      const handlers: JobHandlers = {
        'contract.outbox': ({ job }) => {
          seen.push(job.payload.n);
          return Promise.resolve();
        },
      };
      expect(await queue.drain(handlers)).toBe(1);
      expect(seen).toEqual([2]);
      expect(await queue.getJob(committedId)).toMatchObject({ state: 'succeeded' });
    });

    it('runOnce runs one due job; drain runs all of them', async () => {
      const queue = make();
      const handlers: JobHandlers = { 'contract.once': () => Promise.resolve() };
      for (let i = 0; i < 3; i += 1) await queue.enqueue('contract.once', { i });
      expect(await queue.runOnce(handlers)).toMatchObject({ name: 'contract.once', state: 'succeeded' });
      expect(await queue.drain(handlers)).toBe(2);
      expect(await queue.runOnce(handlers)).toBeNull();
    });

    it('stop aborts the running jobs signal and waits for them to finish', async () => {
      const queue = make();
      let started = false;
      let finished = false;
      let aborted = false;
      const id = await queue.enqueue('contract.slow', {});
      await start(queue, {
        'contract.slow': async ({ signal }) => {
          started = true;
          await sleep(250);
          aborted = signal.aborted;
          finished = true;
        },
      });
      await waitFor('job start', () => started);
      await queue.stop();
      expect(finished).toBe(true);
      expect(aborted).toBe(true);
      expect(await queue.getJob(id)).toMatchObject({ state: 'succeeded' });
    });

    describeScheduleContract(make, start);
    describeCrashContract(setup, make, start);
  });
}
