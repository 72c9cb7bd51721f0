import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.js';
import { sleep, type Range } from './delay-proxy.js';
import { startStoreWorker, type StoreWorker } from './store-worker-process.js';
import type { NodeBundle } from '../../helpers/node-bundle.js';

/**
 * The kill tests' loop over store worker processes: start one, SIGKILL it after a random time unless
 * a window kill (a proxy's `onAnswer`, through `current`) got it first, start the next, until the
 * work is done; the last worker runs to the end and stops with SIGTERM.
 */
export interface WorkerKillLoop {
  /** The worker running now: what a window kill SIGKILLs. */
  readonly current: StoreWorker | null;
  run(options: {
    randomKills: number;
    killAfter: Range;
    windowKills: () => number;
    done: () => Promise<boolean>;
  }): Promise<{ randomKills: number; insideJobs: number }>;
  /** SIGKILLs a worker left running (a failed test). */
  stop(): Promise<void>;
}

const countOf = async (query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> =>
  Number((await query)?.n ?? 0);

export function workerKillLoop(deps: {
  bundle: NodeBundle;
  databaseUrl: string;
  db: Kysely<Database>;
  random: () => number;
}): WorkerKillLoop {
  let worker: StoreWorker | null = null;
  return {
    get current() {
      return worker;
    },
    async run(options) {
      let randomKills = 0;
      let insideJobs = 0;
      const maxRounds = options.randomKills + options.windowKills() + 8;
      for (let round = 0; round < maxRounds && !(await options.done()); round += 1) {
        const lastRound = randomKills >= options.randomKills;
        const w = startStoreWorker(deps.bundle, deps.databaseUrl);
        worker = w;
        await w.ready;
        const [min, max] = options.killAfter;
        const until = Date.now() + (lastRound ? 30_000 : min + Math.floor(deps.random() * (max - min)));
        while (w.alive && Date.now() < until && !(lastRound && (await options.done()))) await sleep(25);
        if (!w.alive) continue; // killed in a window
        if (lastRound) break;
        w.kill('SIGKILL');
        await w.exited;
        randomKills += 1;
        // Jobs the killed worker held: the kill fell inside their work.
        insideJobs += await countOf(
          deps.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('locked_by', '=', w.workerId)
            .where('state', '=', 'running')
            .executeTakeFirst(),
        );
      }
      if (!(await options.done())) {
        const jobs = await deps.db.selectFrom('jobs').select(['name', 'state', 'attempts', 'last_error']).execute();
        throw new Error(
          `the workers did not finish the work: ${JSON.stringify(jobs.filter((j) => j.state !== 'succeeded'))}`,
        );
      }
      worker?.kill('SIGTERM');
      await worker?.exited;
      worker = null;
      return { randomKills, insideJobs };
    },
    async stop() {
      worker?.kill('SIGKILL');
      await worker?.exited;
      worker = null;
    },
  };
}
