import type { Command } from 'commander';
import { print, table, unwrap } from '../output.js';
import { withApp } from '../with-app.js';

/** `orders attention` and `orders retry`: the needs-attention queue from the terminal. */
export function registerOrderAttention(orders: Command): void {
  orders
    .command('attention')
    .description('orders that need a person: held (unknown SKU, …) or a failed store/Amazon step')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'JSON output')
    .action(async (o: { limit: string; json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const list = await app.storeSideService.needsAttention(
          app.accountId,
          Math.max(Number.parseInt(o.limit, 10) || 100, 1),
        );
        print(list, json, () =>
          table(
            list.map((r) => ({
              amazonOrderId: r.amazonOrderId,
              status: r.status,
              why: r.holdReason ?? (r.errorCode ? `${r.errorCode}: ${r.errorMessage ?? ''}` : ''),
              id: r.id,
            })),
          ),
        );
      });
    });

  orders
    .command('retry <order>')
    .description('retry the failed store delivery, shipments and cancellations of an order, now')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const retried = unwrap(await app.storeSideService.retry(app.accountId, ref), json);
        const ran = await app.runStoreJobs();
        const details = unwrap(await app.orders.details(app.accountId, ref), json);
        const o2 = details.order;
        print(
          { ...retried, jobsRun: ran, status: o2.status, storeState: o2.storeState, error: o2.errorCode },
          json,
          () =>
            `Retried ${o2.amazonOrderId}: ${ran} job(s) run; now ${o2.status}${o2.storeState ? ` / store ${o2.storeState}` : ''}${o2.errorCode ? ` — still failing: ${o2.errorMessage ?? o2.errorCode}` : ''}`,
        );
      });
    });
}
