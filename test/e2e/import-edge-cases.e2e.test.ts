import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { newId } from '../../src/lib/ids.js';
import { SANDBOX_SELLER_ID, startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

/** Import edge cases of the order-mapping checklist, against the sandbox, on both databases. */
describeEachDatabase('order import edge cases', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 21, rateScale: 1000 });
    app = await openTestApp(ctx.url());
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  const sync = async (id: string) => {
    const r = await app.importOrders(id, { trigger: 'manual' });
    if (!r.ok) throw r.error;
    return r.value;
  };

  it('crops Seller SKUs by the rules and links them; a manual link wins', async () => {
    const [id] = sandbox.sandbox.generateOrders({ count: 1, marketplaceId: DE, statuses: { UNSHIPPED: 1 } });
    const order = sandbox.sandbox.getOrder(id as string);
    const sku = order.orderItems[0]?.product.sellerSku as string;
    const connection = await addSandboxConnection(app, sandbox, {
      config: { skuCrop: { removeSuffixes: [sku.slice(-3)] } },
    });
    await app.db
      .insertInto('sku_links')
      .values({
        id: newId(),
        connection_id: connection.id,
        amazon_sku: sku,
        product_ref: 'store-product-42',
        created_at: new Date().toISOString(),
      })
      .execute();
    await sync(connection.id);
    const details = await app.orders.details(app.accountId, id as string);
    if (!details.ok) throw details.error;
    const line = details.value.lines.find((l) => l.sellerSku === sku);
    expect(line?.croppedSku).toBe(sku.slice(0, -3));
    expect(line?.productRef).toBe('store-product-42');
  });

  it('reports a missing Amazon role as the run error, keeps the cursor and the connection active', async () => {
    sandbox.sandbox.generateOrders({ count: 5, marketplaceId: DE });
    sandbox.sandbox.setRoles(SANDBOX_SELLER_ID, ['INVENTORY_AND_ORDER_TRACKING']);
    const connection = await addSandboxConnection(app, sandbox);
    const run = await sync(connection.id);
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('amazon_forbidden_role');
    expect(run.error?.message).toContain('role');
    const after = await app.connections.get(app.accountId, connection.id);
    expect(after.ok && after.value.active).toBe(true);
    expect(after.ok && after.value.importCursor).toBeNull();
    const runs = await app.syncRuns.list([connection.id], 5);
    expect(runs[0]).toMatchObject({ status: 'failed', errorCode: 'amazon_forbidden_role' });
  });

  it('restarts the window when a page token expired (24 h) and still imports every order once', async () => {
    sandbox.sandbox.generateOrders({ count: 250, marketplaceId: DE });
    const connection = await addSandboxConnection(app, sandbox, {
      config: { syncFromDate: new Date(Date.now() - 5 * 86_400_000).toISOString() },
    });
    let advanced = false;
    const r = await app.importOrders(connection.id, {
      trigger: 'manual',
      onProgress: (s) => {
        if (!advanced && s.pages === 1) {
          advanced = true;
          sandbox.sandbox.advanceClock(25 * 3600);
        }
      },
    });
    if (!r.ok) throw r.error;
    expect(r.value.status).toBe('succeeded');
    expect(r.value.apiCalls.searchOrders).toBeGreaterThanOrEqual(5); // 1 page, the refused token, then 3 pages again
    const listed = await app.orders.list(app.accountId, { limit: 1, offset: 0 });
    expect(listed.ok && listed.value.total).toBe(250);
  });
});
