/**
 * Linking a SKU from needs-attention, as a merchant does: "Link SKU" on a held order opens the link
 * form with the SKU filled in, the store's products are searched, one is picked, and the held order
 * goes to the store with that product. The same from an order's own page, which then shows the
 * order delivered. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../src/sandbox/amazon/product-catalog.js';
import { launchChromium } from './support/chromium.js';
import { logInAsAdmin } from './support/log-in.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const DATABASE_URL = process.env.BROWSER_DATABASE_URL;
const SCREENSHOTS = path.resolve('test-results/screenshots', DATABASE_URL ? 'postgres' : '');

let app: RunningOrderBridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The catalogue SKU an Amazon spelling stands for ("kpw cover blk" → "KPW-COVER-BLK"). */
const catalogueSkuOf = (sku: string): string | undefined =>
  PRODUCTS.find((p) => p.sku === sku || p.sku.toLowerCase().replace(/-/g, ' ') === sku)?.sku;

// The browser global used inside page.evaluate (the root tsconfig has no DOM lib).
declare const document: { getAnimations(): { playState: string }[] };

/** A screenshot once the modal's transitions are over. */
async function shot(name: string, fullPage = false) {
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running')))
    .toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}

/** Searches the store's products in the open Link SKU dialog, picks the catalogue one and links it; returns its id. */
async function linkInDialog(sku: string, catalogueSku: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: `Link SKU ${sku}` });
  await dialog.waitFor();
  expect(await dialog.getByRole('textbox', { name: /^Amazon SKU/ }).inputValue()).toBe(sku);
  await dialog.getByRole('textbox', { name: /^Search store products/ }).fill(catalogueSku.slice(0, -1));
  const option = dialog.getByRole('button', { name: new RegExp(`\\(SKU ${catalogueSku}\\)$`) });
  await option.click();
  const productRef = await dialog.getByRole('textbox', { name: /^Store product/ }).inputValue();
  await dialog.getByRole('button', { name: 'Link SKU', exact: true }).click();
  await page.getByText(new RegExp(`SKU ${sku} linked to .*held order\\(s\\) released`)).waitFor();
  await dialog.waitFor({ state: 'hidden' });
  return productRef;
}

/** Amazon PENDING orders are only reserved when released (no store order until Amazon releases them). */
const AMAZON_PENDING = new Set(['PENDING', 'PENDING_AVAILABILITY']);

/**
 * The first held order on needs-attention whose SKU is a spelling of a store product and which
 * Amazon has released (a released PENDING order correctly stays reserved, without a store order).
 */
async function heldSkuToLink(): Promise<{ sku: string; catalogueSku: string; amazonOrderId: string }> {
  const until = Date.now() + 90_000;
  for (;;) {
    for (const row of await page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /^Link SKU / }) })
      .all()) {
      const button = row.getByRole('button', { name: /^Link SKU / }).first();
      const sku = ((await button.getAttribute('aria-label')) ?? '').replace(/^Link SKU /, '');
      const catalogueSku = catalogueSkuOf(sku);
      if (!catalogueSku) continue;
      const amazonOrderId = (await row.getByRole('link').first().innerText()).trim();
      const res = await page.request.get(`/api/orders/${encodeURIComponent(amazonOrderId)}`);
      const { order } = (await res.json()) as { order: { amazonStatus: string | null } };
      if (!AMAZON_PENDING.has(order.amazonStatus ?? '')) return { sku, catalogueSku, amazonOrderId };
    }
    if (Date.now() > until) throw new Error('No order held for an unknown SKU on needs-attention within 90 s');
    await page.waitForTimeout(2000);
    await page.reload();
    await page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();
  }
}

describe(`link a SKU from needs-attention [${DATABASE_URL ? 'postgres' : 'sqlite'}]`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
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

  it('Link SKU → form prefilled → search store products → pick one → the held order is released', async () => {
    await logInAsAdmin(page, app);
    await page.getByRole('link', { name: 'Needs attention', exact: true }).click();
    await page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();

    const { sku, catalogueSku, amazonOrderId } = await heldSkuToLink();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: amazonOrderId, exact: true }) });
    await row
      .first()
      .getByRole('button', { name: `Link SKU ${sku}` })
      .click();

    const dialog = page.getByRole('dialog', { name: `Link SKU ${sku}` });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: /^Amazon SKU/ }).inputValue()).toBe(sku);
    await shot('sku-link-1-prefilled.png');

    await dialog.getByRole('textbox', { name: /^Search store products/ }).fill(catalogueSku.slice(0, -1));
    const option = dialog.getByRole('button', { name: new RegExp(`\\(SKU ${catalogueSku}\\)$`) });
    await option.waitFor();
    await shot('sku-link-2-search.png');
    await option.click();
    const productRef = await dialog.getByRole('textbox', { name: /^Store product/ }).inputValue();
    expect(productRef).toMatch(/^\d+(:\d+)?$/);
    await dialog.getByText('Selected:').waitFor();
    await dialog.getByRole('button', { name: 'Link SKU', exact: true }).click();
    await page.getByText(new RegExp(`SKU ${sku} linked to .*held order\\(s\\) released`)).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await shot('sku-link-3-linked.png');

    // The worker delivers the released order: it leaves needs-attention and reaches the store.
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`/api/orders/${encodeURIComponent(amazonOrderId)}`);
          const body = (await res.json()) as {
            order: { status: string };
            lines: Array<{ sellerSku: string | null; productRef: string | null }>;
          };
          const line = body.lines.find((l) => l.sellerSku === sku);
          return `${body.order.status} ${line?.productRef ?? 'unlinked'}`;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(`in_store ${productRef}`);
    await page.reload();
    await page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: `Link SKU ${sku}` }).count()).toBe(0);
    await shot('sku-link-4-released.png', true);
  });

  it("an order's own page: Link SKU opens the same form in a dialog, and the page shows the order delivered", async () => {
    await page.goto('/attention');
    await page.getByRole('heading', { name: 'Needs attention', exact: true }).waitFor();
    const { sku, catalogueSku, amazonOrderId } = await heldSkuToLink();
    await page.getByRole('link', { name: amazonOrderId, exact: true }).first().click();
    await page.getByRole('heading', { name: `Order ${amazonOrderId}` }).waitFor();
    const notice = page.getByRole('alert').filter({ hasText: 'This order needs your attention' });
    await notice.getByRole('button', { name: `Link SKU ${sku}`, exact: true }).click();
    expect(page.url()).toContain('/orders/'); // stays on the order's page

    const productRef = await linkInDialog(sku, catalogueSku);
    // The page refreshes itself while the released order is delivered: the line shows its product.
    await page.getByText(`Store product ${productRef}`).first().waitFor({ timeout: 60_000 });
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(0);
    await shot('sku-link-5-order-page.png', true);
  });
});
