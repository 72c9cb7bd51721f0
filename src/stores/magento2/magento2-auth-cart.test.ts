import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_MAGENTO_ACCESS_TOKEN, type StartedMagentoSandbox } from '../../sandbox/magento2/index.js';
import { send } from '../shopify/shopify-http.js';
import type { MagentoTransport } from './magento2.client.js';
import { roundTo } from '../../domain/money.js';
import type { StoreEvent } from '../store-connector.js';
import { connectorFor, deDraft, draft, item, must, OAUTH_SECRETS, startStore } from './magento2.test-support.js';

let started: StartedMagentoSandbox;
const BOTTLE = 'BOTTLE-750-SS';

beforeAll(async () => {
  ({ started } = await startStore({ integrationAsBearer: false }));
});
afterAll(() => started.close());

describe('authentication', () => {
  it('with "integration tokens as Bearer" off the token alone is refused clearly; OAuth 1.0a signing works', async () => {
    const bearer = await connectorFor(started, { secrets: { accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN } }).test();
    expect(bearer.ok ? null : [bearer.error.code, bearer.error.retryable]).toEqual(['magento2_auth_failed', false]);
    expect(bearer.ok ? '' : bearer.error.message).toMatch(/four integration credentials/);
    const oauth = connectorFor(started, { secrets: OAUTH_SECRETS });
    expect(must(await oauth.test()).storeName).toMatch(/Magento, default, EUR/);
    const ref = must(await oauth.createOrder(deDraft(BOTTLE)));
    expect(started.sandbox.getOrder(Number(ref.ref))?.grand_total).toBe(14.99);
  });

  it('an API resource the integration lacks (ACL) → 401 with the resource named, not retryable', async () => {
    const oauth = connectorFor(started, { secrets: OAUTH_SECRETS, settings: { invoice: false } });
    const ref = must(await oauth.createOrder(deDraft(BOTTLE)));
    started.sandbox.setAclResources([
      'Magento_Sales::sales',
      'Magento_Sales::actions_view',
      'Magento_Catalog::products',
    ]);
    try {
      const res = await oauth.cancelOrder(ref, 'Amazon cancelled the order');
      expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['magento2_auth_failed', false]);
      expect(res.ok ? '' : res.error.message).toMatch(
        /isn't authorized to access Magento_Sales::cancel — the integration lacks this API resource/,
      );
    } finally {
      started.sandbox.setAclResources(null);
    }
  });
});

describe('cart flow (orderCreation: cart)', () => {
  const settings = { orderCreation: 'cart' };

  it('Magento prices the order and reserves stock; ext_order_id, ids and a reconciliation comment are set once', async () => {
    const c = connectorFor(started, { secrets: OAUTH_SECRETS, settings });
    const d = deDraft(BOTTLE);
    const salable = started.sandbox.salableQuantity(BOTTLE);
    const source = started.sandbox.getStock(BOTTLE);
    const ref = must(await c.createOrder(d));
    expect(must(await c.createOrder(d))).toEqual(ref);
    const o = started.sandbox.getOrder(Number(ref.ref));
    expect(o?.ext_order_id).toBe(d.amazonOrderId);
    expect(o?.payment?.additional_information).toContain(`orderbridge_order_id:${d.orderId}`);
    expect(o?.items.map((i) => i.ext_order_item_id)).toEqual(['item-1']);
    expect(o?.state).toBe('processing');
    const reconciliation =
      o?.status_histories?.filter((h) => h.comment?.startsWith('Amazon total reconciliation')) ?? [];
    expect(reconciliation).toHaveLength(1);
    expect(reconciliation[0]?.comment).toContain(
      `Amazon's total 14.99 EUR, Magento's ${roundTo(String(o?.grand_total), 2)} EUR, difference `,
    );
    expect(started.sandbox.salableQuantity(BOTTLE)).toBe(salable - 3);
    expect(started.sandbox.getStock(BOTTLE)).toBe(source); // a reservation, not a deduction
    expect(started.sandbox.ordersByExtOrderId(d.amazonOrderId)).toHaveLength(1);
    // Stock events carry what Amazon may sell: the salable quantity, reservations taken off.
    const stock = must(await c.pollEvents(null)).events.find((e) => e.kind === 'stock' && e.productRef === BOTTLE);
    expect(stock).toMatchObject({ available: salable - 3 });
  });

  const buyer = (tag: string) => ({ ...deDraft(BOTTLE).customer, email: `${tag}-${Date.now()}@marketplace.amazon.de` });

  it('the answer of “place order” lost: the order Magento placed is found by buyer and items in the same call', async () => {
    const d = deDraft(BOTTLE, { customer: buyer('lost') });
    const losing: MagentoTransport = async (url, init) => {
      const answer = await send(url, init, { timeoutMs: 20_000 });
      if (/\/V1\/carts\/\d+\/order$/.test(url.pathname)) throw new Error('connection reset');
      return answer;
    };
    const before = started.sandbox.listOrders().length;
    const ref = must(
      await connectorFor(started, { secrets: OAUTH_SECRETS, settings, transport: losing }).createOrder(d),
    );
    expect(started.sandbox.listOrders().length).toBe(before + 1);
    expect(started.sandbox.getOrder(Number(ref.ref))?.ext_order_id).toBe(d.amazonOrderId);
  });

  it('a crash after Magento placed the order (before ext_order_id): the re-run finds it, no second order', async () => {
    const d = deDraft(BOTTLE, { customer: buyer('crash') });
    const crashing: MagentoTransport = (url, init) =>
      init.method === 'POST' && url.pathname.endsWith('/V1/orders')
        ? Promise.reject(new Error('process killed'))
        : send(url, init, { timeoutMs: 20_000 });
    const first = await connectorFor(started, { secrets: OAUTH_SECRETS, settings, transport: crashing }).createOrder(d);
    expect(first.ok).toBe(false);
    const before = started.sandbox.listOrders().length;
    const ref = must(await connectorFor(started, { secrets: OAUTH_SECRETS, settings }).createOrder(d));
    expect(started.sandbox.listOrders().length).toBe(before);
    expect(started.sandbox.getOrder(Number(ref.ref))?.ext_order_id).toBe(d.amazonOrderId);
  });

  it('two Amazon items of one product become one Magento item naming both; shipments split its units in order', async () => {
    const c = connectorFor(started, { secrets: OAUTH_SECRETS, settings });
    const d = draft({
      items: [
        item(BOTTLE, 1, { net: '8.40', tax: '1.60', gross: '10.00', rate: '19' }, '1', 'BOTTLE-A'),
        item(BOTTLE, 2, { net: '16.81', tax: '3.19', gross: '20.00', rate: '19' }, '2', 'BOTTLE-B'),
      ],
      totals: { net: '25.21', tax: '4.79', gross: '30.00' },
    });
    const ref = must(await c.createOrder(d));
    const o = started.sandbox.getOrder(Number(ref.ref));
    const line = o?.items.find((i) => i.sku === BOTTLE && !i.parent_item_id);
    expect([line?.qty_ordered, line?.ext_order_item_id]).toEqual([3, 'item-1:1,item-2:2']);
    const shipped = (events: StoreEvent[]) =>
      events.flatMap((e) => (e.kind === 'shipment' && e.orderId === d.orderId ? [e.items] : []));
    started.sandbox.shipOrder({
      orderId: Number(ref.ref),
      trackNumber: 'S1',
      carrierCode: 'dhl',
      title: 'DHL',
      items: [{ orderItemId: line?.item_id ?? 0, qty: 2 }],
    });
    const first = must(await c.pollEvents(null));
    expect(shipped(first.events)).toEqual([
      [
        { orderItemId: 'item-1', sku: BOTTLE, quantity: 1 },
        { orderItemId: 'item-2', sku: BOTTLE, quantity: 1 },
      ],
    ]);
    started.sandbox.shipOrder({
      orderId: Number(ref.ref),
      trackNumber: 'S2',
      carrierCode: 'dhl',
      title: 'DHL',
      items: [{ orderItemId: line?.item_id ?? 0, qty: 1 }],
    });
    expect(shipped(must(await c.pollEvents(first.cursor)).events)).toEqual([
      [{ orderItemId: 'item-2', sku: BOTTLE, quantity: 1 }],
    ]);
  });

  it('an unlinked Amazon line cannot go through a cart', async () => {
    const d = deDraft(BOTTLE);
    const res = await connectorFor(started, { secrets: OAUTH_SECRETS, settings }).createOrder({
      ...d,
      items: d.items.map((i) => ({ ...i, productRef: null })),
    });
    expect(res.ok ? null : res.error.code).toBe('magento2_unlinked_line');
  });
});
