/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- assertions on raw REST JSON */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWooSandbox, type StartedWooSandbox } from './index.js';
import { germanOrderBody, wooFetcher } from './woo-sandbox.test-support.js';

let started: StartedWooSandbox;
let call: ReturnType<typeof wooFetcher>;
let bottleId: number;

beforeAll(async () => {
  started = await startWooSandbox({ seed: 7 });
  call = wooFetcher(`${started.url}/wp-json`);
});
afterAll(() => started.close());
beforeEach(() => {
  started.sandbox.reset();
  bottleId = started.sandbox.getStock('BOTTLE-750-SS').productId;
});

describe('POST /orders — taxes are the store’s, never the client’s (pitfall 1)', () => {
  it('recomputes line, shipping and order tax from the DE 19 % rate, rounding per line', async () => {
    const body = germanOrderBody(bottleId, {
      line_items: [{ product_id: bottleId, quantity: 2, subtotal: '20.01', total: '20.01', total_tax: '99.00' }],
    });
    const res = await call('POST', '/wc/v3/orders', body);
    expect(res.status).toBe(201);
    const o = res.body;
    expect(o.line_items[0].total_tax).toBe('3.80'); // 20.01 × 19 % = 3.8019
    expect(o.shipping_lines[0].total_tax).toBe('0.95'); // 4.99 × 19 % = 0.9481
    expect(o.fee_lines[0].total_tax).toBe('0.00'); // tax_status none
    expect(o.total_tax).toBe('4.75');
    expect(o.total).toBe('29.80'); // 20.01 + 4.99 + 0.05 + 4.75
    expect(o.tax_lines).toHaveLength(1);
    expect(o.tax_lines[0]).toMatchObject({ tax_total: '3.80', shipping_tax_total: '0.95' });
  });

  it('uses the shipping country (FR 20 %, US without a state rate = 0) and the product’s tax class', async () => {
    const fr = await call('POST', '/wc/v3/orders', germanOrderBody(bottleId, { shipping: { country: 'FR' } }));
    expect(fr.body.line_items[0].total_tax).toBe('4.00');
    const us = await call(
      'POST',
      '/wc/v3/orders',
      germanOrderBody(bottleId, { shipping: { country: 'US', state: 'NY' } }),
    );
    expect(us.body.total_tax).toBe('0.00');
    const bookId = started.sandbox.getStock('9780241003008').productId;
    const book = await call(
      'POST',
      '/wc/v3/orders',
      germanOrderBody(bookId, { line_items: [{ product_id: bookId, quantity: 1, total: '10.00', subtotal: '10.00' }] }),
    );
    expect(book.body.line_items[0].total_tax).toBe('0.70'); // reduced-rate 7 %
  });

  it('rejects money as numbers and lines without a product, like WordPress/WooCommerce', async () => {
    const numeric = await call(
      'POST',
      '/wc/v3/orders',
      germanOrderBody(bottleId, { line_items: [{ product_id: bottleId, quantity: 1, total: 10 }] }),
    );
    expect(numeric.status).toBe(400);
    expect(numeric.body.code).toBe('rest_invalid_param');
    const noProduct = await call(
      'POST',
      '/wc/v3/orders',
      germanOrderBody(bottleId, { line_items: [{ name: 'x', quantity: 1, total: '1.00' }] }),
    );
    expect(noProduct.body).toEqual({
      code: 'woocommerce_rest_required_product_reference',
      message: 'Product ID or SKU is required.',
      data: { status: 400 },
    });
  });

  it('has no idempotency key: the same POST twice makes two orders (pitfall 2)', async () => {
    const body = germanOrderBody(bottleId, { meta_data: [{ key: '_orderbridge_order_id', value: 'ob-1' }] });
    const a = await call('POST', '/wc/v3/orders', body);
    const b = await call('POST', '/wc/v3/orders', body);
    expect(a.body.id).not.toBe(b.body.id);
    expect(started.sandbox.listOrders()).toHaveLength(2);
  });
});

describe('stock follows the order status', () => {
  it('reduces once on processing/completed and restores on cancelled', async () => {
    const before = started.sandbox.getStock('BOTTLE-750-SS').stockQuantity ?? 0;
    const created = await call('POST', '/wc/v3/orders', germanOrderBody(bottleId, { set_paid: true }));
    expect(created.body.status).toBe('processing');
    expect(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity).toBe(before - 2);
    await call('PUT', `/wc/v3/orders/${created.body.id}`, { status: 'completed' });
    expect(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity).toBe(before - 2);
    const cancelled = await call('PUT', `/wc/v3/orders/${created.body.id}`, { status: 'cancelled' });
    expect(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity).toBe(before);
    const flag = cancelled.body.meta_data.find((m: { key: string }) => m.key === '_order_stock_reduced');
    expect(flag.value).toBe('no');
  });

  it('leaves stock alone for pending orders', async () => {
    const before = started.sandbox.getStock('BOTTLE-750-SS').stockQuantity;
    await call('POST', '/wc/v3/orders', germanOrderBody(bottleId));
    expect(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity).toBe(before);
  });
});

describe('GET /orders', () => {
  it('pages with X-WP-Total(Pages), rejects per_page > 100, filters by modified_after and search', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/wc/v3/orders', germanOrderBody(bottleId));
    const page = await call('GET', '/wc/v3/orders?per_page=2&page=2&orderby=id&order=asc');
    expect(page.headers.get('x-wp-total')).toBe('3');
    expect(page.headers.get('x-wp-totalpages')).toBe('2');
    expect(page.body).toHaveLength(1);
    const tooMany = await call('GET', '/wc/v3/orders?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('rest_invalid_param');
    const future = await call('GET', '/wc/v3/orders?modified_after=2999-01-01T00:00:00&dates_are_gmt=true');
    expect(future.body).toEqual([]);
    const search = await call('GET', '/wc/v3/orders?search=muster');
    expect(search.body).toHaveLength(3);
  });

  it('404s an unknown order with WooCommerce’s code', async () => {
    const res = await call('GET', '/wc/v3/orders/999999');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('woocommerce_rest_shop_order_invalid_id');
  });

  it('stores private notes', async () => {
    const o = await call('POST', '/wc/v3/orders', germanOrderBody(bottleId));
    const note = await call('POST', `/wc/v3/orders/${o.body.id}/notes`, { note: 'Prime order' });
    expect(note.status).toBe(201);
    const notes = await call('GET', `/wc/v3/orders/${o.body.id}/notes`);
    expect(notes.body.map((n: { note: string }) => n.note)).toContain('Prime order');
  });
});
