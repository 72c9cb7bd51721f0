/**
 * Adding a Shopify store in the web app, against `start` with the Shopify demo store
 * (ORDERBRIDGE_DEMO_STORE=shopify): the shop domain is shown normalised, Test connection names the
 * shop or says what failed, the store is saved. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SHOPIFY_ACCESS_TOKEN } from '../../src/sandbox/shopify/index.js';
import { launchChromium } from './support/chromium.js';
import { logInAsAdmin } from './support/log-in.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');

let running: RunningOrderBridge;
let browser: Browser;
let page: Page;

describe(`Shopify store in chromium [${DATABASE_URL ? 'postgres' : 'sqlite'}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The process inherits this environment: `start` with the Shopify sandbox as the demo's store.
    process.env.ORDERBRIDGE_DEMO_STORE = 'shopify';
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

  it('adds a Shopify store: normalised domain, Test connection (wrong token, then right), save', async () => {
    const shopUrl = /Shopify sandbox (http:\/\/\S+)/.exec(running.output())?.[1];
    expect(shopUrl, running.output()).toBeDefined();
    await logInAsAdmin(page, running);
    await page.goto('/stores');
    await page.getByRole('button', { name: 'Add store' }).first().click();
    const form = page.getByRole('form', { name: 'Add store' });
    await form.getByLabel(/^Platform/).click();
    await page.getByRole('option', { name: 'Shopify' }).click();
    await form.getByRole('textbox', { name: /^Store name/ }).fill('my-shopify');

    const domain = form.getByRole('textbox', { name: /^Shop domain/ });
    await domain.fill('My-Shop');
    await form.getByText('https://my-shop.myshopify.com').waitFor();
    await domain.fill('shop.example.com');
    await form.getByText(/Use the shop's myshopify.com name/).waitFor();
    await domain.fill(shopUrl as string);

    // Keyboard: the authentication choice is a radio group.
    await form.getByRole('radio', { name: 'Access token' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: 'Client credentials' }).isChecked()).toBe(true);
    await form.getByText(/valid for 24 hours/).waitFor();
    await page.keyboard.press('ArrowUp');
    const token = form.getByLabel(/^Admin API access token/);
    await token.fill('shpat_wrong_token');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failed = form.getByRole('alert').filter({ hasText: 'Test connection failed' });
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/access token is not valid/);
    expect(page.url()).toContain('/stores'); // a store refusing a token does not end the session
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shopify-store-wrong-token.png'), fullPage: true });

    await token.fill(SANDBOX_SHOPIFY_ACCESS_TOKEN);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByRole('status').filter({ hasText: 'Connected to “OrderBridge Sandbox' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shopify-store-connected.png'), fullPage: true });

    await form.getByRole('button', { name: 'Save store' }).click();
    await page.getByText('Store my-shopify added').waitFor();
    const row = page.getByRole('row', { name: /my-shopify/ });
    await row.getByText('Shopify', { exact: true }).waitFor();
    expect(await row.textContent()).toContain(shopUrl);
    await row.getByRole('button', { name: 'Test my-shopify' }).click();
    await page.getByText('my-shopify: connection works').waitFor();

    // Phone: the form's fields stack in one column.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Add store' }).first().click();
    await page
      .getByRole('form', { name: 'Add store' })
      .getByLabel(/^Platform/)
      .click();
    await page.getByRole('option', { name: 'Shopify' }).click();
    await page.getByRole('radio', { name: 'Client credentials' }).check();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shopify-store-phone.png'), fullPage: true });
  });
});
