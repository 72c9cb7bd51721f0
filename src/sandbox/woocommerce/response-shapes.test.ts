/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- assertions on raw REST JSON */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooSandbox, type StartedWooSandbox } from './index.js';
import { germanOrderBody, wooFetcher } from './woo-sandbox.test-support.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/woocommerce/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const missing = (official: object, ours: object): string[] => Object.keys(official).filter((k) => !(k in ours));

let started: StartedWooSandbox;
let call: ReturnType<typeof wooFetcher>;
beforeAll(async () => {
  started = await startWooSandbox();
  call = wooFetcher(`${started.url}/wp-json`);
});
afterAll(() => started.close());

describe('responses carry every field of the official examples (test/fixtures/woocommerce)', () => {
  it('orders, line items, shipping and tax lines, notes', async () => {
    const id = started.sandbox.getStock('BOTTLE-750-SS').productId;
    const order = (await call('POST', '/wc/v3/orders', germanOrderBody(id))).body;
    const official = fixture('orders.create.response.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(missing(official, order)).toEqual([]);
    expect(missing(official.line_items[0], order.line_items[0])).toEqual([]);
    expect(missing(official.shipping_lines[0], order.shipping_lines[0])).toEqual([]);
    expect(missing(official.tax_lines[0], order.tax_lines[0])).toEqual([]);
    const note = (await call('POST', `/wc/v3/orders/${order.id}/notes`, { note: 'x' })).body;
    expect(missing(fixture('order-notes.create.response.json'), note)).toEqual([]);
  });

  it('products and variations', async () => {
    const s = started.sandbox.getStock('TSHIRT-ORG-M');
    const simple = started.sandbox.getStock('BOTTLE-750-SS');
    const product = (await call('GET', `/wc/v3/products/${simple.productId}`)).body;
    expect(missing(fixture('products.get.response.json'), product)).toEqual([]);
    const variation = (await call('GET', `/wc/v3/products/${s.productId}/variations/${s.variationId}`)).body;
    expect(missing(fixture('variations.get.response.json'), variation)).toEqual([]);
  });
});
