// A separate process that runs the store-side jobs (delivery, shipment write-back) until it is killed;
// the store crash test SIGKILLs it at random points. Short leases and retries keep the test fast:
// a job the killed process held is reclaimed ~1 s later, as a real runner reclaims it after 30 s.
import { storeSideHandlers } from '../../../src/app/store-side-jobs.js';
import { EmbeddedJobQueue } from '../../../src/jobs/embedded-job-queue.js';
import { ExponentialBackoff } from '../../../src/jobs/retry-policy.js';
import { openTestApp } from '../../helpers/test-app.js';

const [database, workerId] = process.argv.slice(2);
if (!database || !workerId) throw new Error('usage: store-worker-child <database> <workerId>');
const app = await openTestApp(database);
const queue = new EmbeddedJobQueue(app.db, {
  leaseMs: 1500,
  retryPolicy: new ExponentialBackoff({ baseMs: 50, maxMs: 400 }),
  workerId,
});
await queue.start({ handlers: storeSideHandlers(app.storeSide), concurrency: 4, pollIntervalMs: 50 });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void queue
    .stop()
    .then(() => app.close())
    .then(() => process.exit(0));
});
