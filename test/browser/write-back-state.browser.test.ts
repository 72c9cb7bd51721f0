/**
 * State after write-back in the web app, on the demo of `npm start`: the store ships one order and
 * cancels another; without any pull from Amazon, their details pages show Amazon's new status and the
 * store's state, and the cancellation shows the feed id Amazon returned. Screenshots go to
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, until, type ApiCall } from './support/api-session.js';
import { launchChromium } from './support/chromium.js';
import { logInAsAdmin } from './support/log-in.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');

interface ApiOrder {
  id: string;
  amazonOrderId: string;
  amazonStatus: string | null;
  storeState: string | null;
}
interface OrderDetails {
  order: ApiOrder;
  cancellations: Array<{ state: string; feedId: string | null; amazonFeedId: string | null }>;
}

let app: RunningOrderBridge;
let browser: Browser;
let page: Page;
let api: ApiCall;
/** Delivery, the store poll and Amazon's feed processing take a while in a fresh demo. */
const WRITE_BACK_WAIT_MS = 150_000;

const details = async (id: string) => (await api('GET', `/api/orders/${id}`)) as unknown as OrderDetails;

describe(`state after write-back in chromium [${DATABASE_URL ? 'postgres' : 'sqlite'}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startOrderBridge(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {});
    api = await apiSession(app);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: app.baseUrl });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await logInAsAdmin(page, app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('a shipped and a cancelled store order show Amazon’s status, the store state and Amazon’s feed id', async () => {
    const { stores } = (await api('GET', '/api/stores')) as { stores: Array<{ id: string; baseUrl: string }> };
    const store = stores[0]!;
    const woo = await until(
      'two processing orders in the store',
      async () => {
        const { orders } = (await api('GET', `${store.baseUrl}/_sandbox/orders`)) as {
          orders: Array<{ id: number; status: string; meta_data: Array<{ key: string; value: unknown }> }>;
        };
        const open = orders.filter((o) => o.status === 'processing');
        return open.length >= 2 ? open.slice(0, 2) : undefined;
      },
      WRITE_BACK_WAIT_MS,
    );
    const orderIdOf = (o: (typeof woo)[number]) =>
      String(o.meta_data.find((m) => m.key === '_orderbridge_order_id')?.value);
    const [shipped, cancelled] = [orderIdOf(woo[0]!), orderIdOf(woo[1]!)];
    await api('POST', `${store.baseUrl}/_sandbox/orders/${woo[0]!.id}/ship`, {
      trackingNumber: 'T-4711',
      customProvider: 'My Courier',
    });
    await api('POST', `${store.baseUrl}/_sandbox/orders/${woo[1]!.id}/cancel`, { note: 'out of stock' });
    await api('POST', `/api/stores/${store.id}/poll`);

    await until(
      'Amazon shipped',
      async () => ((await details(shipped)).order.amazonStatus === 'SHIPPED' ? true : undefined),
      WRITE_BACK_WAIT_MS,
    );
    await page.goto(`/orders/${shipped}`);
    const statuses = page.getByRole('group', { name: 'Order statuses' });
    await expect.poll(() => statuses.innerText()).toMatch(/Amazon: SHIPPED[\s\S]*Store: Shipped/i);
    await page.mouse.move(1, 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'write-back-01-shipped-header.png') });

    const applied = await until(
      'Amazon applied the cancellation',
      async () => {
        const d = await details(cancelled);
        return d.cancellations[0]?.state === 'applied' ? d : undefined;
      },
      WRITE_BACK_WAIT_MS,
    );
    expect(applied.order.amazonStatus).toBe('CANCELLED');
    expect(applied.order.storeState).toBe('cancelled');
    const amazonFeedId = applied.cancellations[0]?.amazonFeedId ?? '';
    expect(amazonFeedId).not.toBe('');
    expect(amazonFeedId).not.toBe(applied.cancellations[0]?.feedId);
    await page.goto(`/orders/${cancelled}`);
    await expect.poll(() => statuses.innerText()).toMatch(/Amazon: CANCELLED[\s\S]*Store: Cancelled/i);
    const table = page.getByRole('table', { name: 'Cancellations' });
    await table.getByRole('columnheader', { name: 'Amazon feed id' }).waitFor();
    await table.getByText(amazonFeedId, { exact: true }).waitFor();
    await table.scrollIntoViewIfNeeded();
    await page.mouse.move(1, 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'write-back-02-cancellation-feed-id.png'), fullPage: true });
  });
});
