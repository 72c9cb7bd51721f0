import type { StartedAmazonSandbox } from '../src/sandbox/amazon/index.js';
import type { Ledger } from './roundtrip-count.js';
import { openBenchApp } from './roundtrip-setup.js';
import type { BenchStore } from './roundtrip-store.js';

/** Diagnostics only (never counted): what OrderBridge says about the orders that did not arrive. */
export async function explainMissing(
  dataDir: string,
  databaseUrl: string | undefined,
  amazon: StartedAmazonSandbox,
  shop: BenchStore,
  ledger: Ledger,
): Promise<void> {
  const app = await openBenchApp(dataDir, databaseUrl);
  const store = shop.ordersByAmazonId();
  const lost = [...ledger.expectedStoreOrders].filter((id) => !store.has(id));
  const unconfirmed = [...ledger.shipped]
    .filter(([id, t]) => !(amazon.sandbox.getOrder(id).packages ?? []).some((p) => p.trackingNumber === t))
    .map(([id]) => id);
  const notCancelled = [...ledger.cancelled].filter(
    (id) => amazon.sandbox.getOrder(id).fulfillment?.fulfillmentStatus !== 'CANCELLED',
  );
  for (const id of [...lost.slice(0, 10), ...unconfirmed.slice(0, 10), ...notCancelled.slice(0, 10)]) {
    const d = await app.orders.details(app.accountId, id);
    const amazonStatus = amazon.sandbox.getOrder(id).fulfillment?.fulfillmentStatus;
    if (!d.ok) console.log(`  ${id}: Amazon ${amazonStatus}; not in OrderBridge`);
    else {
      const o = d.value.order;
      console.log(
        `  ${id}: Amazon ${amazonStatus}; OrderBridge ${o.status}/${o.storeState ?? '-'} ${o.holdReason ?? ''} ${o.errorCode ?? ''} ${o.errorMessage ?? ''}`,
      );
      for (const e of d.value.timeline.slice(-6)) console.log(`      ${e.kind}: ${e.summary}`);
      console.log(`      Amazon feed actions: ${JSON.stringify(amazon.sandbox.orderFeedActions(id))}`);
    }
  }
  const jobs = await app.db
    .selectFrom('jobs')
    .select(['name', 'state', 'attempts', 'last_error'])
    .where('state', 'not in', ['succeeded'])
    .execute();
  for (const j of jobs.slice(0, 15)) console.log(`  job ${j.name} ${j.state} ×${j.attempts} ${j.last_error ?? ''}`);
  await app.close();
}
