import type { RunningJob } from '../db/job.repository.js';
import type { JobHandlers } from './job-queue.js';

export interface JobLoopDeps {
  handlers: JobHandlers;
  concurrency: number;
  pollIntervalMs: number;
  /** Reclaims expired leases and fires due schedules. */
  maintain(names: string[]): Promise<void>;
  claim(names: string[]): Promise<RunningJob | null>;
  execute(job: RunningJob, stop: AbortSignal): Promise<void>;
  onError(error: unknown): void;
}

/**
 * The background loop of a runner: every poll (or sooner when woken by a local enqueue or a
 * finished job) it does maintenance, then claims jobs until its slots are full or none is due.
 */
export class JobLoop {
  private readonly stopController = new AbortController();
  private readonly running = new Set<Promise<void>>();
  private readonly names: string[];
  private wakeUp: (() => void) | null = null;
  private done: Promise<void> | null = null;
  private lastMaintenance = 0;
  /** Set by a wake that came while the loop was busy, so the next sleep is skipped. */
  private woken = false;

  constructor(private readonly deps: JobLoopDeps) {
    this.names = Object.keys(deps.handlers);
  }

  start(): void {
    this.done = this.run();
  }

  /**
   * Stops claiming, aborts the running jobs' signals and waits for them, at most `graceMs`.
   * Returns false when some job was still running at the deadline.
   */
  async stop(graceMs: number): Promise<boolean> {
    this.stopController.abort();
    this.wake();
    await this.done;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const finished = Promise.allSettled([...this.running]).then(() => true as const);
    try {
      return await Promise.race([finished, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (error) {
        this.deps.onError(error);
      }
      if (!this.stopped) await this.sleep(this.deps.pollIntervalMs);
    }
  }

  private async tick(): Promise<void> {
    // Maintenance at most once per poll interval, however often finished jobs wake the loop.
    if (Date.now() - this.lastMaintenance >= this.deps.pollIntervalMs) {
      this.lastMaintenance = Date.now();
      await this.deps.maintain(this.names);
    }
    while (!this.stopped && this.running.size < this.deps.concurrency) {
      const job = await this.deps.claim(this.names);
      if (!job) return;
      this.launch(job);
    }
  }

  private launch(job: RunningJob): void {
    const run = this.deps
      .execute(job, this.stopController.signal)
      .catch((error: unknown) => this.deps.onError(error))
      .finally(() => {
        this.running.delete(run);
        this.wake();
      });
    this.running.add(run);
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = finish;
    });
  }
}
