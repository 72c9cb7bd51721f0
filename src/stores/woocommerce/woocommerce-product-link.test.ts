import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedWooSandbox } from '../../sandbox/woocommerce/index.js';
import type { StoreConnector } from '../store-connector.js';
import { draft, item, startStore } from './woocommerce.test-support.js';

let started: StartedWooSandbox;
let connector: StoreConnector;

beforeAll(async () => ({ started, connector } = await startStore()));
afterAll(() => started.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/** What SKU links need from WooCommerce (against the WooCommerce sandbox). */
describe('findProductByRef', () => {
  it('finds a product and a variation by their refs; a SKU or an unknown id is no product', async () => {
    const bottle = started.sandbox.getStock('BOTTLE-750-SS');
    expect(must(await connector.findProductByRef(String(bottle.productId)))).toMatchObject({
      ref: String(bottle.productId),
      sku: 'BOTTLE-750-SS',
    });
    const m = started.sandbox.getStock('TSHIRT-ORG-M');
    const ref = `${m.productId}:${m.variationId}`;
    expect(must(await connector.findProductByRef(ref))).toMatchObject({ ref, sku: 'TSHIRT-ORG-M' });
    // A variation asked for by its own id comes back with the ref order lines need.
    expect(must(await connector.findProductByRef(String(m.variationId)))?.ref).toBe(ref);
    expect(must(await connector.findProductByRef('BOTTLE-750-SS'))).toBeNull();
    expect(must(await connector.findProductByRef('999999'))).toBeNull();
  });
});

describe('searchProducts', () => {
  it('finds products by name and by part of a SKU (variations too), nothing else', async () => {
    const bySku = must(await connector.searchProducts('tshirt-org-', 20)).map((p) => p.sku);
    expect(bySku).toEqual(expect.arrayContaining(['TSHIRT-ORG-S', 'TSHIRT-ORG-M', 'TSHIRT-ORG-L']));
    const byName = must(await connector.searchProducts('paperwhite', 20));
    expect(byName.map((p) => p.sku)).toContain('KPW-COVER-BLK');
    expect(byName.every((p) => p.name.toLowerCase().includes('paperwhite'))).toBe(true);
    expect(must(await connector.searchProducts('no such product', 20))).toEqual([]);
  });
});

describe('createOrder with a line linked to no product id', () => {
  it('fails naming the SKU instead of sending the line as a fee line', async () => {
    const before = started.sandbox.listOrders().length;
    const res = await connector.createOrder(
      draft({
        items: [{ ...item('KPW-COVER-BLK', 1, '10.00', '1.90', '11.90'), sku: 'kpw cover blk' }],
        totals: { net: '10.00', tax: '1.90', gross: '11.90' },
      }),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ code: 'woocommerce_product_ref_invalid', retryable: false });
    expect(res.error.message).toContain('SKU "kpw cover blk" is linked to "KPW-COVER-BLK"');
    expect(started.sandbox.listOrders().length).toBe(before);
  });
});
