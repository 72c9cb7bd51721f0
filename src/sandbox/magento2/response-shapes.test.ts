/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- assertions on raw REST JSON */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magentoOperation } from './admin-schema.js';
import { startMagentoSandbox, type StartedMagentoSandbox } from './index.js';
import {
  directOrderEntity,
  filterQuery,
  magentoFetcher,
  type MagentoTestResponse,
} from './magento-sandbox.test-support.js';
import { MAGENTO_ROUTES } from './routes.js';

let started: StartedMagentoSandbox;
let call: ReturnType<typeof magentoFetcher>;
const answers: { route: string; res: MagentoTestResponse }[] = [];

/** Calls a route and keeps its answer for the schema check below. */
async function record(method: string, path: string, body?: unknown): Promise<MagentoTestResponse> {
  const res = await call(method, path, body);
  const op = magentoOperation(method, path);
  answers.push({ route: `${method} ${op?.pathTemplate ?? path}`, res });
  return res;
}

beforeAll(async () => {
  started = await startMagentoSandbox();
  call = magentoFetcher(started.url);
});
afterAll(() => started.close());

describe('every implemented route answers in the shape of the 2.4.9 schema', () => {
  it('each route of the sandbox is an operation of the schema', () => {
    for (const route of MAGENTO_ROUTES)
      expect(magentoOperation(route.method, route.pattern), `${route.method} ${route.pattern}`).not.toBeNull();
  });

  it('walks every route with valid and failing calls; validateMagentoResponse finds nothing', async () => {
    const bottle = started.sandbox.productBySku('BOTTLE-750-SS');
    if (!bottle) throw new Error('catalogue');
    const all = 'searchCriteria[pageSize]=300';
    await record('GET', '/V1/store/storeConfigs');
    await record('GET', `/V1/products?${filterQuery('ean', '%4%', 'like')}`);
    await record('GET', `/V1/products?${all}`);
    await record('GET', '/V1/products/SHOE-AIRZ');
    await record('GET', '/V1/products/NOPE');
    await record('GET', '/V1/products/attributes/ean');
    await record('GET', '/V1/products/attributes/orderbridge_stock_log');
    await record('POST', '/V1/products/attributes', {
      attribute: {
        attribute_code: 'orderbridge_stock_log',
        frontend_input: 'textarea',
        default_frontend_label: 'OrderBridge stock log',
        is_required: false,
      },
    });
    await record('POST', '/V1/products/attribute-sets/attributes', {
      attributeSetId: 4,
      attributeGroupId: 7,
      attributeCode: 'orderbridge_stock_log',
      sortOrder: 99,
    });
    await record('PUT', '/V1/products/BOTTLE-750-SS', {
      product: {
        sku: 'BOTTLE-750-SS',
        custom_attributes: [
          { attribute_code: 'orderbridge_stock_log', value: '[{"k":"a","s":"done","f":100,"t":98}]' },
        ],
        extension_attributes: { stock_item: { qty: 98, is_in_stock: true } },
      },
    });
    await record(
      'GET',
      `/V1/inventory/source-items?${filterQuery('source_code', 'default')}&searchCriteria[pageSize]=5`,
    );
    await record('POST', '/V1/inventory/source-items', {
      sourceItems: [{ sku: 'BOTTLE-750-SS', source_code: 'eu_warehouse', quantity: 4, status: 1 }],
    });
    await record('POST', '/V1/inventory/source-items', {
      sourceItems: [{ sku: 'NOPE', source_code: 'default', quantity: 4, status: 1 }],
    });
    await record('GET', '/V1/inventory/get-product-salable-quantity/BOTTLE-750-SS/1');
    await record('GET', '/V1/inventory/get-product-salable-quantity/NOPE/1');
    await record('GET', '/V1/inventory/is-product-salable/BOTTLE-750-SS/1');
    await record('GET', '/V1/stockItems/BOTTLE-750-SS');
    await record('PUT', `/V1/products/BOTTLE-750-SS/stockItems/${bottle.id}`, {
      stockItem: { qty: 50, is_in_stock: true },
    });

    const created = await record('POST', '/V1/orders', {
      entity: directOrderEntity('302-1', 'BOTTLE-750-SS', bottle.id),
    });
    const orderId = created.body.entity_id as number;
    await record('POST', '/V1/orders', { entity: directOrderEntity('302-1', 'BOTTLE-750-SS', bottle.id) });
    await record('POST', '/V1/orders', { entity: { entity_id: orderId, customer_note: 'updated' } });
    await record('PUT', '/V1/orders/create', { entity: directOrderEntity('302-2', 'BOTTLE-750-SS', bottle.id) });
    await record('POST', '/V1/orders', { entity: { unknown_field: 1 } });
    await record('GET', `/V1/orders?${filterQuery('ext_order_id', '302-1')}`);
    await record(
      'GET',
      `/V1/orders?${all}&searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC`,
    );
    await record('GET', `/V1/orders/${orderId}`);
    await record('GET', '/V1/orders/999');
    await record('POST', `/V1/orders/${orderId}/comments`, {
      statusHistory: {
        comment: 'Amazon total reconciliation',
        is_customer_notified: 0,
        is_visible_on_front: 0,
        parent_id: orderId,
      },
    });
    await record('GET', `/V1/orders/${orderId}/comments`);
    await record('POST', `/V1/order/${orderId}/invoice`, { capture: true, notify: false });
    await record('POST', `/V1/orders/${orderId}/cancel`);
    const shipmentId = await record('POST', `/V1/order/${orderId}/ship`, {
      items: [{ order_item_id: created.body.items[0].item_id, qty: 2 }],
      tracks: [{ track_number: '00340434161234567890', title: 'DHL', carrier_code: 'dhl' }],
      arguments: { extension_attributes: { source_code: 'default' } },
    });
    await record('POST', `/V1/order/${orderId}/ship`, {
      tracks: [{ track_number: 'X', title: 'DHL', carrier_code: 'dhl' }],
    });
    await record('GET', `/V1/shipments?${filterQuery('updated_at', '2000-01-01 00:00:00', 'gteq')}`);
    await record('GET', `/V1/shipment/${String(shipmentId.body)}`);
    await record('GET', '/V1/shipment/999');
    const memo = {
      notify: false,
      appendComment: true,
      comment: { comment: 'Amazon cancelled the order', is_visible_on_front: 0 },
    };
    await record('POST', `/V1/order/${orderId}/refund`, memo);
    await record('POST', `/V1/order/${orderId}/refund`, memo);
    await record('GET', `/V1/products/attribute-sets/groups/list?${filterQuery('attribute_set_id', '4')}`);

    const cart = await record('POST', '/V1/carts/');
    await record('POST', `/V1/carts/${String(cart.body)}/items`, {
      cartItem: { sku: 'BOTTLE-750-SS', qty: 2, quote_id: String(cart.body) },
    });
    await record('POST', `/V1/carts/${String(cart.body)}/shipping-information`, {
      addressInformation: {
        shipping_address: {
          firstname: 'Max',
          lastname: 'Muster',
          street: ['Hauptstr. 1'],
          city: 'Berlin',
          postcode: '10115',
          country_id: 'DE',
          telephone: '-',
          email: 'b@example.com',
        },
        shipping_carrier_code: 'flatrate',
        shipping_method_code: 'flatrate',
      },
    });
    const placed = await record('PUT', `/V1/carts/${String(cart.body)}/order`, {
      paymentMethod: { method: 'checkmo' },
    });
    await record('PUT', `/V1/carts/${String(cart.body)}/order`, { paymentMethod: { method: 'checkmo' } });
    await record('GET', `/V1/orders/${String(placed.body)}`);

    // Every implemented route was called at least once.
    const called = new Set(answers.map((a) => a.route));
    for (const route of MAGENTO_ROUTES) {
      const template = magentoOperation(route.method, route.pattern)?.pathTemplate ?? '';
      expect(called.has(`${route.method} ${template}`), `${route.method} ${route.pattern} was called`).toBe(true);
    }
    const failures = answers
      .filter((a) => a.res.schemaErrors.length > 0)
      .map((a) => ({ route: a.route, status: a.res.status, errors: a.res.schemaErrors }));
    expect(failures).toEqual([]);
    // Failing calls were among them (error bodies are checked too).
    expect(answers.filter((a) => a.res.status >= 400).length).toBeGreaterThan(5);
  });
});
