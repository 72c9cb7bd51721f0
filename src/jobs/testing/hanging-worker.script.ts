/**
 * Test helper process for the crash contract
 * (`node --import tsx hanging-worker.script.ts <db> <leaseMs> [embedded|graphile]`): a runner whose
 * `contract.hang` handler announces the job and never returns, so the test can SIGKILL it mid-job.
 * `<db>` is a SQLite file path or a PostgreSQL URL (with `?schema=`); the engine defaults to embedded.
 */
import { createDatabase } from '../../db/database.js';
import { isPostgresUrl } from '../../db/dialect.js';
import { createJobQueue } from '../create-job-queue.js';

const [location, lease, engine = 'embedded'] = process.argv.slice(2);
if (!location || !lease || (engine !== 'embedded' && engine !== 'graphile')) {
  process.stderr.write('usage: hanging-worker.script.ts <sqlite-file|postgres-url> <leaseMs> [embedded|graphile]\n');
  process.exit(2);
}
const postgres = isPostgresUrl(location);
const { db, dialect } = await createDatabase(
  postgres ? { url: location, migrate: false, poolSize: 3 } : { sqlitePath: location, migrate: false },
);
const queue = createJobQueue(db, dialect, {
  engine: engine,
  databaseUrl: postgres ? location : null,
  leaseMs: Number(lease),
});
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
