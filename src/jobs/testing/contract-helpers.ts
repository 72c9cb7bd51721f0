import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { JobEvent, JobQueue } from '../job-queue.js';
import type { RetryPolicy } from '../retry-policy.js';

/** What an adapter supplies to run the contract tests against it. */
export interface JobQueueContractSetup {
  /** The test's database (for enqueue inside a caller's transaction). */
  db(): Kysely<Database>;
  /** A queue over the test's database; each call is a separate runner. */
  makeQueue(options?: ContractQueueOptions): JobQueue;
  /**
   * A command starting a runner in another process on the same database: it runs jobs named
   * `contract.hang`, prints `claimed <jobId>` on stdout when it starts one, and never finishes it.
   */
  hangingWorker(options: { leaseMs: number }): { command: string; args: string[] };
}

export interface ContractQueueOptions {
  retryPolicy?: RetryPolicy;
  leaseMs?: number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Collects a queue's events for assertions. */
export function recordEvents(queue: JobQueue): JobEvent[] {
  const events: JobEvent[] = [];
  queue.onEvent((event) => events.push(event));
  return events;
}

/** Tracks how many handlers run at once, overall and per queue. */
export class ConcurrencyProbe {
  private readonly active = new Map<string, number>();
  private total = 0;
  readonly maxPerQueue = new Map<string, number>();
  maxTotal = 0;
  finished = 0;

  async around(queue: string, work: () => Promise<void>): Promise<void> {
    const now = (this.active.get(queue) ?? 0) + 1;
    this.active.set(queue, now);
    this.maxPerQueue.set(queue, Math.max(this.maxPerQueue.get(queue) ?? 0, now));
    this.total += 1;
    this.maxTotal = Math.max(this.maxTotal, this.total);
    try {
      await work();
    } finally {
      this.active.set(queue, (this.active.get(queue) ?? 1) - 1);
      this.total -= 1;
      this.finished += 1;
    }
  }
}
