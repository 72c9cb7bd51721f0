/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- assertions on raw GraphQL JSON */
import { describe, expect, it } from 'vitest';
import { ORDER_CREATE, amazonOrderInput, harnessPerTest, type SandboxHarness } from './shopify-sandbox.test-support.js';

const { shop } = harnessPerTest();

const CANCEL = `mutation cancel($id: ID!) {
  orderCancel(orderId: $id, reason: CUSTOMER, refundMethod: { originalPaymentMethodsRefund: true }, restock: true, notifyCustomer: false, staffNote: "Amazon cancelled") {
    job { id done } orderCancelUserErrors { field message code }
  }
}`;

async function order(
  amazonId: string,
  behaviour = 'DECREMENT_IGNORING_POLICY',
): Promise<{ h: SandboxHarness; id: string }> {
  const { h, variantId } = await shop();
  const reply = await h.gql(ORDER_CREATE, {
    order: amazonOrderInput(variantId, amazonId),
    options: { inventoryBehaviour: behaviour },
  });
  return { h, id: reply.data?.orderCreate.order.id as string };
}

describe('Shopify sandbox: cancel and fulfil', () => {
  it('cancels through an async job that restocks; a second cancel is refused', async () => {
    const { h, id } = await order('C-1');
    expect(h.sandbox.getStock('LEGO-10698')).toBe(98);
    const started = await h.gql(CANCEL, { id });
    const job = started.data?.orderCancel.job as { id: string; done: boolean };
    expect(job.done).toBe(false);
    const pending = await h.gql(CANCEL, { id });
    expect(pending.data?.orderCancel.orderCancelUserErrors[0].message).toContain('already being cancelled');
    expect(h.sandbox.getOrder(id)?.cancelledAt).toBeNull();
    h.clock.advance(250);
    const polled = await h.gql(
      `query($id: ID!, $order: ID!) { job(id: $id) { done query { order(id: $order) { cancelledAt cancelReason note } } } }`,
      { id: job.id, order: id },
    );
    expect(polled.data?.job).toEqual({
      done: true,
      query: { order: { cancelledAt: '2026-12-01T10:00:00.250Z', cancelReason: 'CUSTOMER', note: 'Amazon cancelled' } },
    });
    expect(h.sandbox.getStock('LEGO-10698')).toBe(100);
    const again = await h.gql(CANCEL, { id });
    expect(again.data?.orderCancel.orderCancelUserErrors[0]).toMatchObject({
      message: 'Order has already been cancelled',
      code: 'INVALID',
    });
    const missing = await h.gql(CANCEL, { id: 'gid://shopify/Order/42' });
    expect(missing.data?.orderCancel.orderCancelUserErrors[0].code).toBe('NOT_FOUND');
  });

  it('fulfils through fulfillment orders and shows the tracking, then refuses to cancel', async () => {
    const { h, id } = await order('F-1');
    const fo = await h.gql(
      `query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 5) { nodes { id remainingQuantity lineItem { sku } } } } } } }`,
      { id },
    );
    const node = fo.data?.order.fulfillmentOrders.nodes[0];
    expect(node.status).toBe('OPEN');
    const created = await h.gql(
      `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id status } userErrors { field message } } }`,
      {
        f: {
          lineItemsByFulfillmentOrder: [
            {
              fulfillmentOrderId: node.id,
              fulfillmentOrderLineItems: [{ id: node.lineItems.nodes[0].id, quantity: 1 }],
            },
          ],
          trackingInfo: { company: 'DHL Express', number: '00340434', url: 'https://track.example/00340434' },
        },
      },
    );
    expect(created.data?.fulfillmentCreate).toMatchObject({ fulfillment: { status: 'SUCCESS' }, userErrors: [] });
    const view = h.sandbox.fulfillOrder({ orderId: id, trackingCompany: 'Hermes', trackingNumber: 'H1' });
    expect(view.lines).toEqual([
      { lineItemId: expect.stringMatching(/^gid:\/\/shopify\/LineItem\//), sku: 'LEGO-10698', quantity: 1 },
    ]);
    const read = await h.gql(
      `query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments(first: 10) { status trackingInfo { company number url } fulfillmentLineItems(first: 10) { nodes { quantity lineItem { sku customAttributes { key value } } } } } } }`,
      { id },
    );
    expect(read.data?.order.displayFulfillmentStatus).toBe('FULFILLED');
    expect(read.data?.order.fulfillments[0]).toEqual({
      status: 'SUCCESS',
      trackingInfo: [{ company: 'DHL Express', number: '00340434', url: 'https://track.example/00340434' }],
      fulfillmentLineItems: {
        nodes: [
          {
            quantity: 1,
            lineItem: { sku: 'LEGO-10698', customAttributes: [{ key: '_amazon_order_item_id', value: 'F-1-1' }] },
          },
        ],
      },
    });
    const cancel = await h.gql(CANCEL, { id });
    expect(cancel.data?.orderCancel.orderCancelUserErrors[0].message).toContain('fulfilled');
    expect(() => h.sandbox.fulfillOrder({ orderId: id })).toThrow('nothing left');
  });

  it('lets the merchant cancel at once in the admin, and appends notes by orderUpdate', async () => {
    const { h, id } = await order('M-1', 'BYPASS');
    const updated = await h.gql(
      `mutation($input: OrderInput!) { orderUpdate(input: $input) { order { note } userErrors { message } } }`,
      { input: { id, note: 'Shipped late' } },
    );
    expect(updated.data?.orderUpdate).toEqual({ order: { note: 'Shipped late' }, userErrors: [] });
    const view = h.sandbox.cancelOrder(id, { reason: 'inventory' });
    expect(view.cancelledAt).not.toBeNull();
    expect(h.sandbox.getStock('LEGO-10698')).toBe(100);
    expect(() => h.sandbox.cancelOrder(id)).toThrow('already been cancelled');
  });
});
