/**
 * The Add connection wizard and the merchant-facing details around it, in chromium against a real
 * `start` process (its demo connection uses the sandbox seller on Amazon.de): the marketplace found
 * by its country's own name, a seller account already connected refused at the Seller ID step,
 * Activate on the last step, no connection left by an abandoned wizard (checked through the API),
 * times in a Berlin browser with UTC on hover, and a phone layout whose row actions stay visible.
 * Screenshots go to test-results/screenshots/wizard-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
} from '../../src/sandbox/amazon/sandbox-constants.js';
import { launchChromium } from './support/chromium.js';
import { logInAsAdmin } from './support/log-in.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');
/** A second seller account: free on every marketplace. */
const OTHER_SELLER = 'A3OTHERSELLER42';

let app: RunningOrderBridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The two sizes of a DOM element read here (the root tsconfig has no DOM lib). */
interface Box {
  scrollWidth: number;
  clientWidth: number;
}

const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `wizard-${name}.png`), fullPage });

interface ConnectionRow {
  id: string;
  name: string;
  active: boolean;
  sellerId: string;
}
const connections = async (): Promise<ConnectionRow[]> => {
  const res = await page.request.get('/api/connections');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { connections: ConnectionRow[] }).connections;
};

/** Opens the wizard on its Marketplace step with the built-in sandbox chosen. */
async function openMarketplaceStep() {
  await page.goto('/connections/new');
  await page.getByRole('heading', { name: 'Add connection' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /^Built-in Amazon sandbox/ }).check();
}

async function chooseMarketplace(typed: string, option: RegExp) {
  const marketplace = page.getByRole('combobox', { name: /^Marketplace/ });
  await marketplace.click();
  await marketplace.fill(typed);
  const found = page.getByRole('option', { name: option });
  await found.waitFor();
  return { marketplace, found };
}

async function fillSeller(sellerId: string, name: string) {
  await page.getByRole('textbox', { name: /^Seller ID/ }).fill(sellerId);
  await page.getByRole('textbox', { name: /^Connection name/ }).fill(name);
  await page.getByRole('button', { name: 'Next' }).click();
}

describe(`the Add connection wizard in chromium [${DATABASE_URL ? 'postgres' : 'sqlite'}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startOrderBridge(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {});
    browser = await launchChromium();
    // A browser in Berlin: times must be shown in its zone, not in UTC.
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      baseURL: app.baseUrl,
      timezoneId: 'Europe/Berlin',
      locale: 'de-DE',
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await logInAsAdmin(page, app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('finds Amazon.de by "Deutschland" and Amazon.es by "Espana" (accents optional)', async () => {
    await openMarketplaceStep();
    const { marketplace, found } = await chooseMarketplace('Deutschland', /Amazon\.de/);
    expect(await page.getByRole('option').count()).toBe(1);
    await shot('01-search-deutschland');
    await marketplace.fill('Espana');
    await page.getByRole('option', { name: /Amazon\.es/ }).waitFor();
    await marketplace.fill('Deutschland');
    await found.click();
    await expect.poll(() => marketplace.inputValue()).toMatch(/^Amazon\.de/);
  });

  it('refuses at the Seller ID step a seller account + marketplace that is already connected', async () => {
    const demo = (await connections()).find((c) => c.sellerId === SANDBOX_SELLER_ID && c.active);
    expect(demo, 'the demo connection').toBeDefined();
    await fillSeller(SANDBOX_SELLER_ID, 'Second DE');
    const sellerId = page.getByRole('textbox', { name: /^Seller ID/ });
    const refusal = page.getByRole('alert').filter({ hasText: /already/i });
    await refusal.waitFor();
    expect(await sellerId.getAttribute('aria-invalid')).toBe('true');
    const link = page.getByRole('link', { name: 'Open the existing connection' });
    expect(await link.getAttribute('href')).toBe(`/connections/${demo?.id}`);
    // Still on the Seller ID step.
    expect(await page.getByRole('radiogroup', { name: /^Authorisation/ }).count()).toBe(0);
    await shot('02-seller-already-connected');
  });

  it('activates on the last step: nothing is created before; created, tested, then active', async () => {
    const before = (await connections()).length;
    await page.getByRole('textbox', { name: /^Seller ID/ }).fill(OTHER_SELLER);
    await page.getByRole('textbox', { name: /^Connection name/ }).fill('Amazon DE two');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: /^Enter SP-API credentials/ }).check();
    expect(await page.getByLabel(/^LWA client ID/).inputValue()).toBe(SANDBOX_CLIENT_ID);
    await page.getByLabel(/^Refresh token/).fill(SANDBOX_REFRESH_TOKEN);
    await page.getByRole('button', { name: 'Next' }).click();
    const activate = page.getByRole('switch', { name: /^Activate order synchronization/ });
    await activate.check();
    expect((await connections()).length).toBe(before);
    await shot('03-activate-at-the-end');
    await page.getByRole('button', { name: 'Create connection' }).click();
    await page.getByText('Connection created').waitFor();
    // Tested first (PRODUCT.md §4), then activated.
    await page.getByRole('status').filter({ hasText: 'Connection works' }).waitFor();
    await page.getByText('order synchronization is active').waitFor();
    const created = (await connections()).find((c) => c.name === 'Amazon DE two');
    expect(created).toMatchObject({ active: true, sellerId: OTHER_SELLER });
  });

  it('leaves no connection when the wizard is abandoned, also after leaving for Connect with Amazon', async () => {
    const names = async () => (await connections()).map((c) => c.name);
    // Abandoned on the last step: cancelled.
    await openMarketplaceStep();
    const { found } = await chooseMarketplace('France', /Amazon\.fr/);
    await found.click();
    await fillSeller(OTHER_SELLER, 'Abandoned FR');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create and connect with Amazon' }).waitFor();
    await page.getByRole('link', { name: /^Cancel and go back to connections/ }).click();
    await page.getByRole('heading', { name: 'Connections', exact: true }).waitFor();
    expect(await names()).not.toContain('Abandoned FR');

    // Sent to Amazon's consent page, then back to the wizard instead of confirming.
    await openMarketplaceStep();
    const again = await chooseMarketplace('Italia', /Amazon\.it/);
    await again.found.click();
    await fillSeller(OTHER_SELLER, 'Abandoned IT');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create and connect with Amazon' }).click();
    await page.getByRole('heading', { name: /Authorize .* to access your selling account/ }).waitFor();
    expect(await names()).toContain('Abandoned IT');
    await page.goBack();
    await page.getByRole('heading', { name: 'Add connection' }).waitFor();
    await expect.poll(names).not.toContain('Abandoned IT');
  });

  it('shows times in the browser’s time zone (Berlin) with UTC on hover', async () => {
    await page.goto('/orders');
    const time = page.getByRole('table', { name: 'Orders' }).locator('time').first();
    await time.waitFor();
    const iso = (await time.getAttribute('datetime')) ?? '';
    const title = (await time.getAttribute('title')) ?? '';
    const shown = await time.innerText();
    const utc = new Date(iso);
    expect(title).toBe(`${utc.toISOString().slice(0, 10)} ${utc.toISOString().slice(11, 19)} UTC`);
    const berlin = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(utc);
    expect(shown).toContain(berlin);
    expect(shown).not.toContain('UTC');
    await time.hover();
    await shot('04-times-in-berlin');

    // The Orders Configuration's "Sync orders from" is entered in the browser's time zone too.
    const created = (await connections()).find((c) => c.name === 'Amazon DE two');
    const saved = await page.request.get(`/api/connections/${created?.id}`);
    const syncFrom = new Date(((await saved.json()) as { config: { syncFromDate: string } }).config.syncFromDate);
    await page.goto(`/connections/${created?.id}`);
    const input = page.getByLabel(/^Sync orders from/);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(syncFrom)
      .replace(' ', 'T');
    await expect.poll(() => input.inputValue()).toBe(local);
  });

  it('keeps each row’s action visible on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByRole('textbox', { name: /^Token name/ }).fill('ERP import on the warehouse PC');
    await page.getByRole('button', { name: 'Create token' }).click();
    const revoke = page.getByRole('button', { name: 'Revoke token ERP import on the warehouse PC' });
    await revoke.waitFor();
    // The table is wider than the phone and scrolls sideways; its action column stays in view.
    const scroller = page.getByRole('table', { name: 'API tokens' }).locator('xpath=../..');
    const widths = await scroller.evaluate((el) => [(el as Box).scrollWidth, (el as Box).clientWidth]);
    expect(widths[0]).toBeGreaterThan(widths[1] ?? Infinity);
    const box = await revoke.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await page
      .getByRole('button', { name: 'Dismiss' })
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await shot('05-phone-row-actions');
  });
});
