import { expect, it } from 'vitest';
import type { JobHandlers, JobQueue, ScheduleOptions, WorkerOptions } from '../job-queue.js';
import { sleep, type ContractQueueOptions } from './contract-helpers.js';

type Make = (options?: ContractQueueOptions) => JobQueue;
type Start = (queue: JobQueue, handlers: JobHandlers, extra?: Partial<WorkerOptions>) => Promise<void>;

/** Interval schedules: part of the JobQueue contract. */
export function describeScheduleContract(make: Make, start: Start): void {
  it('fires an interval schedule once per interval, even with two runners', async () => {
    const [a, b] = [make(), make()];
    const fires: number[] = [];
    const handlers: JobHandlers = {
      'contract.tick': () => {
        fires.push(Date.now());
        return Promise.resolve();
      },
    };
    const options: ScheduleOptions = {
      key: 'conn:a',
      intervalSeconds: 1,
      payload: { connectionId: 'a' },
      queue: 'conn:a',
    };
    // Both "processes" declare the schedule at start, as the app does.
    await a.schedule('contract.tick', options);
    await b.schedule('contract.tick', options);
    const began = Date.now();
    await Promise.all([start(a, handlers), start(b, handlers)]);
    await sleep(1500);
    await b.schedule('contract.tick', options); // a restart re-declaring it must not add a run
    await sleep(3300 - (Date.now() - began));

    expect(fires.length).toBeGreaterThanOrEqual(3);
    expect(fires.length).toBeLessThanOrEqual(4);
    const gaps = fires.slice(1).map((t, i) => t - fires[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(800);

    await a.unschedule('contract.tick', 'conn:a');
    await sleep(100);
    const count = fires.length;
    await sleep(1300);
    expect(fires.length).toBe(count);
  }, 20_000);
}
