// Shared by the import benchmarks: a sandbox seller with a backlog, one OrderBridge connection, one pull.
// SQLite in a fresh data directory, or with DATABASE_URL PostgreSQL in a fresh schema (dropped at the
// end), so a run never counts the orders of an earlier one.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp } from '../src/app/app-context.js';
import { sandboxConnectionInput } from '../src/app/demo.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/lib/logger.js';
import { startAmazonSandbox } from '../src/sandbox/amazon/index.js';
import pg from 'pg';

const MARKETPLACE = 'A1PA6795UKMFR9';

export interface ImportBenchResult {
  orders: number;
  searchOrders: number;
  getOrder: number;
  throttled: number;
  seconds: number;
  /** CPU time of this process during the import: OrderBridge and the in-process sandbox. */
  cpuSeconds: number;
  dialect: string;
}

/** Imports `orders` waiting sandbox orders once and reports what the sandbox itself counted. */
export async function runImportBench(options: { orders: number; rateScale: number }): Promise<ImportBenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-bench-'));
  const sandbox = await startAmazonSandbox({ seed: 42, rateScale: options.rateScale });
  sandbox.sandbox.generateOrders({ count: options.orders, marketplaceId: MARKETPLACE });
  // The sandbox runs on 127.0.0.1 in this process: a custom Amazon endpoint.
  const schema = process.env.DATABASE_URL ? `bench_import_${randomBytes(4).toString('hex')}` : null;
  const env = {
    ...process.env,
    ORDERBRIDGE_DATA_DIR: dataDir,
    ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'true',
    ...(schema ? { DATABASE_URL: withSchema(process.env.DATABASE_URL!, schema) } : {}),
  };
  const app = await openApp(loadConfig(env), { logger: silentLogger });
  try {
    const added = await app.connections.add(
      app.accountId,
      sandboxConnectionInput(sandbox.url, { name: 'bench', marketplaceId: MARKETPLACE }),
      'bench',
    );
    if (!added.ok) throw added.error;
    sandbox.sandbox.resetStats();
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const result = await app.importOrders(added.value.id, {
      trigger: 'cli',
      onProgress: (s) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${s.ordersSeen} orders, ${s.pages} pages`);
        else if (s.pages % 10 === 0 && s.status === 'running')
          console.error(`${s.ordersSeen} orders, ${s.pages} pages`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!result.ok) throw result.error;
    console.log(
      `database ${app.dialect}; run ${result.value.status}: ${result.value.ordersCreated} created, ${result.value.ordersFailed} failed`,
    );
    const stats = sandbox.sandbox.stats();
    const stored = await app.orders.list(app.accountId, { limit: 1, offset: 0 });
    return {
      orders: stored.ok ? stored.value.total : 0,
      searchOrders: stats.calls.searchOrders ?? 0,
      getOrder: stats.calls.getOrder ?? 0,
      throttled: Object.values(stats.throttled).reduce((a, b) => a + b, 0),
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      dialect: app.dialect,
    };
  } finally {
    await app.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) await dropSchema(process.env.DATABASE_URL!, schema);
  }
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const u = new URL(url);
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
