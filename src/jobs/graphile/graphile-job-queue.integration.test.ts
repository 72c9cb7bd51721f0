import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabases, type TestDatabase } from '../../../test/helpers/databases.js';
import { JobRepository } from '../../db/job.repository.js';
import { AppError } from '../../lib/errors.js';
import { EmbeddedJobQueue } from '../embedded-job-queue.js';
import { describeJobQueueContract } from '../job-queue.contract.js';
import type { JobHandlers, JobQueue } from '../job-queue.js';
import { ExponentialBackoff } from '../retry-policy.js';
import { sleep, waitFor } from '../testing/contract-helpers.js';
import { GraphileDispatch } from './graphile-dispatch.js';
import { GraphileJobQueue, type GraphileJobQueueOptions } from './graphile-job-queue.js';

const hangingWorker = fileURLToPath(new URL('../testing/hanging-worker.script.ts', import.meta.url));

/** graphile-worker needs PostgreSQL: these run when TEST_DATABASE_URL is set (CI), else they are skipped. */
describe.skipIf(!testDatabases.includes('postgres'))('GraphileJobQueue [postgres]', () => {
  let current: TestDatabase | null = null;
  const made: GraphileJobQueue[] = [];
  beforeEach(async () => {
    current = await createTestDatabase('postgres');
    // Like the app's migrations in createTestDatabase: installed before the test, not inside its timings.
    await new GraphileJobQueue(current.db, { databaseUrl: current.url }).prepare();
  });
  afterEach(async () => {
    await Promise.all(made.splice(0).map((q) => q.stop()));
    await current?.close();
    current = null;
  });
  const database = (): TestDatabase => {
    if (!current) throw new Error('The test database exists only inside tests and hooks');
    return current;
  };
  const makeGraphile = (options: Partial<GraphileJobQueueOptions> = {}): GraphileJobQueue => {
    const queue = new GraphileJobQueue(database().db, { databaseUrl: database().url, ...options });
    made.push(queue);
    return queue;
  };

  describeJobQueueContract('graphile-worker', {
    db: () => database().db,
    makeQueue: (options = {}) => makeGraphile(options),
    hangingWorker: ({ leaseMs }) => ({
      command: process.execPath,
      args: ['--import', 'tsx', hangingWorker, database().url, String(leaseMs), 'graphile'],
    }),
  });

  it('runs the jobs an installation queued with the embedded runner, once, after switching engines', async () => {
    const db = database().db;
    const embedded = new EmbeddedJobQueue(db);
    const due = await embedded.enqueue('switch.job', { n: 1 }, { queue: 'conn:a', key: 'pull:a' });
    const later = await embedded.enqueue('switch.job', { n: 2 }, { runAt: new Date(Date.now() + 400) });
    const runs: unknown[] = [];
    const handlers: JobHandlers = {
      'switch.job': ({ job }) => {
        runs.push(job.payload.n);
        return Promise.resolve();
      },
    };
    // Two processes start on graphile-worker at once: each dispatches the old jobs, idempotently.
    const [a, b] = [makeGraphile(), makeGraphile()];
    await Promise.all([a.start({ handlers, pollIntervalMs: 50 }), b.start({ handlers, pollIntervalMs: 50 })]);
    await waitFor('both old jobs', () => runs.length === 2);
    await sleep(300);
    expect(runs.sort()).toEqual([1, 2]);
    expect(await a.getJob(due)).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(await a.getJob(later)).toMatchObject({ state: 'succeeded', attempts: 1 });
    // De-duplication keys of old jobs hold on: the key is free again only after the job ran.
    expect(await a.enqueue('switch.job', { n: 3 }, { key: 'pull:a' })).not.toBe(due);
    await waitFor('the new job', () => runs.length === 3);
  });

  it('releases the queue of a worker that died between graphile locking a job and starting it', async () => {
    const queue = makeGraphile({ leaseMs: 300 });
    const id = await queue.enqueue('stale.job', {}, { queue: 'conn:stale' });
    const gw = sql.id(queue.graphileSchema);
    // What a worker killed right after graphile's fetch leaves behind: the job and its queue locked.
    const lockedAt = new Date(Date.now() - 5_000).toISOString();
    await sql`update ${gw}._private_jobs set locked_by = 'pool-dead', locked_at = ${lockedAt}::timestamptz`.execute(
      database().db,
    );
    await sql`update ${gw}._private_job_queues set locked_by = 'pool-dead', locked_at = ${lockedAt}::timestamptz`.execute(
      database().db,
    );
    const seen = await startCounting(queue, 'stale.job');
    await waitFor('the job runs', () => seen.runs === 1, 5_000);
    // The handler has returned; its outcome is recorded a moment later.
    await waitFor('its outcome', async () => (await queue.getJob(id))?.state === 'succeeded', 5_000);
    expect(await queue.getJob(id)).toMatchObject({ state: 'succeeded', attempts: 1 });
  });

  it('keeps running while another installation on the same database installs graphile-worker', async () => {
    const queue = makeGraphile();
    const seen = await startCounting(queue, 'other.job');
    await queue.enqueue('other.job', {});
    await waitFor('first job', () => seen.runs === 1);
    // A fresh install announces "breaking" migrations to every listener on the database.
    const other = `${queue.graphileSchema}_other`;
    try {
      await new GraphileJobQueue(database().db, { databaseUrl: database().url, schema: other }).prepare();
      await sleep(300);
      await queue.enqueue('other.job', {});
      await waitFor('a job after the other install', () => seen.runs === 2, 5_000);
      // graphile would stop every pool on the database and set the exit code to 57.
      expect(seen.errors).toEqual([]);
      expect(process.exitCode).not.toBe(57);
    } finally {
      await sql`drop schema if exists ${sql.id(other)} cascade`.execute(database().db);
    }
  });

  it('dispatches every job queued before the switch, in batches, once', async () => {
    const embedded = new EmbeddedJobQueue(database().db);
    for (let n = 0; n < 5; n += 1) await embedded.enqueue('switch.batch', { n });
    const queue = makeGraphile();
    await queue.prepare();
    const dispatch = new GraphileDispatch(queue.graphileSchema);
    expect(await dispatch.addMissing(database().db, 2)).toBe(5);
    expect(await dispatch.addMissing(database().db, 2)).toBe(0);
    const gw = sql.id(queue.graphileSchema);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${gw}.jobs`.execute(database().db);
    expect(rows[0]?.n).toBe(5);
  });

  it('replaces a graphile pool that stopped on its own', async () => {
    const queue = makeGraphile();
    const seen = await startCounting(queue, 'restart.job');
    // What graphile does after an error it cannot recover from: its pool shuts down.
    await queue['running']?.pool.gracefulShutdown('test: the database went away');
    await queue.enqueue('restart.job', {});
    await waitFor('the job runs on a new pool', () => seen.runs === 1, 5_000);
    expect(seen.errors).toEqual([expect.objectContaining({ code: 'job_runner_restarting' })]);
  });

  it('keeps dead and failed jobs visible in the jobs table, and leaves no graphile job behind', async () => {
    const queue = makeGraphile({ retryPolicy: new ExponentialBackoff({ baseMs: 20, jitter: 0 }) });
    const dead = await queue.enqueue('visible.down', {}, { maxAttempts: 2 });
    const failed = await queue.enqueue('visible.invalid', {});
    const ended: string[] = [];
    queue.onEvent((e) => {
      if (e.type === 'failed') ended.push(e.job.id);
    });
    await queue.start({
      pollIntervalMs: 25,
      handlers: {
        'visible.down': () => Promise.reject(new AppError('test_down', 'store is down', { kind: 'upstream' })),
        'visible.invalid': () => Promise.reject(new AppError('test_invalid', 'bad order', { kind: 'invalid' })),
      },
    });
    await waitFor('both dead-lettered', () => ended.length === 2);
    const repo = new JobRepository(database().db);
    expect(await repo.findById(dead)).toMatchObject({
      state: 'dead',
      attempts: 2,
      lastError: 'test_down: store is down',
    });
    expect(await repo.findById(failed)).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'test_invalid: bad order',
    });
    await sleep(200);
    const gw = sql.id(queue.graphileSchema);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${gw}.jobs`.execute(database().db);
    expect(rows[0]?.n).toBe(0);
  });

  it('hands a job whose handler ignores stop back to the queue without using an attempt', async () => {
    const queue = makeGraphile();
    const id = await queue.enqueue('stubborn.job', {});
    let started = false;
    await queue.start({
      pollIntervalMs: 25,
      handlers: {
        'stubborn.job': () => {
          started = true;
          return new Promise<void>(() => undefined);
        },
      },
    });
    await waitFor('job start', () => started);
    await queue.stop({ graceMs: 100 });
    expect(await queue.getJob(id)).toMatchObject({ state: 'queued', attempts: 0 });
    const next = makeGraphile();
    const seen = await startCounting(next, 'stubborn.job');
    await waitFor('another runner runs it', () => seen.runs === 1, 5_000);
    await waitFor('success', async () => (await next.getJob(id))?.state === 'succeeded');
    expect(await next.getJob(id)).toMatchObject({ attempts: 1 });
  });
});

/** Starts `queue` with one handler that counts its runs, and collects the runner's errors. */
async function startCounting(queue: JobQueue, name: string): Promise<{ runs: number; errors: unknown[] }> {
  const seen = { runs: 0, errors: [] as unknown[] };
  queue.onEvent((e) => {
    if (e.type === 'runner_error') seen.errors.push(e.error);
  });
  const handlers: JobHandlers = {
    [name]: () => {
      seen.runs += 1;
      return Promise.resolve();
    },
  };
  await queue.start({ pollIntervalMs: 25, handlers });
  return seen;
}
