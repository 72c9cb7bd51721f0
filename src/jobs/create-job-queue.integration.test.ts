import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { loadConfig } from '../config/env.js';
import { enqueueShipmentConfirm, JOBS } from '../sync/store-side-deps.js';
import { createJobQueue, type JobEngine } from './create-job-queue.js';
import { EmbeddedJobQueue } from './embedded-job-queue.js';
import { GraphileJobQueue } from './graphile/graphile-job-queue.js';
import type { JobHandlers, JobQueue } from './job-queue.js';
import { waitFor } from './testing/contract-helpers.js';

describeEachDatabase('createJobQueue', (ctx) => {
  const queues: JobQueue[] = [];
  const create = (engine?: JobEngine): JobQueue => {
    const queue = createJobQueue(ctx.getDb(), ctx.dialect, { engine, databaseUrl: ctx.url() });
    queues.push(queue);
    return queue;
  };
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop()));
  });

  it('uses graphile-worker on PostgreSQL and the embedded runner on SQLite, unless told otherwise', () => {
    if (ctx.dialect === 'postgres') {
      expect(create()).toBeInstanceOf(GraphileJobQueue);
      expect(() => createJobQueue(ctx.getDb(), 'postgres', { engine: 'graphile' })).toThrow(/PostgreSQL URL/);
    } else {
      expect(create()).toBeInstanceOf(EmbeddedJobQueue);
      expect(() => create('graphile')).toThrow(/needs PostgreSQL/);
    }
    expect(create('embedded')).toBeInstanceOf(EmbeddedJobQueue);
  });

  const engines: JobEngine[] = ctx.dialect === 'postgres' ? ['embedded', 'graphile'] : ['embedded'];
  for (const engine of engines) {
    it(`runs a shipment confirmation before an order pull queued earlier (${engine})`, async () => {
      const queue = create(engine);
      const order: string[] = [];
      const record: JobHandlers[string] = ({ job }) => {
        order.push(job.name);
        return Promise.resolve();
      };
      await queue.enqueue('orders.pull', { connectionId: 'c1' }, { queue: 'conn:c1' });
      await enqueueShipmentConfirm({ jobs: queue }, { id: 's1', orderId: 'o1' });
      await queue.start({ handlers: { 'orders.pull': record, [JOBS.confirmShipment]: record }, concurrency: 1 });
      await waitFor('both jobs', () => order.length === 2);
      expect(order).toEqual([JOBS.confirmShipment, 'orders.pull']);
    });
  }
});

describe('ORDERBRIDGE_JOB_ENGINE', () => {
  it('defaults to the engine of the database, and graphile needs DATABASE_URL', () => {
    expect(loadConfig({}).jobEngine).toBeNull();
    expect(loadConfig({ ORDERBRIDGE_JOB_ENGINE: 'embedded' }).jobEngine).toBe('embedded');
    const url = 'postgres://localhost/orderbridge';
    expect(loadConfig({ DATABASE_URL: url, ORDERBRIDGE_JOB_ENGINE: 'graphile' }).jobEngine).toBe('graphile');
    expect(() => loadConfig({ ORDERBRIDGE_JOB_ENGINE: 'graphile' })).toThrow(/graphile needs DATABASE_URL/);
    expect(() => loadConfig({ ORDERBRIDGE_JOB_ENGINE: 'bull' })).toThrow(/ORDERBRIDGE_JOB_ENGINE/);
  });
});
