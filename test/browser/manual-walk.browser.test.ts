/**
 * The product manual, walked as a user would: log in with the credentials `npm start` printed, see
 * the demo's orders, create an account, add an Amazon connection with the keyboard alone, hit the
 * plan limit, upgrade, configure, synchronize and inspect an order. Screenshots of every stop go to
 * test-results/screenshots/.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
} from '../../src/sandbox/amazon/sandbox-constants.js';
import { launchChromium } from './support/chromium.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

// The few browser globals used inside page.evaluate callbacks (the root tsconfig has no DOM lib).
declare const document: {
  activeElement: unknown;
  body: unknown;
  querySelector(selector: string): { innerText: string } | null;
  getAnimations(): { playState: string }[];
};
declare const window: { syncSeen: string[] };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: Record<string, boolean>): void;
}

/** Set by scripts/test-browser.mjs for the PostgreSQL run (a fresh schema); absent: SQLite, the quick start. */
const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const DIALECT = DATABASE_URL ? 'postgres' : 'sqlite';
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');
const ACCOUNT = 'Acme Trading';
const CONNECTION = 'acme-de';

let app: RunningOrderBridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let startedAt = 0;
/** The id in /connections/:id of the connection the wizard creates. */
let connectionPath = '';

/**
 * Form controls on the page without an accessible name (aria-label, aria-labelledby, a <label>
 * for or around them, or a title): "every form control labelled" is checked on every page shot.
 * A string, so the browser code needs no DOM types here.
 */
const UNLABELLED_CONTROLS = `(() => {
  const controls = document.querySelectorAll(
    'input:not([type=hidden]), textarea, select, [role=combobox], [role=switch], [role=checkbox], [role=radio], [role=slider]',
  );
  const named = (el) => {
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    const by = el.getAttribute('aria-labelledby');
    if (by && by.split(/\\s+/).some((id) => (document.getElementById(id)?.textContent || '').trim())) return true;
    if (el.id && [...document.querySelectorAll('label')].some((l) => l.htmlFor === el.id && l.textContent.trim())) return true;
    if (el.closest('label')?.textContent.trim()) return true;
    return Boolean((el.getAttribute('title') || '').trim());
  };
  return [...controls]
    .filter((el) => el.getClientRects().length > 0 && !named(el))
    .map((el) => el.outerHTML.slice(0, 120));
})()`;

/** Screenshots without a hover effect (tooltips) from the last click and, unless kept, without toasts. */
async function shot(name: string, { fullPage = false, keepToasts = false } = {}) {
  await page.mouse.move(1279, 859);
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  // A toast may close by itself (after 6 s) between count() and click().
  while (!keepToasts && (await dismiss.count()) > 0)
    await dismiss
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  expect(await page.evaluate<string[]>(UNLABELLED_CONTROLS), `unlabelled controls on ${name}`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}

/** Presses Tab until `target` (or one of the elements it matches) has the focus, as a keyboard user does. */
async function tabTo(target: Locator, max = 60) {
  for (let i = 0; i <= max; i++) {
    if (await target.evaluateAll((els) => els.some((el) => el === document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${max} × Tab did not reach ${target.toString()}`);
}

/** Focused (by keyboard), so the next key goes there. */
const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement);

let broken: string | null = null;

/**
 * One stop of the walk. Each builds on the one before, so after a failure the rest are skipped
 * (instead of failing with confusing timeouts); a failure leaves FAILED-<stop>.png behind.
 */
function step(title: string, body: () => Promise<void> | void) {
  it(title, async (ctx) => {
    if (broken) ctx.skip(`an earlier stop failed: ${broken}`);
    try {
      await body();
    } catch (e) {
      broken = title;
      await page
        ?.screenshot({ path: path.join(SCREENSHOTS, `FAILED-${title.split('.')[0]}.png`), fullPage: true })
        .catch(() => undefined);
      throw e;
    }
  });
}

/** A number shown in an element ("1,234" → 1234). */
const numberIn = async (l: Locator) => Number((await l.innerText()).replace(/[^\d]/g, '') || 'NaN');

describe(`the manual, walked in chromium [${DIALECT}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const f of readdirSync(SCREENSHOTS)) if (f.startsWith('FAILED-')) rmSync(path.join(SCREENSHOTS, f));
    startedAt = Date.now();
    app = await startOrderBridge(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {});
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: app.baseUrl });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  step('1. npm start printed the first administrator credentials', () => {
    expect(app.admin.email).toMatch(/^\S+@\S+$/);
    expect(app.admin.password.length).toBeGreaterThanOrEqual(8);
  });

  step('2. logs in and sees the demo orders within a minute of start', async () => {
    await page.goto('/login');
    await page.getByRole('textbox', { name: /^Email/ }).fill(app.admin.email);
    await page.getByLabel(/^Password/).fill(app.admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).first().waitFor();

    // The dashboard's "Orders" card counts imported orders; the demo imports its 120 within seconds.
    const ordersValue = page.getByRole('region', { name: 'Orders', exact: true }).locator('p').first();
    for (;;) {
      await ordersValue.waitFor();
      const n = await numberIn(ordersValue);
      if (n > 0) break;
      if (Date.now() - startedAt > 60_000) throw new Error('No demo orders on the dashboard 60 s after start');
      await page.waitForTimeout(1000);
      await page.reload();
    }
    expect(Date.now() - startedAt).toBeLessThan(60_000);
    console.log(`demo orders on the dashboard ${((Date.now() - startedAt) / 1000).toFixed(1)} s after start`);
    await page.getByRole('region', { name: 'Connections', exact: true }).first().waitFor();
    await shot('01-dashboard.png');
  });

  step('3. creates the account "Acme Trading" (Free plan) and switches into it', async () => {
    // One Amazon seller account + marketplace has one active order connection per installation: the
    // demo's connection uses the sandbox seller on Amazon.de, which Acme Trading connects below.
    await page.goto('/connections');
    await page
      .getByRole('table', { name: 'Connections' })
      .getByRole('link', { name: 'sandbox-demo', exact: true })
      .click();
    await page.getByRole('heading', { name: 'sandbox-demo' }).waitFor();
    await page.getByRole('switch', { name: 'Activate Order Synchronization' }).click();
    await page.getByText('Order synchronization disabled').waitFor();
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    const form = page.getByRole('form', { name: 'Create account' });
    await form.getByRole('textbox', { name: /^Account name/ }).fill(ACCOUNT);
    await form.getByRole('checkbox', { name: /first user/ }).uncheck();
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByText(`Account ${ACCOUNT} created`).waitFor();
    const plan = page.getByRole('combobox', { name: `Plan of ${ACCOUNT}` });
    await expect.poll(() => plan.inputValue()).toBe('Free');
    // Plans are data the administrator edits: the Free plan shows no order connections.
    const plans = page.getByRole('table', { name: 'Plans' });
    await expect.poll(() => plans.getByRole('textbox', { name: 'Name of Free' }).inputValue()).toBe('Free');
    expect(await plans.getByRole('switch', { name: 'Order connections in Free' }).isChecked()).toBe(false);
    await shot('02-admin.png', { keepToasts: true, fullPage: true });

    await page.getByRole('button', { name: `Switch to account ${ACCOUNT}` }).click();
    await page.getByText(`Now working in ${ACCOUNT}`).waitFor();
    await page.getByRole('banner').getByText(ACCOUNT).waitFor();
  });

  step('4. adds the Amazon connection with the keyboard alone', async () => {
    await page.getByRole('link', { name: 'Connections', exact: true }).click();
    await page.getByText('No connections yet').waitFor();
    const add = page.getByRole('link', { name: 'Add connection' });
    await tabTo(add);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Add connection' }).waitFor();

    // Step 1: channel.
    const amazon = page.getByRole('radio', { name: 'Amazon (Selling Partner API)' });
    await tabTo(amazon);
    await page.keyboard.press('Space');
    expect(await amazon.isChecked()).toBe(true);
    await tabTo(page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    // Step 2: Amazon endpoint, marketplace, seller, name.
    const endpoint = page.getByRole('radiogroup', { name: /^Amazon endpoint/ });
    await endpoint.waitFor();
    const sandbox = endpoint.getByRole('radio', { name: /^Built-in Amazon sandbox/ });
    expect(await endpoint.getByRole('radio', { name: /^Amazon \(production\)/ }).count()).toBe(1);
    // Tab enters the group on its checked radio; the arrow keys move (and check) within it.
    await tabTo(endpoint.getByRole('radio'));
    for (let i = 0; i < 3 && !(await sandbox.isChecked()); i++) {
      await page.keyboard.press((await hasFocus(sandbox)) ? 'Space' : 'ArrowDown');
    }
    expect(await sandbox.isChecked()).toBe(true);
    const marketplace = page.getByRole('combobox', { name: /^Marketplace/ });
    await tabTo(marketplace);
    await page.keyboard.type('Amazon.de');
    await page.getByRole('option', { name: /Amazon\.de/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => marketplace.inputValue()).toMatch(/Amazon\.de|Germany/);
    await page.keyboard.press('Tab');
    const sellerId = page.getByRole('textbox', { name: /^Seller ID/ });
    await tabTo(sellerId);
    await page.keyboard.type(SANDBOX_SELLER_ID);
    const name = page.getByRole('textbox', { name: /^Connection name/ });
    await tabTo(name);
    await page.keyboard.type(CONNECTION);
    await tabTo(page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    // Step 3: the SP-API credentials (nothing is saved yet).
    const method = page.getByRole('radiogroup', { name: /^Authorisation/ });
    await method.waitFor();
    const byToken = method.getByRole('radio', { name: /^Enter SP-API credentials/ });
    await tabTo(method.getByRole('radio'));
    for (let i = 0; i < 3 && !(await byToken.isChecked()); i++) {
      await page.keyboard.press((await hasFocus(byToken)) ? 'Space' : 'ArrowDown');
    }
    expect(await byToken.isChecked()).toBe(true);
    // The sandbox's public app credentials are filled in; the seller's refresh token is typed.
    expect(await page.getByLabel(/^LWA client ID/).inputValue()).toBe(SANDBOX_CLIENT_ID);
    expect(await page.getByLabel(/^LWA client secret/).inputValue()).toBe(SANDBOX_CLIENT_SECRET);
    const refreshToken = page.getByLabel(/^Refresh token/);
    await tabTo(refreshToken);
    await page.keyboard.type(SANDBOX_REFRESH_TOKEN);
    expect(await refreshToken.inputValue()).toBe(SANDBOX_REFRESH_TOKEN);
    await tabTo(page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    // Step 4: create it (activation stays off here: step 5 shows the plan refusal); it is tested at once.
    const create = page.getByRole('button', { name: 'Create connection' });
    await create.waitFor();
    await tabTo(create);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Connection works' }).waitFor({ timeout: 30_000 });
    await shot('03-wizard.png');
    await tabTo(page.getByRole('button', { name: 'Open the connection' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: CONNECTION }).waitFor();
    connectionPath = new URL(page.url()).pathname;
    expect(connectionPath).toMatch(/^\/connections\/[^/]+$/);
  });

  step('5. activation is refused on the Free plan; after upgrading to Business it is active', async () => {
    const toggle = page.getByRole('switch', { name: 'Activate Order Synchronization' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Your plan does not allow this' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Business');
    expect(await toggle.isChecked()).toBe(false);
    await shot('04-plan-refused.png');

    await refusal.getByRole('link', { name: 'View plans and upgrade' }).click();
    await page.getByRole('heading', { name: 'Plan', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Switch to this plan: Business' }).click();
    await page.getByText('Plan changed to Business').waitFor();
    await page.getByRole('heading', { name: 'Business', exact: true }).waitFor();
    await shot('05-plan.png');

    await page.goBack();
    await page.getByRole('heading', { name: CONNECTION }).waitFor();
    expect(new URL(page.url()).pathname).toBe(connectionPath);
    await toggle.click();
    await page.getByText('Order synchronization activated').waitFor();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByRole('heading', { name: CONNECTION }).locator('..').getByText('Active').first().waitFor();
  });

  step('6. saves two Orders Configuration options, and they survive a reload', async () => {
    const form = page.getByRole('form', { name: 'Orders Configuration' });
    const shipping = form.getByRole('textbox', { name: 'Default Order Shipping method' });
    await shipping.fill('DHL Paket');
    const policy = form.getByRole('combobox', { name: 'Unknown SKU policy' });
    await policy.click();
    await page.getByRole('option', { name: 'Import with an unlinked line' }).click();
    await expect.poll(() => policy.inputValue()).toBe('Import with an unlinked line');
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/api/connections/'),
    );
    await form.getByRole('button', { name: 'Save configuration' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Orders Configuration saved').waitFor();

    await page.reload();
    await form.waitFor();
    await expect.poll(() => shipping.inputValue()).toBe('DHL Paket');
    await expect.poll(() => policy.inputValue()).toBe('Import with an unlinked line');
    const api = await page.request.get(`/api${connectionPath}`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { name: string; config: Record<string, unknown> };
    expect(body.name).toBe(CONNECTION);
    expect(body.config).toMatchObject({ defaultOrderShippingMethod: 'DHL Paket', unknownSkuPolicy: 'import_unlinked' });
    await shot('06-orders-configuration.png', { fullPage: true });
  });

  step(
    '6b. Connect with Amazon: the consent page, Confirm, back on the connection with a new refresh token',
    async () => {
      const stored = page.getByRole('table', { name: 'Stored credentials' });
      const hintBefore = await stored.getByRole('row', { name: /Refresh token/ }).innerText();
      await page.getByRole('button', { name: 'Connect with Amazon' }).click();
      // Amazon's consent page (the sandbox's, on its own origin).
      await page.getByRole('heading', { name: /Authorize .* to access your selling account/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/apps/authorize/consent');
      await shot('06b-amazon-consent.png');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Connected with Amazon').waitFor();
      expect(`${new URL(page.url()).pathname}`).toBe(connectionPath);
      const hintAfter = await stored.getByRole('row', { name: /Refresh token/ }).innerText();
      expect(hintAfter).toMatch(/\*{4}/);
      expect(hintAfter).not.toBe(hintBefore);
    },
  );

  step('7. "Synchronize Orders" shows live progress, then a summary', async () => {
    // Everything the "Sync progress" region shows, as it changes (the sandbox is fast: a poll may see only a moment).
    await page.evaluate(() => {
      const seen: string[] = [];
      window.syncSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[aria-label="Sync progress"]')?.innerText;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Synchronize Orders' }).click();
    const progress = page.getByLabel('Sync progress');
    await progress.getByText('Status:').waitFor();
    const finished = progress.getByRole('alert').filter({ hasText: /Sync (finished|failed)/ });
    await finished.waitFor({ timeout: 90_000 });
    const summary = await finished.innerText();
    expect(summary).toContain('Sync finished');
    const seen = Number(/(\d+) orders seen/.exec(summary)?.[1] ?? 0);
    expect(seen).toBeGreaterThan(0);
    expect(await numberIn(progress.getByLabel('Orders seen'))).toBe(seen);
    const seenTexts = await page.evaluate(() => window.syncSeen);
    const live = seenTexts.filter((t) => !t.includes('Sync finished'));
    expect(live.length, 'the region showed a state before the summary').toBeGreaterThan(0);
    expect(live.join('\n')).toMatch(/Status:\s*(QUEUED|RUNNING)/i);
    console.log(`sync progress as shown:\n${seenTexts.map((t) => `  ${t.replace(/\s+/g, ' ')}`).join('\n')}`);
    await progress.scrollIntoViewIfNeeded();
    await shot('07-sync.png');
  });

  step('8. an Unshipped order of the connection: items, totals and the import event', async () => {
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    const connection = page.getByRole('combobox', { name: 'Connection' });
    await connection.click();
    await page.getByRole('option', { name: CONNECTION }).click();
    const amazonStatus = page.getByRole('combobox', { name: 'Amazon status' });
    await amazonStatus.click();
    await page.getByRole('option', { name: 'Unshipped', exact: true }).click();
    const table = page.getByRole('table', { name: 'Orders' });
    await expect.poll(() => new URL(page.url()).searchParams.get('amazonStatus')).toBe('UNSHIPPED');
    expect(new URL(page.url()).searchParams.get('connection')).toBeTruthy();
    const rows = table.locator('tbody tr');
    // The list shows the previous result until the filtered one arrives: wait until every row matches.
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        // The account has one connection, so the list leaves the Connection column out.
        return texts.length > 0 && texts.every((t) => t.includes('Unshipped'));
      })
      .toBe(true);
    const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
    const listTotal = (await rows.first().locator('td').nth(headers.indexOf('Total')).innerText()).trim();
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: /^Order / }).waitFor();

    const items = page.getByRole('table', { name: 'Items' });
    const itemRows = items.locator('tbody tr');
    await itemRows.first().waitFor();
    const cells = itemRows.first().locator('td');
    expect((await cells.nth(0).innerText()).trim()).toMatch(/\S/);
    expect(Number((await cells.nth(3).innerText()).trim().split('\n')[0])).toBeGreaterThan(0);
    expect(await cells.nth(4).innerText()).toMatch(/\d+[.,]\d{2}/);

    const totals = page.getByRole('table', { name: 'Order totals' });
    const amount = (label: string) =>
      totals
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
        .locator('td')
        .innerText()
        .then((t) => t.trim());
    const money = /^\d+\.\d{2} EUR$/;
    for (const label of ['Net', 'Tax', 'Gross (store order total)']) expect(await amount(label)).toMatch(money);
    const gross = await amount('Gross (store order total)');
    expect(await amount('Amazon’s order total')).toBe(gross);
    expect(listTotal).toBe(gross);

    const events = page.getByRole('list', { name: 'Timeline events' });
    const imported = events.getByRole('listitem').filter({ hasText: 'Imported from Amazon' });
    await imported.first().waitFor();
    expect(await imported.first().innerText()).toContain('Amazon → OrderBridge');
    await shot('08-order-details.png', { fullPage: true });
  });

  step('9. needs attention, sync runs, and the orders list on a phone', async () => {
    await page.getByRole('link', { name: 'Needs attention' }).click();
    await page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();
    await page
      .getByRole('table', { name: 'Orders that need attention' })
      .or(page.getByText('Nothing needs your attention'))
      .first()
      .waitFor();
    await shot('09-needs-attention.png');

    await page.getByRole('link', { name: 'Sync runs' }).click();
    const runs = page.getByRole('table', { name: 'Sync runs' });
    await runs.locator('tbody tr').first().waitFor();
    expect((await runs.locator('tbody').innerText()).includes(CONNECTION)).toBe(true);
    await shot('10-sync-runs.png');

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      baseURL: app.baseUrl,
      storageState: await context.storageState(),
      isMobile: true,
      hasTouch: true,
    });
    try {
      const p = await phone.newPage();
      await p.goto('/orders');
      await p.getByRole('table', { name: 'Orders' }).locator('tbody tr').first().waitFor();
      const nav = p.getByRole('navigation', { name: 'Main', exact: true });
      // Collapsed on a phone: the navbar is moved off-screen to the left.
      const onScreen = async () => {
        const box = await nav.boundingBox();
        return box !== null && box.x + box.width > 0;
      };
      expect(await onScreen()).toBe(false);
      await p.screenshot({ path: path.join(SCREENSHOTS, '11-phone-orders.png') });
      await p.getByRole('button', { name: 'Open navigation' }).click();
      await nav.getByRole('link', { name: 'Orders' }).waitFor();
      await expect.poll(onScreen).toBe(true);
      // Let the slide-in transition finish before the screenshot.
      await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await p.getByRole('button', { name: 'Close navigation' }).waitFor();
      await p.screenshot({ path: path.join(SCREENSHOTS, '12-phone-navigation.png') });
    } finally {
      await phone.close();
    }
  });
});
