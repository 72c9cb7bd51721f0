// Benchmark: the whole loop under faults and worker kills (issue 3). A sandbox seller with orders of
// every kind, a sandbox store (`npm run bench -- roundtrip [woocommerce|shopify|magento2]`,
// default WooCommerce), 429s/5xx/timeouts on both sides (Shopify: cost throttling, lost answers, duplicate
// and failing webhooks), the worker SIGKILLed and restarted; the store ships, cancels and changes
// stock on a seeded share. Prints progress, then as the LAST line one JSON object counted from the
// sandboxes' own state.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAmazonSandbox } from '../src/sandbox/amazon/index.js';
import { SeededRandom } from '../src/sandbox/amazon/seeded-random.js';
import { countRoundtrip, type Ledger, type RoundtripCounts } from './roundtrip-count.js';
import { Merchant } from './roundtrip-merchant.js';
import { explainMissing } from './roundtrip-explain.js';
import { listenForWebhooks, openBenchApp, productOfSpelling, setUpMerchant } from './roundtrip-setup.js';
import { BENCH_PLATFORMS, openBenchStore, type BenchPlatform } from './roundtrip-store.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 600);
const SEED = Number(process.env.BENCH_SEED ?? 7);
const KILLS = Number(process.env.BENCH_KILLS ?? 4);
const ACTION_SECONDS = Number(process.env.BENCH_ACTION_SECONDS ?? 45);
// Magento is only polled and its source quantities are reconciled every 5 minutes: wait past one.
const QUIESCE_SECONDS = Number(process.env.BENCH_QUIESCE_SECONDS ?? (process.argv[3] === 'magento2' ? 420 : 240));
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const DE = 'A1PA6795UKMFR9';
const PLATFORM = (process.argv[3] ?? 'woocommerce') as BenchPlatform;
if (!BENCH_PLATFORMS.includes(PLATFORM)) {
  console.error(`usage: npm run bench -- roundtrip [${BENCH_PLATFORMS.join('|')}]`);
  process.exit(2);
}
const started = Date.now();
const rng = new SeededRandom(SEED);

const amazon = await startAmazonSandbox({ seed: SEED, rateScale: 100 });
const store = await openBenchStore(PLATFORM, SEED);
const ids = amazon.sandbox.generateOrders({
  count: ORDERS,
  marketplaceId: DE,
  fulfillment: 'mixed',
  statuses: { UNSHIPPED: 50, PENDING: 15, PARTIALLY_SHIPPED: 8, SHIPPED: 15, CANCELLED: 12 },
});
const ledger: Ledger = {
  orders: ids.length,
  expectedStoreOrders: new Set(),
  shipped: new Map(),
  cancelled: new Set(),
  stockChanged: new Set(),
  marketplaceId: DE,
};
const pending: string[] = [];
for (const id of ids) {
  const o = amazon.sandbox.getOrder(id);
  if (o.fulfillment?.fulfilledBy !== 'MERCHANT') continue;
  const status = o.fulfillment.fulfillmentStatus;
  if (status === 'UNSHIPPED' || status === 'PARTIALLY_SHIPPED') ledger.expectedStoreOrders.add(id);
  if (status === 'PENDING') pending.push(id);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-roundtrip-'));
const setupApp = await openBenchApp(dataDir, DATABASE_URL);
const { connectionId, storeId } = await setUpMerchant(setupApp, amazon, store, DE);
await setupApp.close();
const webhooks = await listenForWebhooks(dataDir, DATABASE_URL, store, storeId);
console.log(
  `${ids.length} Amazon orders (${ledger.expectedStoreOrders.size} MFN to deliver now, ${pending.length} MFN pending) → ${PLATFORM}; faults on; ${KILLS} kills`,
);

amazon.sandbox.setFaults({
  seed: SEED,
  timeoutMs: 1_500,
  all: { errorRates: { '429': 0.03, '500': 0.02, '503': 0.02 }, timeoutRate: 0.01 },
});
store.faults(true, SEED);

const workerScript = fileURLToPath(new URL('./support/roundtrip-worker.ts', import.meta.url));
const startWorker = (): ChildProcess =>
  spawn(
    process.execPath,
    ['--import', 'tsx', workerScript, dataDir, connectionId, ...(DATABASE_URL ? [DATABASE_URL] : [])],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
let worker = startWorker();
const killAt = Array.from(
  { length: KILLS },
  (_, i) => ((i + 1) * ACTION_SECONDS * 1000) / (KILLS + 1) + rng.int(-2000, 2000),
);
const merchant = new Merchant(amazon, store, rng.fork('merchant'), ledger, pending);
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

const actionStart = Date.now();
let kills = 0;
while (Date.now() - actionStart < ACTION_SECONDS * 1000) {
  await tick(250);
  if (rng.chance(0.3)) merchant.amazonTick();
  if (rng.chance(0.05)) amazon.sandbox.advanceClock(130); // released orders become visible to searchOrders
  merchant.storeTick();
  if (rng.chance(0.1)) {
    const skus = [
      ...new Set(
        [...ledger.expectedStoreOrders].flatMap((id) =>
          (amazon.sandbox.getOrder(id).orderItems ?? []).map(
            (i) => productOfSpelling(i.product?.sellerSku ?? '') ?? '',
          ),
        ),
      ),
    ].filter(Boolean);
    merchant.stockTick(skus);
  }
  if (kills < killAt.length && Date.now() - actionStart > (killAt[kills] ?? Infinity)) {
    worker.kill('SIGKILL');
    kills += 1;
    worker = startWorker();
    console.log(`worker killed (${kills}/${KILLS}) and restarted`);
  }
}
while (pending.length > 0) merchant.amazonTick();
amazon.sandbox.setFaults({});
store.faults(false, SEED);

let counts: RoundtripCounts = countRoundtrip(amazon, store, ledger);
const done = (c: RoundtripCounts) =>
  c.duplicates === 0 &&
  c.lost === 0 &&
  c.shipmentsConfirmed === c.shipmentsExpected &&
  c.cancellationsApplied === c.cancellationsExpected &&
  c.stockUpdatesApplied === c.stockUpdatesExpected;
const quiesceStart = Date.now();
while (Date.now() - quiesceStart < QUIESCE_SECONDS * 1000) {
  amazon.sandbox.advanceClock(130);
  merchant.storeTick();
  await tick(2_000);
  counts = countRoundtrip(amazon, store, ledger);
  if (done(counts)) break;
}
worker.kill('SIGKILL');
console.log(
  done(counts) ? 'every order, shipment, cancellation and stock change arrived' : 'NOT everything arrived in time',
);
if (!done(counts)) await explainMissing(dataDir, DATABASE_URL, amazon, store, ledger);
console.log(`${PLATFORM} sandbox: ${JSON.stringify(store.stats())}`);
await webhooks?.close();
await store.close();
await amazon.close();
console.log(JSON.stringify({ ...counts, kills, seconds: Number(((Date.now() - started) / 1000).toFixed(1)) }));
process.exit(0);
