import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { EmbeddedJobQueue } from '../jobs/embedded-job-queue.js';
import type { JobEvent } from '../jobs/job-queue.js';
import { ExponentialBackoff } from '../jobs/retry-policy.js';
import type { AppError } from '../lib/errors.js';
import { isUniqueViolation } from './dialect.js';
import { JobScheduleRepository } from './job-schedule.repository.js';
import { JobRepository } from './job.repository.js';

const immediate = new ExponentialBackoff({ baseMs: 0, jitter: 0 });
const later = (ms: number): string => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('jobs table guarantees', (ctx) => {
  const enqueueRaw = (repo: JobRepository, id: string, queue: string | null, key: string | null = null) =>
    repo.insert(ctx.getDb(), {
      id,
      name: 'test.job',
      key,
      queue,
      payload: {},
      runAt: later(-1000),
      maxAttempts: 3,
      now: later(-1000),
    });

  it('the database itself refuses a second running job in one queue', async () => {
    const repo = new JobRepository(ctx.getDb());
    await enqueueRaw(repo, 'j1', 'conn:a');
    await enqueueRaw(repo, 'j2', 'conn:a');
    await ctx.getDb().updateTable('jobs').set({ state: 'running' }).where('id', '=', 'j1').execute();
    const second = ctx.getDb().updateTable('jobs').set({ state: 'running' }).where('id', '=', 'j2').execute();
    const error: unknown = await second.catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('claims the next job of a queue only after the running one ended', async () => {
    const repo = new JobRepository(ctx.getDb());
    await enqueueRaw(repo, 'j1', 'conn:a');
    await enqueueRaw(repo, 'j2', 'conn:a');
    await enqueueRaw(repo, 'j3', 'conn:b');
    const claim = () => repo.claim({ names: ['test.job'], workerId: 'w1', now: later(0), leaseUntil: later(30_000) });
    expect((await claim())?.id).toBe('j1');
    expect((await claim())?.id).toBe('j3');
    expect(await claim()).toBeNull();
    expect(await repo.exit('j1', 'w1', { state: 'succeeded' }, later(0))).toBe(true);
    expect((await claim())?.id).toBe('j2');
  });

  it('de-duplicates by key while the job is running too, and not after it ended', async () => {
    const queue = new EmbeddedJobQueue(ctx.getDb());
    let release: () => void = () => undefined;
    const first = await queue.enqueue('test.pull', {}, { key: 'pull:conn:a' });
    const running = queue.runOnce({ 'test.pull': () => new Promise<void>((resolve) => (release = resolve)) });
    await sleep(100);
    expect(await queue.enqueue('test.pull', {}, { key: 'pull:conn:a' })).toBe(first);
    release();
    await running;
    expect(await queue.enqueue('test.pull', {}, { key: 'pull:conn:a' })).not.toBe(first);
  });

  it('reclaims a job whose runner stopped renewing its lease, as a failed attempt', async () => {
    const repo = new JobRepository(ctx.getDb());
    const queue = new EmbeddedJobQueue(ctx.getDb(), { retryPolicy: immediate });
    const events: JobEvent[] = [];
    queue.onEvent((e) => events.push(e));
    await enqueueRaw(repo, 'j1', 'conn:a');
    await repo.claim({ names: ['test.job'], workerId: 'dead', now: later(0), leaseUntil: later(50) });
    await sleep(100);
    let runs = 0;
    const done = await queue.runOnce({ 'test.job': () => Promise.resolve(void (runs += 1)) });
    expect(runs).toBe(1);
    expect(done).toMatchObject({ id: 'j1', state: 'succeeded', attempts: 2 });
    const retry = events.find((e) => e.type === 'retry');
    expect(retry?.type === 'retry' && (retry.error as AppError).code).toBe('job_lease_expired');
  });

  it('dead-letters a reclaimed job whose attempts are used up', async () => {
    const repo = new JobRepository(ctx.getDb());
    await repo.insert(ctx.getDb(), {
      id: 'j1',
      name: 'test.job',
      key: null,
      queue: null,
      payload: {},
      runAt: later(-1),
      maxAttempts: 1,
      now: later(-1),
    });
    await repo.claim({ names: ['test.job'], workerId: 'dead', now: later(0), leaseUntil: later(20) });
    await sleep(50);
    const queue = new EmbeddedJobQueue(ctx.getDb(), { retryPolicy: immediate });
    expect(await queue.runOnce({ 'test.job': () => Promise.resolve() })).toBeNull();
    expect(await queue.getJob('j1')).toMatchObject({ state: 'dead', attempts: 1 });
  });

  it('a runner that lost its lease learns it on heartbeat and never overwrites the new owner', async () => {
    const queue = new EmbeddedJobQueue(ctx.getDb(), { retryPolicy: immediate });
    const id = await queue.enqueue('test.job', {});
    let heartbeatError: unknown = null;
    let aborted = false;
    await queue.runOnce({
      'test.job': async ({ job, heartbeat, signal }) => {
        await ctx.getDb().updateTable('jobs').set({ locked_by: 'other-runner' }).where('id', '=', job.id).execute();
        heartbeatError = await heartbeat().catch((e: unknown) => e);
        aborted = signal.aborted;
      },
    });
    expect(heartbeatError).toMatchObject({ code: 'job_lease_lost' });
    expect(aborted).toBe(true);
    const row = await ctx
      .getDb()
      .selectFrom('jobs')
      .select(['state', 'locked_by'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ state: 'running', locked_by: 'other-runner' });
  });

  it('moves a schedule by compare-and-set: of two runners with the same view, one enqueues', async () => {
    const queue = new EmbeddedJobQueue(ctx.getDb());
    await queue.schedule('test.tick', { key: 'conn:a', intervalSeconds: 60, payload: {} });
    const schedules = new JobScheduleRepository(ctx.getDb());
    const [due] = await schedules.due(later(0), ['test.tick']);
    if (!due) throw new Error('schedule not due');
    expect(await schedules.advance(ctx.getDb(), due, later(60_000), later(0))).toBe(true);
    expect(await schedules.advance(ctx.getDb(), due, later(60_000), later(0))).toBe(false);
  });

  it('re-declaring a schedule keeps its planned run, capped at one new interval from now', async () => {
    const queue = new EmbeddedJobQueue(ctx.getDb());
    const schedules = new JobScheduleRepository(ctx.getDb());
    const tick = { key: 'conn:a', payload: { connectionId: 'a' } };
    await queue.schedule('test.tick', { ...tick, intervalSeconds: 3600 });
    expect(await queue.drain({ 'test.tick': () => Promise.resolve() })).toBe(1);
    const planned = (await schedules.find('test.tick', 'conn:a'))?.nextRunAt ?? '';
    expect(Date.parse(planned)).toBeGreaterThan(Date.now() + 3500_000);
    await queue.schedule('test.tick', { ...tick, intervalSeconds: 3600 });
    expect((await schedules.find('test.tick', 'conn:a'))?.nextRunAt).toBe(planned);
    await queue.schedule('test.tick', { ...tick, intervalSeconds: 60 });
    const shortened = Date.parse((await schedules.find('test.tick', 'conn:a'))?.nextRunAt ?? '');
    expect(shortened).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(await queue.drain({ 'test.tick': () => Promise.resolve() })).toBe(0);
  });

  it('refuses invalid options with invalid-kind AppErrors', async () => {
    const queue = new EmbeddedJobQueue(ctx.getDb());
    const invalid = { kind: 'invalid' };
    await expect(queue.schedule('x', { key: 'k', intervalSeconds: 0, payload: {} })).rejects.toMatchObject(invalid);
    await expect(queue.enqueue('x', {}, { maxAttempts: 0 })).rejects.toMatchObject(invalid);
    await expect(queue.enqueue('x', {}, { runAt: 'not a date' })).rejects.toMatchObject(invalid);
    await expect(queue.start({ handlers: {}, concurrency: 0 })).rejects.toMatchObject(invalid);
  });
});
