import { fileURLToPath } from 'node:url';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { EmbeddedJobQueue } from './embedded-job-queue.js';
import { describeJobQueueContract } from './job-queue.contract.js';

const hangingWorker = fileURLToPath(new URL('./testing/hanging-worker.script.ts', import.meta.url));

describeEachDatabase('EmbeddedJobQueue', (ctx) => {
  describeJobQueueContract('embedded', {
    db: () => ctx.getDb(),
    makeQueue: (options = {}) => new EmbeddedJobQueue(ctx.getDb(), options),
    hangingWorker: ({ leaseMs }) => ({
      command: process.execPath,
      args: ['--import', 'tsx', hangingWorker, ctx.url(), String(leaseMs)],
    }),
  });
});
