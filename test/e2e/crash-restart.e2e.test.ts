import { spawn } from 'node:child_process';
import Big from 'big.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { bundleForNode, type NodeBundle } from '../helpers/node-bundle.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

const KILLS = 20;
const FR = 'A13V1IB3VIYZZH';
const childSource = new URL('./support/sync-child.ts', import.meta.url).pathname;
// Bundled once per file: through tsx the child needs seconds to start, so most kills would land
// before the import began; bundled, it starts in about a second and the kills land inside the pull.
let child: NodeBundle;

function runChild(database: string, connectionId: string, killAfterMs: number | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.path, database, connectionId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = killAfterMs === null ? null : setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    proc.on('error', reject);
    proc.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve(out);
    });
  });
}

/**
 * The import process is killed (SIGKILL) at random points 20 times while it pulls a seller account's
 * two marketplaces together; every order still ends up stored exactly once, under its own marketplace.
 */
describeEachDatabase('import survives kill -9', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  beforeAll(async () => {
    sandbox = await startAmazonSandbox({ seed: 11, rateScale: 2000 });
    child = await bundleForNode(childSource, 'orderbridge-sync-child');
  });
  afterAll(async () => {
    await sandbox.close();
    child.remove();
  });

  it(`ends with every sandbox order exactly once after ${KILLS} kills`, { timeout: 240_000 }, async () => {
    const ids = [
      ...sandbox.sandbox.generateOrders({ count: 250, marketplaceId: DE }),
      ...sandbox.sandbox.generateOrders({ count: 150, marketplaceId: FR, seed: 12 }),
    ];
    // Slow Amazon down a little so kills land inside pages, between pages and inside transactions.
    sandbox.sandbox.setFaults({ searchOrders: { latencyMs: { min: 20, max: 120 } } });
    const app = await openTestApp(ctx.url());
    const connection = await addSandboxConnection(app, sandbox);
    const fr = await addSandboxConnection(app, sandbox, { name: 'fr', marketplaceId: FR });
    const connectionOf: Record<string, string> = { [DE]: connection.id, [FR]: fr.id };
    await app.close();

    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < KILLS; i++) {
      await runChild(ctx.url(), connection.id, 300 + Math.floor(random() * 2500));
      // Amazon keeps changing orders between crashes.
      const victim = ids[Math.floor(random() * ids.length)] as string;
      const order = sandbox.sandbox.getOrder(victim);
      if (order.fulfillment?.fulfillmentStatus === 'UNSHIPPED') sandbox.sandbox.advanceOrder(victim, 'ship');
      sandbox.sandbox.advanceClock(150);
    }
    sandbox.sandbox.setFaults({});
    const last = JSON.parse((await runChild(ctx.url(), connection.id, null)).trim().split('\n').pop() as string) as {
      status?: string;
    };
    expect(last.status).toBe('succeeded');

    const verify = await openTestApp(ctx.url());
    try {
      const rows = await sql<{
        amazon_order_id: string;
        n: number;
      }>`select amazon_order_id, count(*) as n from orders group by amazon_order_id`.execute(verify.db);
      expect(rows.rows).toHaveLength(ids.length);
      expect(rows.rows.every((r) => Number(r.n) === 1)).toBe(true);
      for (const id of ids) {
        const details = await verify.orders.details(verify.accountId, id);
        if (!details.ok) throw details.error;
        const amazon = sandbox.sandbox.getOrder(id);
        expect(details.value.order.connectionId).toBe(connectionOf[amazon.salesChannel.marketplaceId ?? '']);
        expect(details.value.order.amazonStatus).toBe(amazon.fulfillment?.fulfillmentStatus);
        const grand = amazon.proceeds?.grandTotal?.amount ?? null;
        expect(details.value.order.totals.amazonTotal).toBe(grand);
        if (grand !== null) {
          const t = details.value.order.totals;
          expect(new Big(t.gross ?? '0').plus(t.excludedTax ?? '0').eq(grand)).toBe(true);
        }
        const itemLines = details.value.lines.filter((l) => l.kind === 'item').length;
        expect(itemLines).toBe(amazon.orderItems.length);
      }
    } finally {
      await verify.close();
    }
  });
});
