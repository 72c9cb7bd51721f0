import { hostname } from 'node:os';
import type { JobExit, JobRepository, RunningJob } from '../db/job.repository.js';
import type { Clock } from '../lib/clock.js';
import { AppError, isAppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { JobEventHub } from './job-events.js';
import type { JobHandler, JobInfo } from './job-queue.js';
import { isNonRetryable, type RetryPolicy } from './retry-policy.js';

/** What running one job needs from its runner. */
export interface ExecutionDeps {
  jobs: JobRepository;
  clock: Clock;
  workerId: string;
  leaseMs: number;
  retryPolicy: RetryPolicy;
  events: JobEventHub;
}

const MAX_ERROR_TEXT = 2000;

/** A runner's id in `jobs.locked_by` unless told otherwise: host:pid:random. */
export const defaultWorkerId = (): string => `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;

/** A job as `getJob` shows it: without the runner's lease bookkeeping. */
export function withoutLease(job: RunningJob): JobInfo {
  const { lockedBy: _l, leaseUntil: _u, ...info } = job;
  return info;
}

export function describeError(error: unknown): string {
  const text = isAppError(error)
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
  return text.slice(0, MAX_ERROR_TEXT);
}

export type FailureDecision = { state: 'queued'; delayMs: number } | { state: 'failed' | 'dead' };

/** After a failed attempt: retry later, or dead-letter ('dead' = attempts used up, 'failed' = not retryable). */
export function decideAfterFailure(job: JobInfo, error: unknown, policy: RetryPolicy): FailureDecision {
  if (job.attempts >= job.maxAttempts) return { state: 'dead' };
  const delayMs = policy.nextDelayMs(job.attempts, error);
  if (delayMs === null) return { state: isNonRetryable(error) ? 'failed' : 'dead' };
  return { state: 'queued', delayMs };
}

/** The row change and event that record a failed attempt (also used for dead processes' jobs). */
export function failureExit(job: JobInfo, error: unknown, deps: Pick<ExecutionDeps, 'clock' | 'retryPolicy'>) {
  const decision = decideAfterFailure(job, error, deps.retryPolicy);
  const lastError = describeError(error);
  if (decision.state === 'queued') {
    const runAt = new Date(deps.clock.now().getTime() + decision.delayMs).toISOString();
    const exit: JobExit = { state: 'queued', run_at: runAt, last_error: lastError };
    return { exit, event: { type: 'retry' as const, job, error, delayMs: decision.delayMs } };
  }
  const exit: JobExit = { state: decision.state, last_error: lastError };
  return { exit, event: { type: 'failed' as const, job, error, state: decision.state } };
}

/**
 * Runs a claimed job to its end: renews the lease while the handler works, aborts the handler's
 * signal on stop or when the lease was lost, then records the outcome. Every final write is
 * conditional on still owning the job, so a runner that lost its lease never overwrites the
 * runner that took the job over.
 */
export async function executeJob(
  deps: ExecutionDeps,
  job: RunningJob,
  handler: JobHandler,
  stop: AbortSignal,
): Promise<void> {
  const controller = new AbortController();
  const onStop = (): void =>
    controller.abort(new AppError('job_runner_stopping', 'The job runner is stopping', { kind: 'upstream' }));
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });

  const renew = async (): Promise<boolean> => {
    const now = deps.clock.now();
    const until = new Date(now.getTime() + deps.leaseMs).toISOString();
    const owned = await deps.jobs.renewLease(job.id, deps.workerId, until, now.toISOString());
    if (!owned) {
      controller.abort(new AppError('job_lease_lost', 'Another runner took over this job', { kind: 'conflict' }));
    }
    return owned;
  };
  const timer = setInterval(
    () => {
      renew().catch((error: unknown) => deps.events.emit({ type: 'runner_error', error }));
    },
    Math.max(10, Math.floor(deps.leaseMs / 3)),
  );
  const heartbeat = async (): Promise<void> => {
    if (!(await renew()))
      throw new AppError('job_lease_lost', 'Another runner took over this job', { kind: 'conflict' });
  };

  const startedAt = Date.now();
  deps.events.emit({ type: 'started', job });
  let failure: { error: unknown } | null = null;
  try {
    await handler({ job, signal: controller.signal, heartbeat });
  } catch (error) {
    failure = { error };
  } finally {
    clearInterval(timer);
    stop.removeEventListener('abort', onStop);
  }
  if (failure) return recordFailure(deps, job, failure.error, stop.aborted);
  if (await deps.jobs.exit(job.id, deps.workerId, { state: 'succeeded', last_error: null }, deps.clock.nowIso())) {
    deps.events.emit({ type: 'succeeded', job, durationMs: Date.now() - startedAt });
  }
}

async function recordFailure(deps: ExecutionDeps, job: RunningJob, error: unknown, stopping: boolean): Promise<void> {
  const now = deps.clock.nowIso();
  if (stopping) {
    // Interrupted by shutdown, not the job's fault: back to the queue without using an attempt.
    const exit: JobExit = {
      state: 'queued',
      run_at: now,
      attempts: job.attempts - 1,
      last_error: describeError(error),
    };
    await deps.jobs.exit(job.id, deps.workerId, exit, now);
    return;
  }
  const { exit, event } = failureExit(job, error, deps);
  if (await deps.jobs.exit(job.id, deps.workerId, exit, now)) deps.events.emit(event);
}
