/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- assertions on raw REST JSON */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMagentoSandbox, type StartedMagentoSandbox } from './index.js';
import { directOrderEntity, magentoFetcher } from './magento-sandbox.test-support.js';

let started: StartedMagentoSandbox;
let call: ReturnType<typeof magentoFetcher>;

beforeAll(async () => {
  started = await startMagentoSandbox({ seed: 5 });
  call = magentoFetcher(started.url);
});
afterAll(() => started.close());
beforeEach(() => started.sandbox.reset());

const entity = (id: string) =>
  directOrderEntity(id, 'BOTTLE-750-SS', started.sandbox.productBySku('BOTTLE-750-SS')?.id ?? 0);
const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${started.url}/_sandbox${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('faults', () => {
  it('5xx: Magento’s production error body, nothing saved, counted', async () => {
    started.sandbox.setFaults({ serverErrorRate: 1 });
    const res = await call('POST', '/V1/orders', { entity: entity('F-1') });
    expect([500, 503]).toContain(res.status);
    expect(res.body.message).toMatch(
      /^Internal Error\. Details are available in Magento log file\. Report ID: webapi-[0-9a-f]+$/,
    );
    expect(res.schemaErrors).toEqual([]);
    expect(started.sandbox.listOrders()).toHaveLength(0);
    expect(started.sandbox.statsSnapshot().serverErrors).toBe(1);
  });

  it('lost answer: the order is saved, the connection dies; a retry meets the unique increment_id', async () => {
    started.sandbox.setFaults({ lostResponseRate: 1 });
    await expect(call('POST', '/V1/orders', { entity: entity('F-2') })).rejects.toThrow();
    expect(started.sandbox.ordersByExtOrderId('F-2')).toHaveLength(1);
    // Reads are never lost.
    expect((await call('GET', '/V1/orders?searchCriteria[pageSize]=5')).status).toBe(200);
    started.sandbox.setFaults({});
    expect((await call('POST', '/V1/orders', { entity: entity('F-2') })).status).toBe(400);
    expect(started.sandbox.statsSnapshot()).toMatchObject({
      lostResponses: 1,
      duplicateIncrementIdRefused: 1,
      ordersCreated: 1,
    });
  });

  it('timeout: the write is saved, the answer held then dropped', async () => {
    started.sandbox.setFaults({ timeoutRate: 1, timeoutMs: 50 });
    await expect(call('POST', '/V1/orders', { entity: entity('F-3') })).rejects.toThrow();
    expect(started.sandbox.ordersByExtOrderId('F-3')).toHaveLength(1);
    expect(started.sandbox.statsSnapshot().timeouts).toBe(1);
  });

  it('the same seed gives the same faults', async () => {
    const draws = async () => {
      started.sandbox.setFaults({ seed: 3, serverErrorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await call('GET', '/V1/store/storeConfigs')).status);
      return statuses;
    };
    const first = await draws();
    expect(await draws()).toEqual(first);
    expect(first.some((s) => s !== 200)).toBe(true);
  });
});

describe('control API /_sandbox', () => {
  it('lists, ships and cancels orders; sets stock; faults; ACL; stats; reset', async () => {
    const created = await call('POST', '/V1/orders', { entity: entity('C-1') });
    const other = await call('POST', '/V1/orders', { entity: entity('C-2') });
    expect((await control('GET', '/orders')).body.orders).toHaveLength(2);
    expect((await control('GET', '/orders/by-ext-order-id/C-1')).body.orders).toHaveLength(1);
    const shipped = await control('POST', `/orders/${String(created.body.entity_id)}/ship`, {
      trackNumber: '1Z',
      carrierCode: 'ups',
      title: 'UPS',
    });
    expect(shipped.body.shipment).toMatchObject({
      order_id: created.body.entity_id,
      tracks: [expect.objectContaining({ track_number: '1Z' })],
    });
    expect(
      (await control('POST', `/orders/${String(created.body.entity_id)}/ship`, { trackNumber: '1Z' })).status,
    ).toBe(400);
    const canceled = await control('POST', `/orders/${String(other.body.entity_id)}/cancel`);
    expect(canceled.body.order).toMatchObject({ state: 'canceled' });
    expect((await control('POST', `/orders/${String(other.body.entity_id)}/cancel`)).status).toBe(400);
    expect((await control('GET', '/shipments')).body.shipments).toHaveLength(1);
    // The shipment's and the cancel's compensating reservations (+2 each, as MSI places them for every
    // order) stay on top of whatever the source is set to.
    expect((await control('PUT', '/stock/BOTTLE-750-SS', { quantity: 7 })).body).toMatchObject({
      quantity: 7,
      salable: 11,
    });
    expect(
      (await control('PUT', '/stock/BOTTLE-750-SS', { quantity: 2, sourceCode: 'eu_warehouse' })).body,
    ).toMatchObject({ quantity: 2, salable: 13 });
    expect((await control('GET', '/stock/BOTTLE-750-SS')).body).toMatchObject({ quantity: 7, salable: 13 });
    expect((await control('PUT', '/stock/NOPE', { quantity: 1 })).status).toBe(404);
    expect((await control('PUT', '/faults', { serverErrorRate: 2 })).status).toBe(400);
    expect((await control('PUT', '/faults', { serverErrorRate: 0.1 })).body).toMatchObject({ serverErrorRate: 0.1 });
    expect((await control('PUT', '/acl', { resources: ['Magento_Sales::actions_view'] })).status).toBe(200);
    expect((await call('POST', '/V1/orders', { entity: entity('C-3') })).status).toBe(401);
    const stats = await control('GET', '/stats');
    expect(stats.body).toMatchObject({ ordersCreated: 2, shipmentsCreated: 1, ordersCanceled: 1, authFailures: 1 });
    expect((await control('POST', '/reset')).body).toEqual({ reset: true });
    expect((await control('GET', '/orders')).body.orders).toEqual([]);
    expect((await control('GET', '/nothing')).status).toBe(404);
  });
});
