/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- assertions on raw REST JSON */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { startMagentoSandbox, type StartedMagentoSandbox } from './index.js';
import { magentoTime } from './magento-format.js';
import { directOrderEntity, filterQuery, magentoFetcher } from './magento-sandbox.test-support.js';

const clock = new ManualClock('2026-03-01T12:00:00.000Z');
let started: StartedMagentoSandbox;
let call: ReturnType<typeof magentoFetcher>;
let bottleId: number;

beforeAll(async () => {
  started = await startMagentoSandbox({ clock });
  call = magentoFetcher(started.url);
});
afterAll(() => started.close());
beforeEach(() => {
  started.sandbox.reset();
  bottleId = started.sandbox.productBySku('BOTTLE-750-SS')?.id ?? 0;
});

const create = (amazonId: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/V1/orders', { entity: directOrderEntity(amazonId, 'BOTTLE-750-SS', bottleId, extra) });

describe('POST /V1/orders — direct save', () => {
  it('keeps what was saved and adds ids, dates and Magento’s counters; no reservation is made', async () => {
    const res = await create('028-1111111-1111111');
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o).toMatchObject({
      entity_id: 1,
      increment_id: 'AMZ-028-1111111-1111111',
      ext_order_id: '028-1111111-1111111',
      state: 'new',
      status: 'pending',
      grand_total: 28.8,
      created_at: '2026-01-01 10:00:00',
      updated_at: magentoTime(clock.now()),
      total_qty_ordered: 2,
    });
    expect(o.items[0]).toMatchObject({
      item_id: 1,
      order_id: 1,
      qty_shipped: 0,
      qty_invoiced: 0,
      ext_order_item_id: '111',
    });
    expect(o.billing_address).toMatchObject({ parent_id: 1, address_type: 'billing' });
    expect(o.payment).toMatchObject({ parent_id: 1, account_status: null, cc_last4: null });
    expect(o.status_histories[0]).toMatchObject({
      parent_id: 1,
      comment: 'Amazon Prime order',
      is_visible_on_front: 0,
    });
    expect(o.extension_attributes.shipping_assignments[0].shipping.address.address_type).toBe('shipping');
    expect(o.extension_attributes.shipping_assignments[0].items).toHaveLength(1);
    expect(started.sandbox.salableQuantity('BOTTLE-750-SS')).toBe(100);
    expect(started.sandbox.statsSnapshot().ordersCreated).toBe(1);
  });

  it('refuses a second order with the same increment_id in the store (400, counted)', async () => {
    await create('028-1');
    const again = await create('028-1');
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: 'Unique constraint violation found' });
    expect(started.sandbox.ordersByExtOrderId('028-1')).toHaveLength(1);
    expect(started.sandbox.statsSnapshot().duplicateIncrementIdRefused).toBe(1);
    // Another store may carry the same increment_id.
    expect((await create('028-1', { store_id: 2 })).status).toBe(200);
  });

  it('numbers orders without an increment_id and requires items and an email', async () => {
    const res = await call('POST', '/V1/orders', {
      entity: { ...directOrderEntity('x', 'BOTTLE-750-SS', bottleId), increment_id: undefined },
    });
    expect(res.body.increment_id).toBe('000000001');
    const noItems = await call('POST', '/V1/orders', {
      entity: { ...directOrderEntity('y', 'BOTTLE-750-SS', bottleId), items: [] },
    });
    expect(noItems.body).toEqual({
      message: '"%fieldName" is required. Enter and try again.',
      parameters: { fieldName: 'items' },
    });
  });

  it('merges a partial entity into an existing order and moves updated_at', async () => {
    const { body } = await create('028-2', { ext_order_id: undefined });
    clock.advance(5000);
    const later = magentoTime(clock.now());
    const res = await call('POST', '/V1/orders', { entity: { entity_id: body.entity_id, ext_order_id: '028-2' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ext_order_id: '028-2',
      grand_total: 28.8,
      increment_id: 'AMZ-028-2',
      updated_at: later,
    });
    expect(res.body.items).toHaveLength(1);
    expect(started.sandbox.statsSnapshot()).toMatchObject({ ordersCreated: 1, ordersUpdated: 1 });
    const missing = await call('POST', '/V1/orders', { entity: { entity_id: 99, ext_order_id: 'z', items: [] } });
    expect(missing.status).toBe(404);
    expect(missing.body.parameters).toEqual({ fieldName: 'entity_id', fieldValue: '99' });
  });

  it('refuses unknown fields and wrong types with Magento’s 400 bodies, before anything is saved', async () => {
    const unknown = await create('028-3', { amazon_order: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      message: '"%fieldName" is not supported. Correct the field name and try again.',
      parameters: { fieldName: 'amazon_order' },
    });
    const wrongType = await create('028-3', { grand_total: '28.80' });
    expect(wrongType.body).toEqual({
      message:
        'Error occurred during "grand_total" processing. The "28.80" value\'s type is invalid. The "float" type was expected. Verify and try again.',
    });
    expect(started.sandbox.listOrders()).toHaveLength(0);
    expect(started.sandbox.statsSnapshot().schemaViolations).toBe(2);
  });
});

describe('GET /V1/orders and /V1/orders/{id}', () => {
  it('finds by ext_order_id (both casings), pages by total_count, 404s an unknown id', async () => {
    for (const id of ['A-1', 'A-2', 'A-3']) await create(id);
    const byExt = await call('GET', `/V1/orders?${filterQuery('ext_order_id', 'A-2')}`);
    expect(byExt.body.total_count).toBe(1);
    expect(byExt.body.items[0].increment_id).toBe('AMZ-A-2');
    const camel = await call(
      'GET',
      '/V1/orders?searchCriteria[filterGroups][0][filters][0][field]=increment_id&searchCriteria[filterGroups][0][filters][0][value]=AMZ-A-%25&searchCriteria[filterGroups][0][filters][0][conditionType]=like&searchCriteria[pageSize]=2&searchCriteria[currentPage]=2',
    );
    expect(camel.body.total_count).toBe(3);
    expect(camel.body.items.map((o: { increment_id: string }) => o.increment_id)).toEqual(['AMZ-A-3']);
    expect(camel.body.search_criteria).toMatchObject({ page_size: 2, current_page: 2 });
    const missing = await call('GET', '/V1/orders/42');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      message: 'No such entity with %fieldName = %fieldValue',
      parameters: { fieldName: 'orderId', fieldValue: '42' },
    });
    const noCriteria = await call('GET', '/V1/orders');
    expect(noCriteria.body.parameters).toEqual({ fieldName: 'searchCriteria' });
  });
});

describe('invoice, cancel, comments', () => {
  it('invoice → processing; an invoiced order cannot be cancelled (false); a new one can (true)', async () => {
    const a = (await create('B-1')).body;
    const b = (await create('B-2')).body;
    const invoice = await call('POST', `/V1/order/${a.entity_id}/invoice`, { capture: true, notify: false });
    expect(invoice.status).toBe(200);
    expect(typeof invoice.body).toBe('number');
    expect(started.sandbox.getOrder(a.entity_id)).toMatchObject({
      state: 'processing',
      status: 'processing',
      total_paid: 28.8,
    });
    expect((await call('POST', `/V1/order/${a.entity_id}/invoice`, {})).status).toBe(400);
    expect((await call('POST', `/V1/orders/${a.entity_id}/cancel`)).body).toBe(false);
    expect((await call('POST', `/V1/orders/${b.entity_id}/cancel`)).body).toBe(true);
    expect(started.sandbox.getOrder(b.entity_id)).toMatchObject({ state: 'canceled', status: 'canceled' });
    expect(started.sandbox.getOrder(b.entity_id)?.items[0]?.qty_canceled).toBe(2);
    // MSI compensates every cancelled item, although a directly saved order never reserved: +2 salable.
    expect([started.sandbox.getStock('BOTTLE-750-SS'), started.sandbox.salableQuantity('BOTTLE-750-SS')]).toEqual([
      100, 102,
    ]);
    expect((await call('POST', `/V1/orders/${b.entity_id}/cancel`)).body).toBe(false);
    expect(started.sandbox.salableQuantity('BOTTLE-750-SS')).toBe(102);
    expect(() => started.sandbox.cancelOrder(a.entity_id)).toThrow();
  });

  it('adds comments that GET …/comments lists, touching updated_at', async () => {
    const o = (await create('C-1')).body;
    clock.advance(2000);
    const later = magentoTime(clock.now());
    const posted = await call('POST', `/V1/orders/${o.entity_id}/comments`, {
      statusHistory: {
        comment: 'Amazon total 28.80, Magento 28.80, difference 0.00',
        is_customer_notified: 0,
        is_visible_on_front: 0,
        parent_id: o.entity_id,
      },
    });
    expect(posted.body).toBe(true);
    const list = await call('GET', `/V1/orders/${o.entity_id}/comments`);
    expect(list.body.total_count).toBe(2);
    expect(list.body.items[1]).toMatchObject({
      comment: 'Amazon total 28.80, Magento 28.80, difference 0.00',
      parent_id: o.entity_id,
    });
    expect(started.sandbox.getOrder(o.entity_id)?.updated_at).toBe(later);
  });
});

describe('POST /V1/order/{id}/refund — offline credit memo', () => {
  it('closes an invoiced, unshipped order (which cancel refuses); refuses a new one', async () => {
    const o = (await create('R-1')).body;
    expect((await call('POST', `/V1/order/${o.entity_id}/refund`, {})).body).toEqual({
      message: 'Creditmemo Document Validation Error(s):\n%1',
      parameters: ['The order does not allow a creditmemo to be created.'],
    });
    await call('POST', `/V1/order/${o.entity_id}/invoice`, { capture: true });
    const memo = await call('POST', `/V1/order/${o.entity_id}/refund`, {
      notify: false,
      appendComment: true,
      comment: { comment: 'Amazon cancelled the order', is_visible_on_front: 0 },
    });
    expect(memo.status).toBe(200);
    expect(typeof memo.body).toBe('number');
    const after = started.sandbox.getOrder(o.entity_id);
    expect(after).toMatchObject({ state: 'closed', status: 'closed', total_refunded: 28.8 });
    expect(after?.items[0]?.qty_refunded).toBe(2);
    expect(after?.status_histories?.at(-1)?.comment).toBe('Amazon cancelled the order');
    expect((await call('POST', `/V1/order/${o.entity_id}/refund`, {})).status).toBe(400);
    expect(started.sandbox.statsSnapshot().creditMemosCreated).toBe(1);
  });
});

describe('POST /V1/order/{id}/ship and shipments', () => {
  it('ships with tracks, checks quantities, completes an invoiced order when all is shipped', async () => {
    const o = (await create('D-1')).body;
    const itemId = o.items[0].item_id as number;
    const track = { track_number: '1Z999AA10123456784', title: 'UPS', carrier_code: 'ups' };
    await call('POST', `/V1/order/${o.entity_id}/invoice`, { capture: true });
    const tooMany = await call('POST', `/V1/order/${o.entity_id}/ship`, {
      items: [{ order_item_id: itemId, qty: 3 }],
      tracks: [track],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toBe('Shipment Document Validation Error(s):\n%1');
    const first = await call('POST', `/V1/order/${o.entity_id}/ship`, {
      items: [{ order_item_id: itemId, qty: 1 }],
      tracks: [track],
    });
    expect(first.status).toBe(200);
    expect(started.sandbox.getOrder(o.entity_id)).toMatchObject({ state: 'processing' });
    const second = started.sandbox.shipOrder({
      orderId: o.entity_id,
      trackNumber: '1Z2',
      carrierCode: 'custom',
      title: 'Hermes',
    });
    expect(second.items).toEqual([expect.objectContaining({ order_item_id: itemId, qty: 1, sku: 'BOTTLE-750-SS' })]);
    expect(started.sandbox.getOrder(o.entity_id)).toMatchObject({ state: 'complete', status: 'complete' });
    expect((await call('POST', `/V1/order/${o.entity_id}/ship`, { tracks: [track] })).status).toBe(400);
    // MSI deducts every shipment from the source and compensates a reservation the directly saved order
    // never made: source 100 − 2, salable 98 + 2.
    expect(started.sandbox.getStock('BOTTLE-750-SS')).toBe(98);
    expect(started.sandbox.salableQuantity('BOTTLE-750-SS')).toBe(100);

    const shipment = await call('GET', `/V1/shipment/${String(first.body)}`);
    expect(shipment.body).toMatchObject({
      order_id: o.entity_id,
      total_qty: 1,
      tracks: [expect.objectContaining(track)],
    });
    const since = await call('GET', `/V1/shipments?${filterQuery('order_id', String(o.entity_id))}`);
    expect(since.body.total_count).toBe(2);
    expect(started.sandbox.listShipments()).toHaveLength(2);
    expect(started.sandbox.statsSnapshot().shipmentsCreated).toBe(2);
  });

  it('ships a new (not invoiced) order → processing; a cancelled one cannot be shipped', async () => {
    const o = (await create('E-1')).body;
    started.sandbox.shipOrder({ orderId: o.entity_id, trackNumber: 'T', carrierCode: 'dhl', title: 'DHL' });
    expect(started.sandbox.getOrder(o.entity_id)?.state).toBe('processing');
    const c = (await create('E-2')).body;
    started.sandbox.cancelOrder(c.entity_id);
    const refused = await call('POST', `/V1/order/${c.entity_id}/ship`, {
      tracks: [{ track_number: 'T', title: 'DHL', carrier_code: 'dhl' }],
    });
    expect(refused.body).toEqual({
      message: 'Shipment Document Validation Error(s):\n%1',
      parameters: ['The order does not allow a shipment to be created.'],
    });
  });
});
