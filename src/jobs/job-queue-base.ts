import type { JobRepository, RunningJob } from '../db/job.repository.js';
import { AppError } from '../lib/errors.js';
import { JobEventHub } from './job-events.js';
import { executeJob, withoutLease, type ExecutionDeps } from './job-execution.js';
import type { JobEventListener, JobHandlers, JobInfo } from './job-queue.js';

/** What both adapters share: the jobs table as the record, events, and running a started job. */
export abstract class JobQueueBase {
  protected readonly events = new JobEventHub();
  protected abstract readonly jobs: JobRepository;

  abstract runOnce(handlers: JobHandlers): Promise<JobInfo | null>;

  async drain(handlers: JobHandlers): Promise<number> {
    let ran = 0;
    while (await this.runOnce(handlers)) ran += 1;
    return ran;
  }

  async getJob(id: string): Promise<JobInfo | null> {
    const job = await this.jobs.findById(id);
    return job ? withoutLease(job) : null;
  }

  onEvent(listener: JobEventListener): () => void {
    return this.events.on(listener);
  }

  /** Runs a started job with its handler to its end (outcome recorded by `executeJob`). */
  protected async runJob(deps: ExecutionDeps, job: RunningJob, handlers: JobHandlers, stop: AbortSignal) {
    const handler = handlers[job.name];
    if (!handler) throw new AppError('job_handler_missing', `No handler for job ${job.name}`, { kind: 'internal' });
    await executeJob(deps, job, handler, stop);
  }
}
