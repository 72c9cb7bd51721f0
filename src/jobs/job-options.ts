import type { NewJob } from '../db/job.repository.js';
import type { JobSchedule } from '../db/job-schedule.repository.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { EnqueueOptions, JobPayload, ScheduleOptions } from './job-queue.js';

/** graphile-worker stores priorities as smallint; the embedded queue accepts the same range. */
const PRIORITY_RANGE = { min: -32_768, max: 32_767 };

/** The jobs row an `enqueue` call asks for (both adapters), with its options checked. */
export function newJobFromOptions(
  name: string,
  payload: JobPayload,
  options: EnqueueOptions,
  context: { now: string; defaultMaxAttempts: number },
): NewJob {
  return {
    id: newId(),
    name,
    key: options.key ?? null,
    queue: options.queue ?? null,
    payload,
    runAt: options.runAt === undefined ? context.now : toIso(options.runAt),
    maxAttempts: positiveInt('maxAttempts', options.maxAttempts ?? context.defaultMaxAttempts),
    priority: jobPriority(options.priority),
    now: context.now,
  };
}

/** The schedules row a `schedule` call asks for (both adapters). */
export function scheduleFromOptions(
  name: string,
  options: ScheduleOptions,
  now: Date,
): Omit<JobSchedule, 'nextRunAt'> & { firstRunAt: string; latestNextRunAt: string; now: string } {
  const interval = positiveInt('intervalSeconds', options.intervalSeconds);
  return {
    id: newId(),
    name,
    key: options.key,
    queue: options.queue ?? null,
    intervalSeconds: interval,
    payload: options.payload,
    maxAttempts: options.maxAttempts ?? null,
    priority: jobPriority(options.priority),
    firstRunAt: now.toISOString(),
    latestNextRunAt: new Date(now.getTime() + interval * 1000).toISOString(),
    now: now.toISOString(),
  };
}

export function toIso(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError('job_invalid_run_at', `Invalid runAt: ${String(value)}`, { kind: 'invalid' });
  }
  return date.toISOString();
}

export function positiveInt(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new AppError('job_invalid_option', `${field} must be a positive integer`, {
      kind: 'invalid',
      details: { field },
    });
  }
  return value;
}

function jobPriority(value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < PRIORITY_RANGE.min || value > PRIORITY_RANGE.max) {
    throw new AppError('job_invalid_option', 'priority must be an integer from -32768 to 32767', {
      kind: 'invalid',
      details: { field: 'priority' },
    });
  }
  return value;
}
