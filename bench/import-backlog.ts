// Benchmark: drain a backlog of 5,000 waiting orders through Amazon's rate limits (PRODUCT.md §13).
// Prints progress, then as the LAST line one JSON object:
// {"orders","searchOrders","getOrder","throttled","seconds","minimumSeconds","ratio"}.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp } from '../src/app/app-context.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/lib/logger.js';
import { startAmazonSandbox } from '../src/sandbox/amazon/index.js';
import { sandboxConnectionInput } from '../src/app/demo.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000);
/** Amazon's default searchOrders plan (orders_2026-01-01.json): 0.0056 requests/s, burst 20. */
const SEARCH_RATE = 0.0056;
const SEARCH_BURST = 20;
const RATE_SCALE = Number(process.env.BENCH_RATE_SCALE ?? 400);
const MARKETPLACE = 'A1PA6795UKMFR9';

const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-bench-'));
const sandbox = await startAmazonSandbox({ seed: 42, rateScale: RATE_SCALE });
console.log(
  `sandbox ${sandbox.url}: Amazon's default rate limits × ${RATE_SCALE} (searchOrders ${SEARCH_RATE * RATE_SCALE}/s, burst ${SEARCH_BURST})`,
);
sandbox.sandbox.generateOrders({ count: ORDERS, marketplaceId: MARKETPLACE });
const app = await openApp(loadConfig({ ...process.env, ORDERBRIDGE_DATA_DIR: dataDir }), { logger: silentLogger });
console.log(`database: ${app.dialect}`);
const added = await app.connections.add(
  app.accountId,
  sandboxConnectionInput(sandbox.url, { name: 'bench', marketplaceId: MARKETPLACE }),
  'bench',
);
if (!added.ok) throw added.error;
sandbox.sandbox.resetStats();

const started = performance.now();
const result = await app.importOrders(added.value.id, {
  trigger: 'cli',
  onProgress: (s) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${s.ordersSeen} orders, ${s.pages} pages`);
    else if (s.pages % 10 === 0 && s.status === 'running') console.error(`${s.ordersSeen} orders, ${s.pages} pages`);
  },
});
const seconds = (performance.now() - started) / 1000;
process.stderr.write('\n');
if (!result.ok) throw result.error;

const stats = sandbox.sandbox.stats();
const stored = await app.orders.list(app.accountId, { limit: 1, offset: 0 });
const orders = stored.ok ? stored.value.total : 0;
const pages = Math.ceil(ORDERS / 100);
const minimumSeconds = Math.max(0, pages - SEARCH_BURST) / (SEARCH_RATE * RATE_SCALE);
const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
await app.close();
await sandbox.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`run ${result.value.status}: ${result.value.ordersCreated} created, ${result.value.ordersFailed} failed`);
console.log(
  JSON.stringify({
    orders,
    searchOrders: stats.calls.searchOrders ?? 0,
    getOrder: stats.calls.getOrder ?? 0,
    throttled,
    seconds: Number(seconds.toFixed(3)),
    minimumSeconds: Number(minimumSeconds.toFixed(3)),
    ratio: Number((seconds / minimumSeconds).toFixed(4)),
  }),
);
