import type { Kysely } from 'kysely';
import { transaction } from '../../db/dialect.js';
import { JobRepository, type JobExit, type NewJob, type RunningJob } from '../../db/job.repository.js';
import type { Database } from '../../db/schema.js';
import type { GraphileDispatch } from './graphile-dispatch.js';

/**
 * The jobs table for the graphile-worker adapter: every write that leaves a job queued also
 * dispatches it to graphile-worker in the same transaction, and taking a job from a dead runner
 * releases that runner's graphile locks.
 */
export class GraphileJobRepository extends JobRepository {
  constructor(
    db: Kysely<Database>,
    private readonly dispatch: GraphileDispatch,
  ) {
    super(db);
  }

  /** Inserts and dispatches the job (or returns the id of the queued/running job holding its key). */
  override insert(db: Kysely<Database>, job: NewJob): Promise<string> {
    return transaction(db, async (trx) => {
      const id = await new JobRepository(trx).insert(trx, job);
      if (id === job.id) await this.dispatch.add(trx, id);
      return id;
    });
  }

  /** A retry or a stop leaves the job queued: it gets a new dispatch (run_at = its next run). */
  override async exit(id: string, workerId: string, exit: JobExit, now: string): Promise<boolean> {
    if (exit.state !== 'queued') return super.exit(id, workerId, exit, now);
    return transaction(this.db, async (trx) => {
      if (!(await new JobRepository(trx).exit(id, workerId, exit, now))) return false;
      await this.dispatch.add(trx, id, { replace: true });
      return true;
    });
  }

  /**
   * The runner's lease lapsed (process killed): graphile would hold its locks (job and queue) for
   * 4 hours, so they are released here, and the job is dispatched again or its dispatch dropped.
   */
  override async reclaim(job: RunningJob, exit: JobExit, now: string): Promise<boolean> {
    return transaction(this.db, async (trx) => {
      if (!(await new JobRepository(trx).reclaim(job, exit, now))) return false;
      if (job.lockedBy) await this.dispatch.forceUnlock(trx, [job.lockedBy]);
      if (exit.state === 'queued') await this.dispatch.add(trx, job.id, { replace: true });
      else await this.dispatch.remove(trx, job.id);
      return true;
    });
  }
}
