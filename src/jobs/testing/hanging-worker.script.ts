/**
 * Test helper process for the crash contract (`node --import tsx hanging-worker.script.ts <db> <leaseMs>`):
 * an embedded runner whose `contract.hang` handler announces the job and never returns, so the
 * test can SIGKILL it mid-job. `<db>` is a SQLite file path or a PostgreSQL URL (with `?schema=`).
 */
import { createDatabase } from '../../db/database.js';
import { isPostgresUrl } from '../../db/dialect.js';
import { EmbeddedJobQueue } from '../embedded-job-queue.js';

const [location, lease] = process.argv.slice(2);
if (!location || !lease) {
  process.stderr.write('usage: hanging-worker.script.ts <sqlite-file|postgres-url> <leaseMs>\n');
  process.exit(2);
}
const { db } = await createDatabase(
  isPostgresUrl(location) ? { url: location, migrate: false } : { sqlitePath: location, migrate: false },
);
const queue = new EmbeddedJobQueue(db, { leaseMs: Number(lease) });
await queue.start({
  concurrency: 1,
  pollIntervalMs: 25,
  handlers: {
    'contract.hang': ({ job }) => {
      process.stdout.write(`claimed ${job.id}\n`);
      return new Promise<void>(() => undefined);
    },
  },
});
