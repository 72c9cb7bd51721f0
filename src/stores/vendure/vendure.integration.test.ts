import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDURE_SKIP_NOTICE, vendureInstalled, type VendureServer } from '../../../test/helpers/vendure-server.js';
import type { StoreEvent, StoreOrderRef } from '../store-connector.js';
import type { VendureClient } from './vendure.client.js';
import type { VendureConnector } from './vendure.connector.js';
import { draft, item, must, startReceiver, startStore, waitForWebhook, type Receiver } from './vendure.test-support.js';

const installed = vendureInstalled();
if (!installed) console.log(VENDURE_SKIP_NOTICE);

let server: VendureServer;
let connector: VendureConnector;
let admin: VendureClient;
let receiver: Receiver;

const ORDER = `query($id: ID!) { order(id: $id) { id state totalWithTax shippingWithTax
  surcharges { sku priceWithTax }
  lines { id quantity unitPriceWithTax linePriceWithTax taxRate customFields { amazonOrderItemId orderBridgeUnitPrice } } } }`;
type Order = {
  id: string;
  state: string;
  totalWithTax: number;
  shippingWithTax: number;
  surcharges: { sku: string; priceWithTax: number }[];
  lines: {
    id: string;
    quantity: number;
    linePriceWithTax: number;
    taxRate: number;
    customFields: { amazonOrderItemId: string };
  }[];
};
const readOrder = async (ref: StoreOrderRef) =>
  must(await admin.request<{ order: Order }>('order', ORDER, { id: ref.ref })).order;
const variant = (sku: string): string => server.variants[sku] ?? '';

const webhook = (topic: string, orderId: string) => waitForWebhook(receiver, topic, orderId);

const simpleDraft = (qty = 1) =>
  draft({
    items: [item(variant('BOTTLE-750-SS'), qty, '24.50', (24.5 * qty).toFixed(2))],
    totals: { net: '0', tax: '0', gross: (24.5 * qty).toFixed(2) },
  });

describe.skipIf(!installed)('Vendure connector against a real Vendure 3.7 with the OrderBridge plugin', () => {
  beforeAll(async () => {
    receiver = await startReceiver();
    ({ server, connector, admin } = await startStore(receiver.url));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it('tests the connection and finds variants by exact SKU and by an ean custom field', async () => {
    expect(must(await connector.test()).storeName).toContain('Vendure');
    const found = must(
      await connector.findProducts('sku', ['usb-c cable 2m/2pk', 'echo-dot-4-charcoal', 'NOPE', 'BOTTLE-750-SS']),
    );
    expect([...found.keys()].sort()).toEqual(['BOTTLE-750-SS', 'usb-c cable 2m/2pk']);
    expect(found.get('BOTTLE-750-SS')).toEqual({
      ref: variant('BOTTLE-750-SS'),
      sku: 'BOTTLE-750-SS',
      name: expect.any(String) as string,
      available: 100,
    });
    const byEan = must(await connector.findProducts('ean', ['4006381333931']));
    expect(byEan.get('4006381333931')?.sku).toBe('ECHO-DOT-4-CHARCOAL');
  });

  it('creates the order with Amazon’s lines, tax rates and exact gross total; re-create returns the same order', async () => {
    const d = draft({
      items: [
        item(variant('ECHO-DOT-4-CHARCOAL'), 2, '29.99', '59.98'),
        item(variant('TEA_GREEN_100'), 3, '8.50', '25.49', '7'), // per-line rounding: 3 × 8.50 ≠ 25.49
      ],
      charges: [
        { kind: 'shipping', title: 'Shipping', net: '4.19', tax: '0.80', gross: '4.99', taxRate: '19' },
        { kind: 'gift_wrap', title: 'Gift wrap', net: '2.10', tax: '0.40', gross: '2.50', taxRate: '19' },
        { kind: 'discount', title: 'Promotion', net: '-4.20', tax: '-0.80', gross: '-5.00', taxRate: '19' },
      ],
      totals: { net: '0', tax: '0', gross: '87.96' },
    });
    const ref = must(await connector.createOrder(d));
    const order = await readOrder(ref);
    expect(order.state).toBe('PaymentSettled');
    expect(order.totalWithTax).toBe(8796);
    expect(order.shippingWithTax).toBe(499);
    expect(order.surcharges).toEqual(
      expect.arrayContaining([
        { sku: 'orderbridge:gift_wrap', priceWithTax: 250 },
        { sku: 'orderbridge:discount', priceWithTax: -500 },
        { sku: 'orderbridge:reconciliation', priceWithTax: -1 },
      ]),
    );
    expect(
      order.lines.map((l) => [l.customFields.amazonOrderItemId, l.quantity, l.linePriceWithTax, l.taxRate]),
    ).toEqual([
      [d.items[0]?.orderItemId, 2, 5998, 19],
      [d.items[1]?.orderItemId, 3, 2550, 7],
    ]);
    expect(must(await connector.createOrder(d))).toEqual(ref);
    expect(must(await connector.findOrder(d.orderId))).toEqual(ref);
    expect(must(await connector.readStock([variant('ECHO-DOT-4-CHARCOAL')])).get(variant('ECHO-DOT-4-CHARCOAL'))).toBe(
      98,
    );
  });

  it('refuses unlinked lines with a clear error', async () => {
    const res = await connector.createOrder(
      draft({ items: [item(null, 1, '5.00', '5.00')], totals: { net: '0', tax: '0', gross: '5.00' } }),
    );
    expect(res.ok ? null : res.error.code).toBe('vendure_unlinked_line');
  });

  it('reports a shipment made in Vendure through pollEvents and through the plugin webhook', async () => {
    const d = simpleDraft(2);
    const ref = must(await connector.createOrder(d));
    const order = await readOrder(ref);
    const lines = order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
    const handler = {
      code: 'manual-fulfillment',
      arguments: [
        { name: 'method', value: 'DHL' },
        { name: 'trackingCode', value: '00340434' },
      ],
    };
    const added = must(
      await admin.request<{ addFulfillmentToOrder: { id: string } }>(
        'addFulfillmentToOrder',
        `mutation($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) { ... on Fulfillment { id } ... on ErrorResult { errorCode message } } }`,
        { input: { lines, handler } },
      ),
    ).addFulfillmentToOrder;
    must(
      await admin.request(
        'transition',
        `mutation($id: ID!) { transitionFulfillmentToState(id: $id, state: "Shipped") { ... on Fulfillment { id } } }`,
        { id: added.id },
      ),
    );
    const expected: StoreEvent = {
      kind: 'shipment',
      storeRef: added.id,
      orderId: d.orderId,
      carrier: 'DHL',
      carrierName: 'DHL',
      shippingMethod: null,
      trackingNumber: '00340434',
      shipDate: expect.any(String) as string,
      items: [{ orderItemId: d.items[0]?.orderItemId ?? '', sku: 'BOTTLE-750-SS', quantity: 2 }],
    };
    const page = must(await connector.pollEvents(null));
    expect(page.events).toContainEqual(expected);
    const hook = await webhook('fulfillment.shipped', d.orderId);
    const parsed = must(
      connector.parseWebhook({ headers: hook.headers, rawBody: hook.body, receivedAt: new Date().toISOString() }),
    );
    expect(parsed).toEqual([expected]);
    const tampered = connector.parseWebhook({
      headers: hook.headers,
      rawBody: hook.body.replace('DHL', 'UPS'),
      receivedAt: '',
    });
    expect(tampered.ok ? null : tampered.error.code).toBe('vendure_webhook_signature_invalid');
  });

  it('reports a cancellation made in Vendure; connector.cancelOrder is idempotent', async () => {
    const d = simpleDraft();
    const ref = must(await connector.createOrder(d));
    const before = must(await connector.pollEvents(null)).cursor;
    must(
      await admin.request(
        'cancel',
        `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename } }`,
        { input: { orderId: ref.ref, cancelShipping: true } },
      ),
    );
    const page = must(await connector.pollEvents(before));
    expect(page.events).toContainEqual({
      kind: 'cancellation',
      storeRef: `cancel:${ref.ref}`,
      orderId: d.orderId,
      items: null,
      occurredAt: expect.any(String) as string,
    });
    const hook = await webhook('order.cancelled', d.orderId);
    const parsed = must(connector.parseWebhook({ headers: hook.headers, rawBody: hook.body, receivedAt: '' }));
    expect(parsed).toEqual([expect.objectContaining({ kind: 'cancellation', orderId: d.orderId, items: null })]);
    const other = must(await connector.createOrder(simpleDraft()));
    must(await connector.cancelOrder(other, 'Cancelled on Amazon'));
    must(await connector.cancelOrder(other, 'Cancelled on Amazon'));
    expect((await readOrder(other)).state).toBe('Cancelled');
  });

  it('adjusts stock once per key', async () => {
    const ref = variant('LEGO-10698');
    expect(must(await connector.adjustStock(ref, -3, 'k-1'))).toBe(97);
    expect(must(await connector.adjustStock(ref, -3, 'k-1'))).toBe(97);
    expect(must(await connector.adjustStock(ref, 5, 'k-2'))).toBe(102);
    expect(must(await connector.readStock([ref])).get(ref)).toBe(102);
  });

  it('reports a stock change made in Vendure through pollEvents (variant id as productRef)', async () => {
    const ref = variant('CHAIR-ERGO-01'); // no other test orders it: nothing allocated
    const before = must(await connector.pollEvents(null)).cursor;
    must(
      await admin.request(
        'updateProductVariants',
        `mutation($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }`,
        { input: [{ id: ref, stockOnHand: 42 }] },
      ),
    );
    const page = must(await connector.pollEvents(before));
    const stock = page.events.filter((e) => e.kind === 'stock' && e.productRef === ref);
    expect(stock.at(-1)).toMatchObject({ kind: 'stock', productRef: ref, sku: 'CHAIR-ERGO-01', available: 42 });
    const again = must(await connector.pollEvents(page.cursor));
    expect(again.events.filter((e) => e.kind === 'stock' && e.productRef === ref).length).toBeLessThanOrEqual(1);
  });
});
