/**
 * Adding a Magento 2 store in the web app, against `start` with the Magento demo store
 * (ORDERBRIDGE_DEMO_STORE=magento2): the shop URL is shown cut back from a pasted REST URL, Test
 * connection says what failed or that it works (Bearer and OAuth 1.0a), the store is saved with the
 * form's settings. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  SANDBOX_MAGENTO_CONSUMER_KEY,
  SANDBOX_MAGENTO_CONSUMER_SECRET,
} from '../../src/sandbox/magento2/index.js';
import { launchChromium } from './support/chromium.js';
import { logInAsAdmin } from './support/log-in.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');

let running: RunningOrderBridge;
let browser: Browser;
let page: Page;

describe(`Magento 2 store in chromium [${DATABASE_URL ? 'postgres' : 'sqlite'}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The process inherits this environment: `start` with the Magento sandbox as the demo's store.
    process.env.ORDERBRIDGE_DEMO_STORE = 'magento2';
    try {
      running = await startOrderBridge(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {});
    } finally {
      delete process.env.ORDERBRIDGE_DEMO_STORE;
    }
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: running.baseUrl });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('adds a Magento store: URL cut back, Test connection (wrong token, right token, OAuth), save', async () => {
    const shopUrl = /Magento 2 sandbox (http:\/\/\S+?):? /.exec(running.output())?.[1];
    expect(shopUrl, running.output()).toBeDefined();
    await logInAsAdmin(page, running);
    await page.goto('/stores');
    await page.getByRole('button', { name: 'Add store' }).first().click();
    const form = page.getByRole('form', { name: 'Add store' });
    await form.getByLabel(/^Platform/).click();
    await page.getByRole('option', { name: 'Magento 2 / Adobe Commerce' }).click();
    await form.getByRole('textbox', { name: /^Store name/ }).fill('my-magento');

    // A pasted REST URL is cut back to the shop; its store view code is used unless one is typed.
    const url = form.getByRole('textbox', { name: /^Store URL/ });
    await url.fill('shop.example.com/magento/rest/de/V1/');
    await form.getByText('https://shop.example.com/magento/rest/de/V1', { exact: true }).waitFor();
    await form.getByRole('textbox', { name: /^Store code/ }).fill('default');
    await form.getByText('https://shop.example.com/magento/rest/default/V1', { exact: true }).waitFor();
    await url.fill('ftp://shop.example.com');
    await form.getByText('Use an http(s) URL').waitFor();
    await url.fill(`${shopUrl as string}/rest/default/V1`);
    await form.getByText(`${shopUrl as string}/rest/default/V1`, { exact: true }).waitFor();

    // The Bearer way explains Magento's switch; a wrong token is named as the store's answer.
    await form.getByText(/Allow OAuth Access Tokens to be used as standalone Bearer tokens/).waitFor();
    const token = form.getByLabel(/^Access token(?! secret)/);
    await token.fill('wrong-integration-token');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failed = form.getByRole('alert').filter({ hasText: 'Test connection failed' });
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/Magento refused/);
    expect(page.url()).toContain('/stores'); // a store refusing a token does not end the session
    await page.screenshot({ path: path.join(SCREENSHOTS, 'magento-store-wrong-token.png'), fullPage: true });

    await token.fill(SANDBOX_MAGENTO_ACCESS_TOKEN);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByRole('status').filter({ hasText: 'Connected to “' }).waitFor();

    // Keyboard: the authentication choice is a radio group; OAuth 1.0a asks for all four values.
    await form.getByRole('radio', { name: /^Integration access token/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: /^OAuth 1\.0a/ }).isChecked()).toBe(true);
    await form.getByRole('textbox', { name: /^Consumer key/ }).fill(SANDBOX_MAGENTO_CONSUMER_KEY);
    await form.getByLabel(/^Consumer secret/).fill(SANDBOX_MAGENTO_CONSUMER_SECRET);
    await form.getByLabel(/^Access token secret/).fill(SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET);
    expect(await token.inputValue()).toBe(SANDBOX_MAGENTO_ACCESS_TOKEN); // kept from the Bearer way
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByRole('status').filter({ hasText: 'Connected to “' }).waitFor();

    // Orders: the cart checkout asks for its shipping method; direct save with the invoice off.
    await form.getByRole('radio', { name: /^Cart checkout/ }).check();
    await form.getByRole('textbox', { name: /^Shipping method/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'magento-store-connected.png'), fullPage: true });
    await form.getByRole('radio', { name: /^Direct/ }).check();
    await form.getByRole('textbox', { name: /^Order number prefix/ }).fill('MAG-');
    const invoice = form.getByRole('switch', { name: /^Invoice the order/ });
    await invoice.click({ force: true });
    await expect.poll(() => invoice.isChecked()).toBe(false);

    await form.getByRole('button', { name: 'Save store' }).click();
    await page.getByText('Store my-magento added').waitFor();
    const row = page.getByRole('row', { name: /my-magento/ });
    await row.getByText('Magento 2 / Adobe Commerce', { exact: true }).waitFor();
    expect(await row.textContent()).toContain(shopUrl);
    expect(await row.textContent()).not.toContain('/rest/');
    expect(await row.textContent()).toContain('accessTokenSecret');
    await row.getByRole('button', { name: 'Test my-magento' }).click();
    await page.getByText('my-magento: connection works').waitFor();

    // What was saved: the shop URL and the form's settings.
    const listed = await page.request.get('/api/stores');
    const saved = ((await listed.json()) as { stores: { name: string; baseUrl: string; settings: unknown }[] }).stores;
    expect(saved.find((s) => s.name === 'my-magento')).toMatchObject({
      baseUrl: shopUrl,
      settings: { storeCode: 'default', orderCreation: 'direct', incrementIdPrefix: 'MAG-', invoice: false },
    });

    // Phone: the form's fields stack in one column.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Add store' }).first().click();
    await page
      .getByRole('form', { name: 'Add store' })
      .getByLabel(/^Platform/)
      .click();
    await page.getByRole('option', { name: 'Magento 2 / Adobe Commerce' }).click();
    await page.getByRole('radio', { name: /^OAuth 1\.0a/ }).check();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'magento-store-phone.png'), fullPage: true });
  });
});
