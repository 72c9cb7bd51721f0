import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedMagentoSandbox } from '../../sandbox/magento2/index.js';
import { send } from '../shopify/shopify-http.js';
import type { MagentoTransport } from './magento2.client.js';
import type { Magento2Connector } from './magento2.connector.js';
import { STOCK_LOG_ATTRIBUTE } from './magento2-stock.ledger.js';
import { connectorFor, must, startStore } from './magento2.test-support.js';

let started: StartedMagentoSandbox;
let connector: Magento2Connector;
const BOTTLE = 'BOTTLE-750-SS';
const SHOE = 'SHOE-AIRZ-44'; // a simple child of the configurable SHOE-AIRZ

beforeAll(async () => {
  ({ started, connector } = await startStore());
});
afterAll(() => started.close());

const ledger = (sku: string): { k: string; s: string }[] =>
  JSON.parse(started.sandbox.customAttribute(sku, STOCK_LOG_ATTRIBUTE) ?? '[]') as { k: string; s: string }[];

describe('products', () => {
  it('finds a configurable’s simple child by SKU (case-insensitively, as Magento) and by its ean attribute', async () => {
    const bySku = must(await connector.findProducts('sku', [SHOE, 'bottle-750-ss', 'NOPE']));
    expect(bySku.get(SHOE)).toMatchObject({ ref: SHOE, sku: SHOE, available: 100 });
    expect(bySku.get('bottle-750-ss')?.ref).toBe(BOTTLE);
    expect(bySku.has('NOPE')).toBe(false);
    const ean = started.sandbox.customAttribute(SHOE, 'ean') ?? '';
    const byEan = must(await connector.findProducts('ean', [ean]));
    expect(byEan.get(ean)?.ref).toBe(SHOE);
    expect(must(await connector.findProducts('custom:ean', [ean])).get(ean)?.ref).toBe(SHOE);
  });

  it('never returns a configurable parent; findProductByRef and searchProducts', async () => {
    expect(must(await connector.findProducts('sku', ['SHOE-AIRZ'])).size).toBe(0);
    expect(must(await connector.findProductByRef('SHOE-AIRZ'))).toBeNull();
    expect(must(await connector.findProductByRef('NOPE'))).toBeNull();
    expect(must(await connector.findProductByRef(BOTTLE))?.name).toContain('Water Bottle');
    const found = must(await connector.searchProducts('Running Shoes', 5));
    expect(found.map((p) => p.ref)).toEqual([SHOE]);
  });

  it('refuses an attribute that is no attribute code', async () => {
    const res = await connector.findProducts('ean; drop', ['1']);
    expect(res.ok ? null : res.error.code).toBe('magento2_attribute_invalid');
  });
});

describe('stock', () => {
  it('readStock is the salable quantity; adjustStock applies a key once (default source: one PUT)', async () => {
    const start = started.sandbox.getStock(BOTTLE);
    expect(must(await connector.readStock([BOTTLE, 'NOPE'])).get(BOTTLE)).toBe(started.sandbox.salableQuantity(BOTTLE));
    expect(must(await connector.adjustStock(BOTTLE, -2, 'k-default-1'))).toBe(start - 2);
    expect(must(await connector.adjustStock(BOTTLE, -2, 'k-default-1'))).toBe(start - 2);
    expect(must(await connectorFor(started).adjustStock(BOTTLE, -2, 'k-default-1'))).toBe(start - 2);
    expect(started.sandbox.getStock(BOTTLE)).toBe(start - 2);
    expect(ledger(BOTTLE)).toContainEqual({ k: 'k-default-1', s: 'done' });
  });

  it('another source: a crash after the ledger says pending and before the write → the re-run writes once', async () => {
    const sku = 'TEA_GREEN_100';
    started.sandbox.setStock(sku, 40, 'eu_warehouse');
    const crashing: MagentoTransport = (url, init) =>
      url.pathname.endsWith('/V1/inventory/source-items') && init.method === 'POST'
        ? Promise.reject(new Error('connection reset'))
        : send(url, init, { timeoutMs: 20_000 });
    const first = await connectorFor(started, {
      settings: { sourceCode: 'eu_warehouse' },
      transport: crashing,
    }).adjustStock(sku, -5, 'k-eu-1');
    expect(first.ok).toBe(false);
    expect(ledger(sku)).toContainEqual({ k: 'k-eu-1', s: 'pending', f: 40, t: 35 });
    expect(started.sandbox.getStock(sku, 'eu_warehouse')).toBe(40);
    const eu = connectorFor(started, { settings: { sourceCode: 'eu_warehouse' } });
    expect(must(await eu.adjustStock(sku, -5, 'k-eu-1'))).toBe(35);
    expect(must(await eu.adjustStock(sku, -5, 'k-eu-1'))).toBe(35);
    expect(started.sandbox.getStock(sku, 'eu_warehouse')).toBe(35);
  });

  it('another source: a crash after the write (ledger still pending) → the re-run only marks it done', async () => {
    const sku = 'LEGO-10698';
    started.sandbox.setStock(sku, 20, 'eu_warehouse');
    let wrote = false;
    const crashing: MagentoTransport = async (url, init) => {
      if (wrote && init.method === 'PUT') throw new Error('connection reset');
      const answer = await send(url, init, { timeoutMs: 20_000 });
      if (url.pathname.endsWith('/V1/inventory/source-items') && init.method === 'POST') wrote = true;
      return answer;
    };
    const settings = { sourceCode: 'eu_warehouse' };
    expect((await connectorFor(started, { settings, transport: crashing }).adjustStock(sku, 3, 'k-eu-2')).ok).toBe(
      false,
    );
    expect(started.sandbox.getStock(sku, 'eu_warehouse')).toBe(23);
    expect(must(await connectorFor(started, { settings }).adjustStock(sku, 3, 'k-eu-2'))).toBe(23);
    expect(started.sandbox.getStock(sku, 'eu_warehouse')).toBe(23);
    expect(ledger(sku)).toContainEqual(expect.objectContaining({ k: 'k-eu-2', s: 'done' }));
  });

  it('another source changed by someone between the crash and the re-run: the delta is applied to what is there, once', async () => {
    const sku = 'BITSET-100';
    started.sandbox.setStock(sku, 10, 'eu_warehouse');
    const crashing: MagentoTransport = (url, init) =>
      url.pathname.endsWith('/V1/inventory/source-items') && init.method === 'POST'
        ? Promise.reject(new Error('connection reset'))
        : send(url, init, { timeoutMs: 20_000 });
    const settings = { sourceCode: 'eu_warehouse' };
    await connectorFor(started, { settings, transport: crashing }).adjustStock(sku, -1, 'k-eu-3');
    started.sandbox.setStock(sku, 7, 'eu_warehouse'); // the merchant sold 3 meanwhile
    expect(must(await connectorFor(started, { settings }).adjustStock(sku, -1, 'k-eu-3'))).toBe(6);
    expect(must(await connectorFor(started, { settings }).adjustStock(sku, -1, 'k-eu-3'))).toBe(6);
  });

  it('the ledger attribute is created once and assigned to the attribute set', () => {
    expect(started.sandbox.attributes.get(STOCK_LOG_ATTRIBUTE)).not.toBeNull();
    expect(started.sandbox.attributes.inSet(4, STOCK_LOG_ATTRIBUTE)).toBe(true);
  });
});
