import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDURE_SKIP_NOTICE, vendureInstalled, type VendureServer } from '../../../test/helpers/vendure-server.js';
import type { VendureClient } from './vendure.client.js';
import type { VendureConnector } from './vendure.connector.js';
import { STALE_DRAFT_MS, VendureOrderCreator } from './vendure-order.creator.js';
import {
  address,
  draft,
  item,
  must,
  startReceiver,
  startStore,
  waitForWebhook,
  type Receiver,
} from './vendure.test-support.js';

const installed = vendureInstalled();
if (!installed) console.log(VENDURE_SKIP_NOTICE);

let server: VendureServer;
let connector: VendureConnector;
let admin: VendureClient;
let receiver: Receiver;

const variant = (sku: string): string => server.variants[sku] ?? '';
const twoLineDraft = () =>
  draft({
    items: [item(variant('BITSET-100'), 2, '32.50', '65.00'), item(variant('CASE-IP15-CLR'), 1, '15.99', '15.99')],
    totals: { net: '0', tax: '0', gross: '80.99' },
  });
const CREATE_DRAFT = `mutation { createDraftOrder { id } }`;
const SET_FIELDS = `mutation($id: ID!, $input: UpdateOrderInput!) {
  setDraftOrderCustomFields(orderId: $id, input: $input) { id } }`;
type Listed = { orders: { items: { id: string; state: string }[] } };
const ordersWith = async (orderId: string) =>
  must(
    await admin.request<Listed>(
      'orders',
      `query($id: String!) { orders(options: { filter: { orderBridgeOrderId: { eq: $id } } }) { items { id state } } }`,
      { id: orderId },
    ),
  ).orders.items;

describe.skipIf(!installed)('Vendure connector: crashes, races, partial cancellations, webhook retries', () => {
  beforeAll(async () => {
    receiver = await startReceiver();
    ({ server, connector, admin } = await startStore(receiver.url));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it('two racing creates of the same draft make one order (unique orderBridgeOrderId)', async () => {
    const d = twoLineDraft();
    const results = await Promise.all([connector.createOrder(d), connector.createOrder(d)]);
    const refs = results.filter((r) => r.ok).map((r) => must(r).ref);
    const failures = results.map((r) => (r.ok ? null : `${r.error.code}:${r.error.retryable}`)).filter(Boolean);
    expect(failures.every((f) => f === 'vendure_order_in_progress:true')).toBe(true);
    const again = must(await connector.createOrder(d)); // the retry of the loser
    expect(await ordersWith(d.orderId)).toEqual([{ id: again.ref, state: 'PaymentSettled' }]);
    expect(new Set([...refs, again.ref]).size).toBe(1);
    const other = must(await admin.request<{ createDraftOrder: { id: string } }>('c', CREATE_DRAFT)).createDraftOrder
      .id;
    const duplicate = await admin.request('setDraftOrderCustomFields', SET_FIELDS, {
      id: other,
      input: { id: other, customFields: { orderBridgeOrderId: d.orderId } },
    });
    expect(duplicate.ok ? null : duplicate.error.code).toBe('vendure_conflict');
  });

  it('replaces a Draft left by a crashed attempt with the same orderBridgeOrderId', async () => {
    const d = twoLineDraft();
    const orphan = must(
      await admin.request<{ createDraftOrder: { id: string } }>('c', `mutation { createDraftOrder { id } }`),
    ).createDraftOrder.id;
    must(
      await admin.request(
        't',
        `mutation($id: ID!, $input: UpdateOrderInput!) { setDraftOrderCustomFields(orderId: $id, input: $input) { id } }`,
        {
          id: orphan,
          input: { id: orphan, customFields: { orderBridgeOrderId: d.orderId } },
        },
      ),
    );
    const young = await connector.createOrder(d); // another attempt may still be at work
    expect(young.ok ? null : young.error.code).toBe('vendure_order_in_progress');
    const creator = new VendureOrderCreator(admin, {
      shippingMethodCode: server.shippingMethodCode,
      paymentMethodCode: server.paymentMethodCode,
      nowMs: () => Date.now() + STALE_DRAFT_MS,
      staleDraftMs: STALE_DRAFT_MS,
    });
    const ref = must(await creator.create(d)); // two minutes later: the Draft is a crashed attempt's
    expect(ref.ref).not.toBe(orphan);
    expect(await ordersWith(d.orderId)).toEqual([{ id: ref.ref, state: 'PaymentSettled' }]);
  });

  it('leaves no order behind when Vendure refuses it (not enough stock)', async () => {
    const d = draft({
      items: [item(variant('KPW-COVER-BLK'), 150, '34.99', '5248.50')],
      totals: { net: '0', tax: '0', gross: '5248.50' },
    });
    const res = await connector.createOrder(d);
    expect(res.ok ? null : res.error.code).toBe('vendure_invalid_request');
    expect(await ordersWith(d.orderId)).toEqual([]);
  });

  it('creates an order without address (restricted PII) and with an adjustment line', async () => {
    const none = { ...address(), countryCode: '', line1: '', city: '' };
    const d = draft({
      shippingAddress: none,
      billingAddress: none,
      items: [item(variant('PAPER-A4-80G-5X500'), 1, '29.99', '29.99')],
      charges: [
        { kind: 'adjustment', title: 'Amazon adjustment', net: '0.01', tax: '0', gross: '0.01', taxRate: null },
      ],
      totals: { net: '0', tax: '0', gross: '30.00' },
    });
    const ref = must(await connector.createOrder(d));
    const order = must(
      await admin.request<{ order: { totalWithTax: number; state: string } }>(
        'order',
        `query($id: ID!) { order(id: $id) { totalWithTax state } }`,
        { id: ref.ref },
      ),
    ).order;
    expect(order).toEqual({ totalWithTax: 3000, state: 'PaymentSettled' });
  });

  it('does not allocate stock for a draft with lowerStock false (FBA)', async () => {
    const ref = variant('SKILLET 26CM');
    const d = draft({
      items: [item(ref, 4, '39.90', '159.60')],
      totals: { net: '0', tax: '0', gross: '159.60' },
      lowerStock: false,
    });
    must(await connector.createOrder(d));
    expect(must(await connector.readStock([ref])).get(ref)).toBe(100);
    must(await connector.createOrder({ ...d, orderId: `${d.orderId}-b`, lowerStock: true }));
    expect(must(await connector.readStock([ref])).get(ref)).toBe(96);
  });

  it('pushes a partial line cancellation and retries a failed delivery', async () => {
    const d = twoLineDraft();
    const ref = must(await connector.createOrder(d));
    const order = must(
      await admin.request<{ order: { lines: { id: string; customFields: { amazonOrderItemId: string } }[] } }>(
        'order',
        `query($id: ID!) { order(id: $id) { lines { id customFields { amazonOrderItemId } } } }`,
        { id: ref.ref },
      ),
    ).order;
    const bits = order.lines.find((l) => l.customFields.amazonOrderItemId === d.items[0]?.orderItemId);
    receiver.failNext = 1;
    const res = must(
      await admin.request<{ cancelOrder: { __typename: string } }>(
        'cancel',
        `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename ... on ErrorResult { message } } }`,
        { input: { orderId: ref.ref, lines: [{ orderLineId: bits?.id, quantity: 1 }], reason: 'out of stock' } },
      ),
    );
    expect(res.cancelOrder.__typename).toBe('Order');
    const hook = await waitForWebhook(receiver, 'order.lines_cancelled', d.orderId);
    expect(receiver.received.filter((r) => r.body.includes(d.orderId)).map((r) => r.status)).toEqual([503, 200]);
    const events = must(connector.parseWebhook({ headers: hook.headers, rawBody: hook.body, receivedAt: '' }));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'cancellation',
        orderId: d.orderId,
        items: [{ orderItemId: d.items[0]?.orderItemId, sku: 'BITSET-100', quantity: 1 }],
      }),
    ]);
  });
});
