/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- assertions on raw REST JSON */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWooSandbox, type StartedWooSandbox } from './index.js';
import { wooFetcher } from './woo-sandbox.test-support.js';

let started: StartedWooSandbox;
let call: ReturnType<typeof wooFetcher>;

beforeAll(async () => {
  started = await startWooSandbox({ seed: 3 });
  call = wooFetcher(`${started.url}/wp-json`);
});
afterAll(() => started.close());
beforeEach(() => started.sandbox.reset());

describe('authentication', () => {
  it('answers WooCommerce’s 401 bodies for no, wrong-key and wrong-secret credentials', async () => {
    const none = await call('GET', '/wc/v3/products', undefined, false);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('woocommerce_rest_cannot_view');
    const badKey = await wooFetcher(`${started.url}/wp-json`, 'ck_wrong', 'cs_wrong')('GET', '/wc/v3/products');
    expect(badKey.body).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'Consumer key is invalid.',
      data: { status: 401 },
    });
    const badSecret = await wooFetcher(
      `${started.url}/wp-json`,
      started.sandbox.consumerKey,
      'cs_wrong',
    )('GET', '/wc/v3/products');
    expect(badSecret.body.message).toBe('Consumer secret is invalid.');
  });

  it('accepts consumer_key/consumer_secret query parameters', async () => {
    const q = `consumer_key=${started.sandbox.consumerKey}&consumer_secret=${started.sandbox.consumerSecret}`;
    const res = await fetch(`${started.url}/wp-json/wc/v3/products?per_page=1&${q}`);
    expect(res.status).toBe(200);
  });
});

describe('GET /products filters', () => {
  it('sku takes a comma list, matches exactly and includes variations', async () => {
    const res = await call('GET', '/wc/v3/products?sku=BOTTLE-750-SS,TSHIRT-ORG-M,bottle-750-ss');
    const skus = res.body.map((p: { sku: string }) => p.sku).sort();
    expect(skus).toEqual(['BOTTLE-750-SS', 'TSHIRT-ORG-M']);
    const variation = res.body.find((p: { sku: string }) => p.sku === 'TSHIRT-ORG-M');
    expect(variation.type).toBe('variation');
    expect(variation.parent_id).toBeGreaterThan(0);
  });

  it('global_unique_id searches parents only; variations are not listed without sku', async () => {
    const all = await call('GET', '/wc/v3/products?per_page=100');
    expect(all.body.some((p: { type: string }) => p.type === 'variation')).toBe(false);
    const withGtin = all.body.find((p: { global_unique_id: string }) => p.global_unique_id !== '');
    const found = await call('GET', `/wc/v3/products?global_unique_id=${withGtin.global_unique_id}`);
    expect(found.body.map((p: { id: number }) => p.id)).toEqual([withGtin.id]);
    const tshirtM = started.sandbox.getStock('TSHIRT-ORG-M');
    const v = await call('GET', `/wc/v3/products/${tshirtM.productId}/variations/${tshirtM.variationId}`);
    const none = await call('GET', `/wc/v3/products?global_unique_id=${v.body.global_unique_id}`);
    expect(none.body).toEqual([]);
  });

  it('has no meta filter (meta_key is ignored) and limits per_page to 100', async () => {
    const res = await call('GET', '/wc/v3/products?meta_key=_mpn&meta_value=nope&per_page=5');
    expect(res.body).toHaveLength(5);
    expect(Number(res.headers.get('x-wp-total'))).toBeGreaterThan(5);
    const tooMany = await call('GET', '/wc/v3/products?per_page=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.data.params.per_page).toBe('per_page must be between 1 (inclusive) and 100 (inclusive)');
  });
});

describe('stock writes', () => {
  it('PUT sets the absolute stock_quantity (ignored unless manage_stock) and bumps date_modified', async () => {
    const bottle = started.sandbox.getStock('BOTTLE-750-SS');
    const res = await call('PUT', `/wc/v3/products/${bottle.productId}`, {
      stock_quantity: 3,
      meta_data: [{ key: 'x', value: 'y' }],
    });
    expect(res.body.stock_quantity).toBe(3);
    const paper = started.sandbox.getStock('PAPER-A4-80G-5X500');
    const unmanaged = await call('PUT', `/wc/v3/products/${paper.productId}`, { stock_quantity: 3 });
    expect(unmanaged.body.stock_quantity).toBeNull();
  });

  it('updates variations and batches, with per-item errors', async () => {
    const s = started.sandbox.getStock('TSHIRT-ORG-S');
    const v = await call('PUT', `/wc/v3/products/${s.productId}/variations/${s.variationId}`, { stock_quantity: 9 });
    expect(v.body.stock_quantity).toBe(9);
    const bottle = started.sandbox.getStock('BOTTLE-750-SS');
    const batch = await call('POST', '/wc/v3/products/batch', {
      update: [
        { id: bottle.productId, stock_quantity: 4 },
        { id: 1, stock_quantity: 1 },
      ],
    });
    expect(batch.body.update[0].stock_quantity).toBe(4);
    expect(batch.body.update[1].error.code).toBe('woocommerce_rest_product_invalid_id');
    const missing = await call('GET', '/wc/v3/products/1');
    expect(missing.body.code).toBe('woocommerce_rest_product_invalid_id');
  });
});
