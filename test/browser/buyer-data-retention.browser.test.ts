/**
 * Buyer data retention in the web app: a member sets the retention on Settings → Data retention,
 * the daily purge runs (from another process of the installation, 40 days later) and the order page
 * says when the buyer's personal data was removed, while an order that has not ended keeps it.
 * Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { loadConfig } from '../../src/config/env.js';
import { ManualClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { launchChromium } from './support/chromium.js';
import { logInAsAdmin } from './support/log-in.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');
const DAY_MS = 86_400_000;

let running: RunningOrderBridge;
let browser: Browser;
let page: Page;
let later: App | null = null;

/** The installation as another process 40 days from now sees it (same data directory / database). */
function openLater(): Promise<App> {
  const config = loadConfig({
    ORDERBRIDGE_DATA_DIR: running.dataDir,
    ORDERBRIDGE_LOG_LEVEL: 'silent',
    ...(DATABASE_URL && { DATABASE_URL }),
  });
  const clock = new ManualClock(new Date(Date.now() + 40 * DAY_MS).toISOString());
  return openApp(config, { logger: silentLogger, clock });
}

describe(`buyer data retention in chromium [${DATABASE_URL ? 'postgres' : 'sqlite'}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startOrderBridge(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {});
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: running.baseUrl });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await later?.close();
    await browser?.close();
    await running?.stop();
  });

  it('sets the retention, purges ended orders and shows when on the order page', async () => {
    await logInAsAdmin(page, running);

    await page.goto('/settings?tab=retention');
    const days = page.getByRole('textbox', { name: /Keep buyer personal data for/ });
    await expect.poll(() => days.inputValue()).toBe('30');
    await days.fill('14');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Buyer data is now kept 14 days after an order ends').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'retention-settings.png') });

    // The demo imports its backlog (shipped, cancelled and open orders) within seconds.
    later = await openLater();
    const db = later.db;
    const ended = async () =>
      db
        .selectFrom('orders')
        .select(['amazon_order_id', 'amazon_status'])
        .where('store_state', 'is not', null)
        .execute();
    await expect.poll(async () => (await ended()).length, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(20);
    const orders = await ended();
    const shipped = orders.find((o) => o.amazon_status === 'SHIPPED');
    const open = orders.find((o) => o.amazon_status === 'UNSHIPPED');
    if (!shipped || !open) throw new Error('the demo backlog has no shipped or no unshipped order');

    expect(await later.purgeBuyerData()).toBeGreaterThan(0);

    await page.goto(`/orders/${shipped.amazon_order_id}`);
    const notice = page.getByRole('alert').filter({ hasText: 'Buyer personal data removed' });
    await notice.waitFor();
    await expect.poll(() => notice.innerText()).toMatch(/Removed on .+ under this account’s data retention/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'retention-purged-order.png'), fullPage: true });
    await page.getByRole('heading', { name: 'Totals and taxes' }).waitFor();

    await page.goto(`/orders/${open.amazon_order_id}`);
    await page.getByRole('heading', { name: `Order ${open.amazon_order_id}` }).waitFor();
    expect(await page.getByText('Buyer personal data removed').count()).toBe(0);
  });
});
