// Benchmark: OrderBridge's own cost per imported order, with Amazon's rate limits scaled so far up
// (× 1,000,000, announced in x-amzn-RateLimit-Limit) that they never wait (PRODUCT.md §13: "hub
// overhead per order well under a millisecond"). The time includes the in-process sandbox building
// and serving the pages, so it is an upper bound of the hub's share. SQLite, or PostgreSQL with
// DATABASE_URL (a fresh schema). The machine may be shared: `cpuMsPerOrder` (this process's CPU
// time, sandbox included) varies less with other load than the wall-clock `msPerOrder`, and
// `loadAverage` is the machine's 1-minute load when the import started.
// Last line: {"database","orders","seconds","msPerOrder","cpuMsPerOrder","loadAverage","limitMs","ratio"}.
import { loadavg } from 'node:os';
import { runImportBench } from './import-bench.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000);
const LIMIT_MS = 1;

const loadAverage = loadavg()[0]!;
const r = await runImportBench({ orders: ORDERS, rateScale: 1_000_000 });
const perOrder = (seconds: number): number => Number(((seconds * 1000) / Math.max(r.orders, 1)).toFixed(3));
const msPerOrder = perOrder(r.seconds);
console.log(
  JSON.stringify({
    database: r.dialect,
    orders: r.orders,
    seconds: Number(r.seconds.toFixed(3)),
    msPerOrder,
    cpuMsPerOrder: perOrder(r.cpuSeconds),
    loadAverage: Number(loadAverage.toFixed(2)),
    limitMs: LIMIT_MS,
    ratio: Number((msPerOrder / LIMIT_MS).toFixed(3)),
  }),
);
