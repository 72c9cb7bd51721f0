// Benchmark: OrderBridge's own cost per imported order, with Amazon's rate limits scaled so far up
// (× 1,000,000, announced in x-amzn-RateLimit-Limit) that they never wait (PRODUCT.md §13: "hub overhead per order well under a millisecond"). The time includes the
// in-process sandbox building and serving the pages, so it is an upper bound of the hub's share.
// Last line: {"orders","seconds","msPerOrder","limitMs","ratio"}.
import { runImportBench } from './import-bench.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000);
const LIMIT_MS = 1;

const r = await runImportBench({ orders: ORDERS, rateScale: 1_000_000 });
const msPerOrder = (r.seconds * 1000) / Math.max(r.orders, 1);
console.log(
  JSON.stringify({
    orders: r.orders,
    seconds: Number(r.seconds.toFixed(3)),
    msPerOrder: Number(msPerOrder.toFixed(3)),
    limitMs: LIMIT_MS,
    ratio: Number((msPerOrder / LIMIT_MS).toFixed(3)),
  }),
);
