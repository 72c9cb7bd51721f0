/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- assertions on raw REST JSON */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_MAGENTO_EAN_ATTRIBUTE, startMagentoSandbox, type StartedMagentoSandbox } from './index.js';
import { filterQuery, magentoFetcher } from './magento-sandbox.test-support.js';

let started: StartedMagentoSandbox;
let call: ReturnType<typeof magentoFetcher>;

beforeAll(async () => {
  started = await startMagentoSandbox({
    products: [
      { sku: 'SIMPLE-1', name: 'Simple', price: '10.00', ean: '4006381333931', quantity: 30 },
      { sku: 'EBOOK-1', name: 'E-book', price: '5.00', typeId: 'virtual', quantity: 1000 },
      {
        sku: 'TEE',
        name: 'T-Shirt',
        price: '19.90',
        typeId: 'configurable',
        children: [
          { sku: 'TEE-S', name: 'T-Shirt S', price: '19.90', ean: '4006381333948', quantity: 5 },
          { sku: 'TEE-M', name: 'T-Shirt M', price: '19.90', quantity: 0 },
        ],
      },
    ],
  });
  call = magentoFetcher(started.url);
});
afterAll(() => started.close());
beforeEach(() => started.sandbox.reset());

describe('products', () => {
  it('finds products by the ean custom attribute and by SKU; configurable parents list their children', async () => {
    const byEan = await call('GET', `/V1/products?${filterQuery(SANDBOX_MAGENTO_EAN_ATTRIBUTE, '4006381333948')}`);
    expect(byEan.body.items.map((p: { sku: string }) => p.sku)).toEqual(['TEE-S']);
    expect(byEan.body.items[0]).toMatchObject({
      type_id: 'simple',
      visibility: 1,
      custom_attributes: [{ attribute_code: 'ean', value: '4006381333948' }],
    });
    const parent = await call('GET', '/V1/products/TEE');
    expect(parent.body).toMatchObject({
      type_id: 'configurable',
      extension_attributes: { configurable_product_links: [4, 5] },
    });
    expect((await call('GET', '/V1/products/EBOOK-1')).body.type_id).toBe('virtual');
    const missing = await call('GET', '/V1/products/NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(
      "The product that was requested doesn't exist. Verify the product and try again.",
    );
    const bogus = await call('GET', `/V1/products?${filterQuery('color_code', 'x')}`);
    expect(bogus.body).toEqual({ message: 'Invalid attribute name: %1', parameters: ['color_code'] });
  });

  it('the default catalogue is the Amazon sandbox catalogue, 100 each with an EAN, two SKUs as configurable children', async () => {
    const def = await startMagentoSandbox();
    try {
      const s = def.sandbox;
      expect(s.productBySku('BOTTLE-750-SS')).toMatchObject({ typeId: 'simple' });
      expect(s.getStock('BOTTLE-750-SS')).toBe(100);
      expect(s.customAttribute('BOTTLE-750-SS', 'ean')).toMatch(/^\d{13}$/);
      expect(s.productBySku('SHOE-AIRZ')).toMatchObject({ typeId: 'configurable' });
      expect(s.productBySku('SHOE-AIRZ-44')).toMatchObject({ typeId: 'simple' });
      expect(s.productBySku('usb-c cable 2m/2pk')).not.toBeNull();
      const slash = await magentoFetcher(def.url)('GET', `/V1/products/${encodeURIComponent('usb-c cable 2m/2pk')}`);
      expect(slash.body.sku).toBe('usb-c cable 2m/2pk');
    } finally {
      await def.close();
    }
  });
});

describe('the stock ledger attribute and a product save (the connector’s stock write)', () => {
  it('creates the attribute, assigns it to the set, then one PUT writes the ledger and the stock item', async () => {
    expect((await call('GET', '/V1/products/attributes/orderbridge_stock_log')).status).toBe(404);
    const ledger = '[{"k":"o1:i1:order","s":"done","f":30,"t":28}]';
    const before = await call('PUT', '/V1/products/SIMPLE-1', {
      product: { sku: 'SIMPLE-1', custom_attributes: [{ attribute_code: 'orderbridge_stock_log', value: ledger }] },
    });
    expect(before.status).toBe(200);
    expect(started.sandbox.customAttribute('SIMPLE-1', 'orderbridge_stock_log')).toBeNull(); // not an attribute yet: dropped
    const created = await call('POST', '/V1/products/attributes', {
      attribute: {
        attribute_code: 'orderbridge_stock_log',
        frontend_input: 'textarea',
        default_frontend_label: 'OrderBridge stock log',
      },
    });
    expect(created.body).toMatchObject({
      attribute_code: 'orderbridge_stock_log',
      backend_type: 'text',
      is_user_defined: true,
    });
    expect(
      (await call('POST', '/V1/products/attributes', { attribute: { attribute_code: 'orderbridge_stock_log' } }))
        .status,
    ).toBe(400);
    const notInSet = await call('PUT', '/V1/products/SIMPLE-1', {
      product: { sku: 'SIMPLE-1', custom_attributes: [{ attribute_code: 'orderbridge_stock_log', value: ledger }] },
    });
    expect(notInSet.status).toBe(200);
    expect(started.sandbox.customAttribute('SIMPLE-1', 'orderbridge_stock_log')).toBeNull(); // not in the set yet
    const groups = await call('GET', `/V1/products/attribute-sets/groups/list?${filterQuery('attribute_set_id', '4')}`);
    expect(groups.body.items[0]).toEqual({
      attribute_group_id: '7',
      attribute_group_name: 'General',
      attribute_set_id: 4,
    });
    const wrongGroup = {
      attributeSetId: 4,
      attributeGroupId: 99,
      attributeCode: 'orderbridge_stock_log',
      sortOrder: 0,
    };
    expect((await call('POST', '/V1/products/attribute-sets/attributes', wrongGroup)).status).toBe(404);
    const assigned = await call('POST', '/V1/products/attribute-sets/attributes', {
      attributeSetId: 4,
      attributeGroupId: 7,
      attributeCode: 'orderbridge_stock_log',
      sortOrder: 0,
    });
    expect(typeof assigned.body).toBe('number');
    const saved = await call('PUT', '/V1/products/SIMPLE-1', {
      product: {
        sku: 'SIMPLE-1',
        custom_attributes: [{ attribute_code: 'orderbridge_stock_log', value: ledger }],
        extension_attributes: { stock_item: { qty: 28, is_in_stock: true } },
      },
    });
    expect(saved.body.extension_attributes.stock_item).toMatchObject({ qty: 28, is_in_stock: true });
    expect(started.sandbox.customAttribute('SIMPLE-1', 'orderbridge_stock_log')).toBe(ledger);
    expect(started.sandbox.getStock('SIMPLE-1')).toBe(28);
    expect((await call('GET', '/V1/stockItems/SIMPLE-1')).body).toMatchObject({
      qty: 28,
      is_in_stock: true,
      product_id: 1,
    });
    const wrongType = await call('PUT', '/V1/products/SIMPLE-1', {
      product: { sku: 'SIMPLE-1', extension_attributes: { stock_item: { qty: '28' } } },
    });
    expect(wrongType.status).toBe(400);
  });
});

describe('MSI source items, reservations and salable quantity; legacy stock items', () => {
  it('writes absolute quantities per source (all or nothing, 20 at most) and reads them by searchCriteria', async () => {
    const ok = await call('POST', '/V1/inventory/source-items', {
      sourceItems: [
        { sku: 'SIMPLE-1', source_code: 'default', quantity: 12, status: 1 },
        { sku: 'SIMPLE-1', source_code: 'eu_warehouse', quantity: 3, status: 1 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([]);
    expect(started.sandbox.getStock('SIMPLE-1')).toBe(12);
    expect(started.sandbox.getStock('SIMPLE-1', 'eu_warehouse')).toBe(3);
    expect(started.sandbox.salableQuantity('SIMPLE-1')).toBe(15);
    const bad = await call('POST', '/V1/inventory/source-items', {
      sourceItems: [
        { sku: 'SIMPLE-1', source_code: 'default', quantity: 1, status: 1 },
        { sku: 'NOPE', source_code: 'default', quantity: 1, status: 1 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Validation Failed');
    expect(started.sandbox.getStock('SIMPLE-1')).toBe(12);
    const many = Array.from({ length: 21 }, () => ({
      sku: 'SIMPLE-1',
      source_code: 'default',
      quantity: 1,
      status: 1,
    }));
    expect((await call('POST', '/V1/inventory/source-items', { sourceItems: many })).status).toBe(400);
    const read = await call('GET', `/V1/inventory/source-items?${filterQuery('sku', 'SIMPLE-1')}`);
    expect(read.body.items).toEqual([
      { sku: 'SIMPLE-1', source_code: 'default', quantity: 12, status: 1 },
      { sku: 'SIMPLE-1', source_code: 'eu_warehouse', quantity: 3, status: 1 },
    ]);
  });

  it('salable quantity = in-stock source quantities + reservations; out-of-stock sources do not count', async () => {
    const salable = (sku: string) => call('GET', `/V1/inventory/get-product-salable-quantity/${sku}/1`);
    expect((await salable('SIMPLE-1')).body).toBe(30);
    started.sandbox.inventory.reserve('SIMPLE-1', 1, -4, 'order_placed:1');
    expect((await salable('SIMPLE-1')).body).toBe(26);
    expect(started.sandbox.getStock('SIMPLE-1')).toBe(30);
    started.sandbox.inventory.set('SIMPLE-1', 'default', 30, 0);
    expect((await salable('SIMPLE-1')).body).toBe(0);
    expect((await salable('TEE')).status).toBe(400);
    expect((await salable('NOPE')).status).toBe(400);
    expect((await call('GET', '/V1/inventory/get-product-salable-quantity/SIMPLE-1/9')).status).toBe(400);
    expect((await call('GET', '/V1/inventory/is-product-salable/TEE-M/1')).body).toBe(false);
  });

  it('PUT /V1/products/{sku}/stockItems/{id} writes source default (a partial stock item is accepted)', async () => {
    const res = await call('PUT', '/V1/products/TEE-S/stockItems/4', { stockItem: { qty: 9 } });
    expect(res.body).toBe(4);
    expect(started.sandbox.getStock('TEE-S')).toBe(9);
    started.sandbox.setStock('TEE-S', 2);
    expect((await call('GET', '/V1/stockItems/TEE-S')).body.qty).toBe(2);
  });
});
