/**
 * Network settings in the web app, against a real `start` process with no configuration: the demo's
 * own sandboxes work with the secure defaults, a store on a loopback address is refused until an
 * administrator switches on "Allow stores on private addresses" on the Admin page.
 * Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { logInAsAdmin } from './support/log-in.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');

let running: RunningOrderBridge;
let browser: Browser;
let page: Page;

describe(`network settings in chromium [${DATABASE_URL ? 'postgres' : 'sqlite'}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startOrderBridge(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {});
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: running.baseUrl });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  /** A REST call in the browser's session (the session cookie plus its CSRF token). */
  const call = async (method: 'GET' | 'POST', url: string, data?: object) => {
    const me = await page.request.get('/api/auth/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const res = await page.request.fetch(url, {
      method,
      headers: { 'x-csrf-token': csrfToken },
      ...(data && { data }),
    });
    return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
  };

  it('refuses a loopback store until an administrator allows private addresses on the Admin page', async () => {
    await logInAsAdmin(page, running);

    // The demo's WooCommerce sandbox (started by this process on 127.0.0.1) works with the defaults.
    expect((await call('POST', '/api/stores/sandbox-woocommerce/test')).status).toBe(200);
    const store = {
      platform: 'woocommerce',
      baseUrl: 'http://127.0.0.1:9/',
      secrets: { consumerKey: 'ck_x', consumerSecret: 'cs_x' },
    };
    const refused = await call('POST', '/api/stores', { ...store, name: 'same-host-shop' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'address_not_allowed' } });

    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Network' }).waitFor();
    const toggle = page.getByRole('switch', { name: 'Allow stores on private addresses' });
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Allow custom Amazon endpoints' }).isChecked()).toBe(false);
    await toggle.click({ force: true });
    await page.getByText('Network settings saved').waitFor();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByRole('heading', { name: 'Network' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-network-settings.png'), fullPage: true });

    await page.reload();
    await expect
      .poll(() => page.getByRole('switch', { name: 'Allow stores on private addresses' }).isChecked())
      .toBe(true);
    expect((await call('POST', '/api/stores', { ...store, name: 'same-host-shop' })).status).toBe(201);
  });
});
