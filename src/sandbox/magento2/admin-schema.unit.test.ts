import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { magentoOperation, validateMagentoRequest, validateMagentoResponse } from './admin-schema.js';

describe('the 2.4.9 admin schema as a validator', () => {
  it('is Adobe’s file unchanged (schema/ORIGIN.md)', () => {
    const bytes = readFileSync(new URL('./schema/magento2-admin-rest-2.4.9.yaml', import.meta.url));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      'c5c6dbc3d4995f3ee136cc49dbb74d5c323477a8954df0b213e65e1bae9bea6d',
    );
  });

  it('names operations by method and path; a literal segment wins; trailing slashes are ignored', () => {
    expect(magentoOperation('GET', '/V1/orders/items')).toEqual({
      operationId: 'GetV1OrdersItems',
      pathTemplate: '/V1/orders/items',
    });
    expect(magentoOperation('GET', '/V1/orders/12')).toEqual({
      operationId: 'GetV1OrdersId',
      pathTemplate: '/V1/orders/{id}',
    });
    expect(magentoOperation('POST', '/V1/carts')).toMatchObject({ pathTemplate: '/V1/carts/' });
    expect(magentoOperation('GET', '/V1/products/usb-c%20cable%202m%2F2pk')).toMatchObject({
      pathTemplate: '/V1/products/{sku}',
    });
    expect(magentoOperation('PATCH', '/V1/orders')).toBeNull();
    expect(validateMagentoRequest('POST', '/V1/nothing', {})).toHaveLength(1);
  });

  it('requests: unknown fields and wrong types fail; nested required lists are not enforced, the body’s own are', () => {
    const order = { entity: { grand_total: 1, base_grand_total: 1, customer_email: 'a@b.c', items: [{ sku: 'X' }] } };
    expect(validateMagentoRequest('POST', '/V1/orders', order)).toEqual([]);
    expect(validateMagentoRequest('POST', '/V1/orders', { entity: { items: [{ sku: 'X', colour: 'red' }] } })).toEqual([
      '/entity/items/0 must NOT have additional properties (colour)',
    ]);
    expect(validateMagentoRequest('POST', '/V1/orders', { entity: { grand_total: '1.00' } })).toEqual([
      '/entity/grand_total must be number',
    ]);
    expect(validateMagentoRequest('POST', '/V1/orders', {})).toEqual(["(body) must have required property 'entity'"]);
    // A partial stock item and a payment without account_status are what clients send and Magento accepts.
    expect(
      validateMagentoRequest('PUT', '/V1/products/X', {
        product: { sku: 'X', extension_attributes: { stock_item: { qty: 1 } } },
      }),
    ).toEqual([]);
    expect(validateMagentoRequest('GET', '/V1/orders', undefined)).toEqual([]);
  });

  it('responses: required fields present (null allowed), no unknown fields, Magento’s real error parameters', () => {
    expect(validateMagentoResponse('POST', '/V1/orders/1/cancel', 200, true)).toEqual([]);
    expect(validateMagentoResponse('POST', '/V1/orders/1/cancel', 200, 'yes')).toEqual(['(body) must be boolean']);
    expect(
      validateMagentoResponse('GET', '/V1/orders/1', 200, {
        grand_total: 1,
        base_grand_total: 1,
        customer_email: null,
        items: [],
      }),
    ).toEqual([]);
    expect(
      validateMagentoResponse('GET', '/V1/orders/1', 200, { grand_total: 1, base_grand_total: 1, items: [] }),
    ).toEqual(["(body) must have required property 'customer_email'"]);
    const acl = {
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: 'Magento_Sales::cancel' },
    };
    expect(validateMagentoResponse('POST', '/V1/orders/1/cancel', 401, acl)).toEqual([]);
    expect(validateMagentoResponse('POST', '/V1/orders', 400, { message: 'x %1', parameters: ['y'] })).toEqual([]);
    expect(validateMagentoResponse('POST', '/V1/inventory/source-items', 200, [])).toEqual([]);
  });

  it('validates fast once compiled (the benchmark sends hundreds of orders)', () => {
    const body = {
      entity: { grand_total: 1, base_grand_total: 1, customer_email: 'a@b.c', items: [{ sku: 'X', qty_ordered: 1 }] },
    };
    validateMagentoRequest('POST', '/V1/orders', body);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) validateMagentoRequest('POST', '/V1/orders', body);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
