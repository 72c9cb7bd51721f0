import type { Kysely } from 'kysely';
import { transaction } from '../../db/dialect.js';
import { JobRepository, type JobExit, type NewJob, type RunningJob } from '../../db/job.repository.js';
import type { Database } from '../../db/schema.js';
import type { GraphileDispatch, RunningDispatch } from './graphile-dispatch.js';

/**
 * The jobs table for the graphile-worker adapter: every write that leaves a job queued also
 * dispatches it to graphile-worker in the same transaction, and taking a job from a dead runner
 * releases that runner's graphile locks. `forDispatch` gives the repository a run started by a
 * graphile dispatch uses: ending the run also completes that dispatch, in the same transaction.
 */
export class GraphileJobRepository extends JobRepository {
  constructor(
    db: Kysely<Database>,
    private readonly dispatch: GraphileDispatch,
    private readonly running: RunningDispatch | null = null,
  ) {
    super(db);
  }

  forDispatch(running: RunningDispatch): GraphileJobRepository {
    return new GraphileJobRepository(this.db, this.dispatch, running);
  }

  /** Inserts and dispatches the job (or returns the id of the queued/running job holding its key). */
  override insert(db: Kysely<Database>, job: NewJob): Promise<string> {
    return transaction(db, async (trx) => {
      const id = await new JobRepository(trx).insert(trx, job);
      if (id === job.id) await this.dispatch.add(trx, id);
      return id;
    });
  }

  /**
   * Ends a run: with the outcome, the dispatch that started it is completed (its queue free at
   * once), and a retry or a stop, which leave the job queued, dispatches it anew (its next run_at).
   */
  override async exit(id: string, workerId: string, exit: JobExit, now: string): Promise<boolean> {
    const running = this.running;
    if (exit.state !== 'queued' && !running) return super.exit(id, workerId, exit, now);
    return transaction(this.db, async (trx) => {
      if (!(await new JobRepository(trx).exit(id, workerId, exit, now))) return false;
      if (running) await this.dispatch.complete(trx, running);
      if (exit.state === 'queued') await this.dispatch.add(trx, id, { replace: !running });
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
