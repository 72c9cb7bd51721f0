// Benchmark: drain a backlog of 5,000 waiting orders through Amazon's rate limits (PRODUCT.md §13).
// Prints progress, then as the LAST line one JSON object:
// {"orders","searchOrders","getOrder","throttled","seconds","minimumSeconds","ratio"}.
import { runImportBench } from './import-bench.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000);
/** Amazon's default searchOrders plan (orders_2026-01-01.json): 0.0056 requests/s, burst 20. */
const SEARCH_RATE = 0.0056;
const SEARCH_BURST = 20;
const RATE_SCALE = Number(process.env.BENCH_RATE_SCALE ?? 400);

console.log(
  `Amazon's default rate limits × ${RATE_SCALE}: searchOrders ${(SEARCH_RATE * RATE_SCALE).toFixed(4)}/s, burst ${SEARCH_BURST}`,
);
const r = await runImportBench({ orders: ORDERS, rateScale: RATE_SCALE });
const pages = Math.ceil(ORDERS / 100);
const minimumSeconds = Math.max(0, pages - SEARCH_BURST) / (SEARCH_RATE * RATE_SCALE);
console.log(
  JSON.stringify({
    orders: r.orders,
    searchOrders: r.searchOrders,
    getOrder: r.getOrder,
    throttled: r.throttled,
    seconds: Number(r.seconds.toFixed(3)),
    minimumSeconds: Number(minimumSeconds.toFixed(3)),
    ratio: Number((r.seconds / minimumSeconds).toFixed(4)),
  }),
);
