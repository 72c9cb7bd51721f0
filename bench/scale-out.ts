// Benchmark: scale-out on PostgreSQL (issue 10). A sandbox (own process) with thousands of sellers on
// 1, 3 or 8 EU marketplaces, ~200 ms per Amazon call, rate limits scaled out of the way (× 1000), a
// steady trickle of new orders, every connection polled each minute (the shortest interval, so work
// is always due). Every seller is pulled once first (not measured); then the same workload is pulled
// by 1, 2 and 4 `orderbridge worker` processes (2 jobs each by default: on a 2-core machine 4 workers
// stay latency-bound, not CPU-bound) for a fixed time each, one worker SIGKILLed and replaced during
// the 4-worker run. Pulls and calls are counted from the sandbox's searchOrders log, orders from
// OrderBridge's orders table. The sandbox shows new orders at once (no 2-minute delay), so the lag is
// OrderBridge's own; an order still missing after its run's drain counts with its age then (a lower
// bound when a round of all sellers takes longer than the run). Progress on stderr; last stdout line:
// {"sellers","connections","workers","pullsPerSecond","speedup4","searchOrdersPerSellerPoll","throttled","lagP95Seconds","duplicates","lost"}
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { SandboxStatsSnapshot } from '../src/sandbox/amazon/index.js';
import type { SearchOrdersCall } from '../src/sandbox/amazon/sandbox-stats.js';
import {
  lagsSeconds,
  percentile,
  pullsBetween,
  readSearchLog,
  searchOrdersPerSellerPoll,
  storedOrders,
} from './scale-out-count.js';
import { benchSellers, insertConnections } from './scale-out-setup.js';
import { BENCH_SECRET_KEY, openBenchApp } from './roundtrip-setup.js';
import { cpuDeltaMs, cpuSnapshot, pidsNamed } from './support/cpu-time.js';
import type { CreatedOrder, SandboxCommand, SandboxReply } from './support/scale-out-sandbox.js';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const SELLERS = env('BENCH_SELLERS', 2000);
const CONCURRENCY = env('BENCH_CONCURRENCY', 2);
const PRIME_SECONDS = env('BENCH_PRIME_SECONDS', 120);
const WARMUP_SECONDS = env('BENCH_WARMUP_SECONDS', 5);
const MEASURE_SECONDS = env('BENCH_MEASURE_SECONDS', 30);
const DRAIN_SECONDS = env('BENCH_DRAIN_SECONDS', 20);
const FINAL_DRAIN_SECONDS = env('BENCH_FINAL_DRAIN_SECONDS', 100);
const ORDERS_PER_SECOND = env('BENCH_ORDERS_PER_SECOND', 10);
const LATENCY_MS = 200;
const RATE_SCALE = 1000;
const WORKER_COUNTS = [1, 2, 4] as const;
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const started = Date.now();
const say = (message: string): void => console.error(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
if (!/^postgres(ql)?:\/\//.test(DATABASE_URL)) throw new Error('scale-out runs on PostgreSQL: set BENCH_DATABASE_URL');

// A fresh schema of its own (and graphile-worker's next to it), dropped at the end.
const schema = `bench_scale_out_${randomBytes(4).toString('hex')}`;
const dbUrl = `${DATABASE_URL}${DATABASE_URL.includes('?') ? '&' : '?'}schema=${schema}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-scale-out-'));

// The sandbox in its own process, driven over IPC (one request at a time).
const sandboxScript = fileURLToPath(new URL('./support/scale-out-sandbox.ts', import.meta.url));
const sandboxProcess = spawn(process.execPath, ['--import', 'tsx', sandboxScript, String(RATE_SCALE)], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const nextReply = <T extends SandboxReply['type']>(type: T): Promise<Extract<SandboxReply, { type: T }>> =>
  new Promise((resolve) => {
    const onMessage = (message: SandboxReply): void => {
      if (message.type !== type) return;
      sandboxProcess.off('message', onMessage);
      resolve(message as Extract<SandboxReply, { type: T }>);
    };
    sandboxProcess.on('message', onMessage);
  });
const ask = <T extends SandboxReply['type']>(command: SandboxCommand & { type: T }) => {
  const reply = nextReply(command.type);
  sandboxProcess.send(command);
  return reply;
};
const { url: sandboxUrl, aheadMs } = await nextReply('ready');
const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
  const res = await fetch(`${sandboxUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`sandbox ${method} ${route}: HTTP ${res.status}`);
  return res.json();
};

const sellers = benchSellers(SELLERS);
await ask({ type: 'sellers', sellers });
const app = await openBenchApp(dataDir, dbUrl);
const connections = await insertConnections(app, sellers, sandboxUrl, new Date(Date.now() - 60_000));
const marketplaceOf = new Map(connections.map((c) => [c.id, c.marketplaceId]));
say(`${sellers.length} sellers, ${connections.length} connections on PostgreSQL (schema ${schema})`);

await control('PUT', '/_sandbox/faults', { all: { latencyMs: LATENCY_MS } });
await control('DELETE', '/_sandbox/stats');
await ask({ type: 'trickle', ordersPerSecond: ORDERS_PER_SECOND });

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const workerEnv = {
  ...process.env,
  DATABASE_URL: dbUrl,
  ORDERBRIDGE_DATA_DIR: dataDir,
  ORDERBRIDGE_SECRET_KEY: BENCH_SECRET_KEY,
  ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'true',
  ORDERBRIDGE_DEMO: 'false',
  ORDERBRIDGE_LOG_LEVEL: 'warn',
};
let workersStarted = 0;
/** Every worker process started, so none outlives the benchmark (even when it fails part-way). */
const spawned = new Set<ChildProcess>();

/** `orderbridge worker --concurrency N`, resolved once it says it is running (its log goes to a file). */
function startWorker(): Promise<ChildProcess> {
  const log = openSync(path.join(dataDir, `worker-${++workersStarted}.log`), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'worker', '--concurrency', String(CONCURRENCY)], {
    env: workerEnv,
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  spawned.add(child);
  child.once('exit', () => spawned.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('worker is running')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it ran; see ${dataDir}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timeout);
}

const calls: SearchOrdersCall[] = [];
let logPosition = 0;
async function readLog(): Promise<void> {
  const read = await readSearchLog(sandboxUrl, logPosition);
  calls.push(...read.calls);
  logPosition = read.next;
}
const created: CreatedOrder[] = [];
async function readCreated(): Promise<void> {
  const read = await ask({ type: 'orders', since: created.length });
  created.push(...read.orders);
}

/** Waits until every tracked order is stored or `seconds` pass; returns the lags (lower bounds for unstored). */
async function drain(tracked: (o: CreatedOrder) => boolean, seconds: number): Promise<number[]> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    await readCreated();
    const stored = await storedOrders(app);
    const orders = created.filter(tracked);
    const missing = orders.filter((o) => !stored.has(o.orderId)).length;
    if (missing === 0 || Date.now() >= until) {
      if (missing > 0)
        say(`  ${missing} of ${orders.length} orders not stored after the drain (counted with their age)`);
      return lagsSeconds(orders, stored, Date.now());
    }
    await tick(2_000);
  }
}

interface PhaseResult {
  pullsPerSecond: number;
  lagP95: number;
}

async function runPhase(workerCount: number, last: boolean): Promise<PhaseResult> {
  say(`${workerCount} worker(s), concurrency ${CONCURRENCY} each: starting`);
  const workers = await Promise.all(Array.from({ length: workerCount }, () => startWorker()));
  const from = Date.now() + WARMUP_SECONDS * 1000;
  const to = from + MEASURE_SECONDS * 1000;
  await tick(from - Date.now());
  say(`  measuring ${MEASURE_SECONDS} s`);
  const cpuOf = () => ({
    workers: cpuSnapshot(workers.map((w) => w.pid)),
    sandbox: cpuSnapshot([sandboxProcess.pid]),
    postgres: cpuSnapshot(pidsNamed('postgres')),
  });
  const cpuBefore = cpuOf();
  if (last) {
    await tick((to - from) / 2);
    workers[0]?.kill('SIGKILL');
    say('  one worker SIGKILLed; starting a replacement');
    workers[0] = await startWorker();
  }
  await tick(to - Date.now());
  const cpuAfter = cpuOf();
  if (last) await ask({ type: 'trickle', ordersPerSecond: 0 });
  await readLog();
  const pulls = pullsBetween(calls, aheadMs, from, to);
  const pullsPerSecond = pulls / MEASURE_SECONDS;
  const perPull = (part: keyof typeof cpuAfter): string =>
    (cpuDeltaMs(cpuBefore[part], cpuAfter[part]) / Math.max(pulls, 1)).toFixed(1);
  say(`  ${pulls} pulls completed in the window (${pullsPerSecond.toFixed(1)}/s); draining`);
  say(
    `  CPU ms per pull: workers ${perPull('workers')}, sandbox ${perPull('sandbox')}, PostgreSQL (all sessions) ${perPull('postgres')}; load average ${loadavg()[0]?.toFixed(1)} on this machine`,
  );
  // The last phase drains every order made (the lost count); the others those made in their window.
  const lags = await drain(
    (o) => (last ? true : o.createdMs >= from && o.createdMs < to),
    last ? FINAL_DRAIN_SECONDS : DRAIN_SECONDS,
  );
  const inWindow = last
    ? lagsSeconds(
        created.filter((o) => o.createdMs >= from && o.createdMs < to),
        await storedOrders(app),
        Date.now(),
      )
    : lags;
  await Promise.all(workers.map(stopWorker));
  const lagP95 = percentile(inWindow, 95);
  say(
    `  lag p95 ${lagP95.toFixed(1)} s over ${inWindow.length} orders; one round of all sellers takes ${(sellers.length / Math.max(pullsPerSecond, 0.001)).toFixed(0)} s at this rate; workers stopped`,
  );
  return { pullsPerSecond, lagP95 };
}

/**
 * Before the measured runs, 4 workers pull every seller once (the first pull of a seller account
 * also creates its seller pull and rate budgets), so the 1-, 2- and 4-worker runs all measure the
 * same steady work: repeat pulls of known sellers.
 */
async function prime(): Promise<void> {
  say(`first pull of every seller (4 workers, not measured)`);
  const workers = await Promise.all(Array.from({ length: 4 }, () => startWorker()));
  const until = Date.now() + PRIME_SECONDS * 1000;
  let pulled = 0;
  while (Date.now() < until) {
    await tick(2_000);
    await readLog();
    pulled = new Set(calls.filter((c) => c.lastPage).map((c) => c.sellerId)).size;
    if (pulled >= sellers.length) break;
  }
  await Promise.all(workers.map(stopWorker));
  say(`  ${pulled} of ${sellers.length} sellers pulled once`);
}

const results: PhaseResult[] = [];
try {
  await prime();
  for (const count of WORKER_COUNTS)
    results.push(await runPhase(count, count === WORKER_COUNTS[WORKER_COUNTS.length - 1]));
  await readLog();
  await readCreated();
  const stored = await storedOrders(app);
  let duplicates = 0;
  let misplaced = 0;
  const createdById = new Map(created.map((o) => [o.orderId, o]));
  for (const [id, s] of stored) {
    duplicates += s.copies - 1;
    const order = createdById.get(id);
    if (order && marketplaceOf.get(s.connectionId) !== order.marketplaceId) misplaced += 1;
  }
  const lostOrders = created.filter((o) => !stored.has(o.orderId));
  const lost = lostOrders.length;
  if (lost > 0) {
    const lostSellers = [...new Set(lostOrders.map((o) => o.sellerId))];
    const leased = await app.db
      .selectFrom('seller_pulls')
      .select('seller_id')
      .where('seller_id', 'in', lostSellers)
      .where('import_lock_until', '>', new Date().toISOString())
      .execute();
    const held = new Set(leased.map((r) => r.seller_id));
    const waiting = lostOrders.filter((o) => held.has(o.sellerId)).length;
    say(
      `not stored: ${lost} orders of ${lostSellers.length} sellers; ${waiting} of them wait for a pull lease still held`,
    );
  }
  const timeline = new Map<number, number>();
  for (const c of calls) {
    if (!c.lastPage) continue;
    const bucket = Math.floor((c.atMs - aheadMs - started) / 10_000) * 10;
    timeline.set(bucket, (timeline.get(bucket) ?? 0) + 1);
  }
  say(`pulls per 10 s from the start: ${[...timeline].map(([at, n]) => `${at}s:${n}`).join(' ')}`);
  const stats = (await control('GET', '/_sandbox/stats')) as SandboxStatsSnapshot;
  const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
  const runs = await app.db
    .selectFrom('sync_runs')
    .select([
      'status',
      'error_code',
      (eb) => eb.fn.countAll<string>().as('n'),
      (eb) => eb.fn.max('error_message').as('example'),
    ])
    .groupBy(['status', 'error_code'])
    .execute();
  say(
    `sandbox: ${stats.calls.searchOrders ?? 0} searchOrders, ${stats.lwaTokensIssued} LWA tokens; ${created.length} orders made, ${stored.size} stored, ${misplaced} under another marketplace's connection`,
  );
  say(`sync runs: ${runs.map((r) => `${r.status}${r.error_code ? `/${r.error_code}` : ''} ${r.n}`).join(', ')}`);
  for (const r of runs) if (r.example) say(`  ${r.error_code ?? r.status}: ${r.example.slice(0, 300)}`);
  const pullsPerSecond = results.map((r) => Number(r.pullsPerSecond.toFixed(2)));
  console.log(
    JSON.stringify({
      sellers: sellers.length,
      connections: connections.length,
      workers: WORKER_COUNTS,
      pullsPerSecond,
      speedup4: Number(((pullsPerSecond[2] ?? 0) / Math.max(pullsPerSecond[0] ?? 0, 0.001)).toFixed(2)),
      searchOrdersPerSellerPoll: Number(searchOrdersPerSellerPoll(calls, sellers).toFixed(3)),
      throttled,
      lagP95Seconds: results.map((r) => Number(r.lagP95.toFixed(1))),
      duplicates,
      lost,
    }),
  );
} finally {
  for (const child of spawned) child.kill('SIGKILL');
  await app.close();
  sandboxProcess.disconnect();
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  // graphile-worker keeps its tables in a schema of its own next to ours.
  for (const name of [schema, `${schema}_gw`]) await admin.query(`drop schema if exists "${name}" cascade`);
  await admin.end();
  if (process.env.BENCH_KEEP_DIR === 'true') say(`worker logs kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
