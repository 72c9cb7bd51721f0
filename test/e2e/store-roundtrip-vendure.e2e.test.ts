import Big from 'big.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/http-server.js';
import { authorize } from '../helpers/api-auth.js';
import { VendureClient } from '../../src/stores/vendure/vendure.client.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { linkHeldSkus, openStoreTestEnv, runJobsUntil, type StoreTestEnv } from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';
import {
  freePort,
  startVendureServer,
  VENDURE_METHOD_CODES,
  VENDURE_SKIP_NOTICE,
  VENDURE_SUPERADMIN,
  vendureInstalled,
  type VendureServer,
} from '../helpers/vendure-server.js';

const installed = vendureInstalled();
if (!installed) console.log(VENDURE_SKIP_NOTICE);

const WEBHOOK_SECRET = 'roundtrip-vendure-webhook-secret';

interface VendureOrder {
  id: string;
  state: string;
  totalWithTax: number;
  customFields: { amazonOrderId: string | null };
  lines: { id: string; quantity: number; productVariant: { id: string; sku: string } }[];
}
const ORDERS = `query { orders(options: { filter: { orderBridgeOrderId: { isNull: false } }, take: 100 }) {
  items { id state totalWithTax customFields { amazonOrderId } lines { id quantity productVariant { id sku } } } } }`;
const FULFIL = `mutation($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) {
  __typename ... on Fulfillment { id } ... on ErrorResult { errorCode message } } }`;
const TRANSITION = `mutation($id: ID!) { transitionFulfillmentToState(id: $id, state: "Shipped") {
  __typename ... on Fulfillment { id state } ... on ErrorResult { errorCode message } } }`;
const CANCEL = `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) {
  __typename ... on Order { state } ... on ErrorResult { errorCode message } } }`;
const VARIANT = `query($id: ID!) { productVariant(id: $id) { stockLevels { stockOnHand stockAllocated } } }`;
const SET_STOCK = `mutation($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }`;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/**
 * The loop of store-roundtrip.e2e.test.ts against a REAL Vendure 3.7 with the OrderBridge plugin:
 * Amazon orders become Vendure orders with exact lines and totals; Vendure's shipment (carrier not
 * in the mapping) and cancellation reach Amazon through the plugin's signed webhooks, the store
 * poll sees the same events without doubling them, and a stock change in Vendure reaches the
 * Amazon listing through the poll. Checked in the Amazon sandbox's and Vendure's own state.
 */
describeEachDatabase(
  'store round trip (Amazon ⇄ Vendure)',
  (ctx) => {
    let env: StoreTestEnv;
    let http: FastifyInstance;
    let vendure: VendureServer;
    let admin: VendureClient;
    /** Status codes OrderBridge answered the plugin's webhook requests with. */
    const webhookStatuses: number[] = [];

    beforeAll(async () => {
      if (!installed) return;
      // The store id is part of the webhook URL and the Admin API URL part of the store: pick
      // Vendure's port first, add the store, then start Vendure with the store's webhook URL.
      const port = await freePort();
      const adminApiUrl = `http://127.0.0.1:${port}/admin-api`;
      env = await openStoreTestEnv(ctx.url(), {
        config: {
          defaultShippingService: 'Other',
          defaultOrderShippingMethod: 'DHL Paket',
          carrierMapping: { 'dhl-de': 'DHL' },
          cancellationReason: 'ShippingAddressUndeliverable',
        },
        store: {
          platform: 'vendure',
          baseUrl: adminApiUrl,
          settings: { ...VENDURE_METHOD_CODES },
          secrets: { ...VENDURE_SUPERADMIN, webhookSecret: WEBHOOK_SECRET },
        },
      });
      http = await buildHttpServer({ app: env.app, requestSync: () => Promise.resolve('job') });
      await authorize(http, env.app);
      http.addHook('onResponse', async (req, reply) => {
        if (req.url.endsWith('/webhook')) webhookStatuses.push(reply.statusCode);
      });
      const base = await http.listen({ host: '127.0.0.1', port: 0 });
      vendure = await startVendureServer({
        port,
        webhookUrl: `${base}/api/stores/${env.storeId}/webhook`,
        webhookSecret: WEBHOOK_SECRET,
      });
      expect(vendure.adminApiUrl).toBe(adminApiUrl);
      admin = new VendureClient({ adminApiUrl, ...VENDURE_SUPERADMIN, timeoutMs: 15_000 });
    }, 120_000);
    afterAll(async () => {
      await vendure?.close();
      await http?.close();
      await env?.close();
    });

    async function orderOf(amazonOrderId: string) {
      const d = await env.app.orders.details(env.app.accountId, amazonOrderId);
      if (!d.ok) throw d.error;
      return d.value;
    }

    async function vendureOrders(): Promise<Map<string, VendureOrder[]>> {
      const res = must(await admin.request<{ orders: { items: VendureOrder[] } }>('orders', ORDERS));
      const byId = new Map<string, VendureOrder[]>();
      for (const o of res.orders.items) {
        const id = o.customFields.amazonOrderId ?? '';
        byId.set(id, [...(byId.get(id) ?? []), o]);
      }
      return byId;
    }

    async function ship(order: VendureOrder, method: string, trackingCode: string): Promise<void> {
      const lines = order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
      const handler = {
        code: 'manual-fulfillment',
        arguments: [
          { name: 'method', value: method },
          { name: 'trackingCode', value: trackingCode },
        ],
      };
      const added = must(
        await admin.request<{ addFulfillmentToOrder: { __typename: string; id?: string; message?: string } }>(
          'addFulfillmentToOrder',
          FULFIL,
          { input: { lines, handler } },
        ),
      ).addFulfillmentToOrder;
      expect(added.__typename, added.message).toBe('Fulfillment');
      const moved = must(
        await admin.request<{ transitionFulfillmentToState: { __typename: string; state?: string } }>(
          'transitionFulfillmentToState',
          TRANSITION,
          { id: added.id },
        ),
      ).transitionFulfillmentToState;
      expect(moved).toMatchObject({ __typename: 'Fulfillment', state: 'Shipped' });
    }

    it.skipIf(!installed)(
      'delivers orders exactly once, then ships, cancels and changes stock back to Amazon',
      async () => {
        const { amazon, app } = env;
        const ids = amazon.sandbox.generateOrders({
          count: 6,
          marketplaceId: DE,
          fulfillment: 'MFN',
          statuses: { UNSHIPPED: 1 },
        });
        const imported = await app.importOrders(env.connectionId, { trigger: 'manual' });
        if (!imported.ok) throw imported.error;
        await app.runStoreJobs();
        // Lower-case SKU spellings have no Vendure variant: those orders wait until linked.
        const held = (await app.storeSideService.needsAttention(app.accountId, 100)).filter((o) => o.status === 'held');
        expect((await vendureOrders()).size).toBe(ids.length - held.length);
        expect(await linkHeldSkus(env, (sku) => vendure.variants[sku])).toBeGreaterThanOrEqual(held.length);
        await runJobsUntil(app, async () => (await vendureOrders()).size === ids.length, 60_000);

        // Exact lines (variant and quantity) and totals, one Vendure order per Amazon order.
        const skuOfVariant = new Map(Object.entries(vendure.variants).map(([sku, id]) => [id, sku]));
        const byAmazonId = await vendureOrders();
        for (const id of ids) {
          const storeOrders = byAmazonId.get(id) ?? [];
          expect(storeOrders, id).toHaveLength(1);
          const storeOrder = storeOrders[0] as VendureOrder;
          const { order, lines } = await orderOf(id);
          const t = order.totals;
          // Vendure's totalWithTax (minor units) is what the merchant is owed, to the cent.
          expect(new Big(storeOrder.totalWithTax).div(100).eq(new Big(t.gross ?? 'NaN')), id).toBe(true);
          expect(new Big(t.gross ?? 'NaN').plus(t.excludedTax ?? '0').eq(new Big(t.amazonTotal ?? 'NaN')), id).toBe(
            true,
          );
          expect(storeOrder.state, id).toBe('PaymentSettled');
          const storeLines = storeOrder.lines.map((l) => `${l.productVariant.sku}×${l.quantity}`).sort();
          const amazonLines = lines
            .filter((l) => l.kind === 'item')
            .map((l) => `${skuOfVariant.get(l.productRef ?? '') ?? `unlinked:${l.sellerSku}`}×${l.quantityOrdered}`)
            .sort();
          expect(storeLines, id).toEqual(amazonLines);
          expect(order.storeState).toBe('created');
          expect(order.status).toBe('in_store');
        }

        // Re-import and re-deliver: nothing new in the store.
        amazon.sandbox.advanceClock(180);
        await app.importOrders(env.connectionId, { trigger: 'manual' });
        await app.runStoreJobs();
        expect([...(await vendureOrders()).values()].every((o) => o.length === 1)).toBe(true);
        expect((await vendureOrders()).size).toBe(ids.length);

        // 1. Vendure ships with a carrier the mapping does not know, and one it knows: the plugin's webhook
        // brings both (no poll yet).
        const [shipId, cancelId, mappedId] = ids as [string, string, string];
        const vendureOrder = (id: string) => byAmazonId.get(id)?.[0] as VendureOrder;
        await ship(vendureOrder(shipId), 'Speedy Parcel', 'SP-0001');
        await ship(vendureOrder(mappedId), 'dhl-de', '00340434161234567890');
        await runJobsUntil(
          app,
          () =>
            (amazon.sandbox.getOrder(shipId).packages ?? []).length === 1 &&
            (amazon.sandbox.getOrder(mappedId).packages ?? []).length === 1,
        );
        expect(webhookStatuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(2);
        const unmapped = amazon.sandbox.getOrder(shipId).packages?.[0];
        // Not in the mapping → Default Shipping service "Other" with Vendure's method as the carrier name.
        expect(unmapped).toMatchObject({
          carrier: 'Speedy Parcel',
          trackingNumber: 'SP-0001',
          packageReferenceId: '1',
        });
        expect(amazon.sandbox.getOrder(mappedId).packages?.[0]).toMatchObject({
          carrier: 'DHL',
          trackingNumber: '00340434161234567890',
        });
        const sent = must(await app.storeSideService.shipments(app.accountId, { limit: 10 }));
        expect(sent.map((x) => [x.carrierCode, x.state]).sort()).toEqual([
          ['DHL', 'confirmed'],
          ['Other', 'confirmed'],
        ]);
        expect(sent.find((x) => x.carrierCode === 'Other')?.carrierName).toBe('Speedy Parcel');
        expect(amazon.sandbox.getOrder(shipId).fulfillment?.fulfillmentStatus).toBe('SHIPPED');

        // The poll (safety net) sees the same shipments and confirms nothing twice.
        const polled = must(await app.storeSideService.pollStore(app.accountId, env.storeId));
        expect(polled.shipments).toBe(0);
        expect(polled.duplicates).toBeGreaterThanOrEqual(2);
        await app.runStoreJobs();
        expect(amazon.sandbox.getOrder(shipId).packages).toHaveLength(1);
        expect((await orderOf(shipId)).timeline.filter((e) => e.kind === 'amazon.shipment_confirmed')).toHaveLength(1);

        // 2. Vendure cancels another order → (webhook) Amazon shows it cancelled with the configured reason.
        const cancelled = must(
          await admin.request<{ cancelOrder: { __typename: string; state?: string } }>('cancelOrder', CANCEL, {
            input: { orderId: vendureOrder(cancelId).id, cancelShipping: true, reason: 'out of stock' },
          }),
        ).cancelOrder;
        expect(cancelled).toMatchObject({ __typename: 'Order', state: 'Cancelled' });
        await runJobsUntil(
          app,
          () => amazon.sandbox.getOrder(cancelId).fulfillment?.fulfillmentStatus === 'CANCELLED',
          30_000,
        );
        expect(webhookStatuses.every((s) => s === 202)).toBe(true);
        expect(JSON.stringify(amazon.sandbox.orderFeedActions(cancelId))).toContain('ShippingAddressUndeliverable');
        await runJobsUntil(app, async () =>
          (await orderOf(cancelId)).timeline.some((e) => e.kind === 'amazon.cancellation_applied'),
        );
        const repolled = must(await app.storeSideService.pollStore(app.accountId, env.storeId));
        expect(repolled.cancellations).toBe(0);

        // 3. A stock change in Vendure → (poll) the Amazon listing quantity follows.
        const line = (await orderOf(shipId)).lines.find((l) => l.kind === 'item');
        const sku = line?.sellerSku as string;
        const variantId = line?.productRef as string;
        const level = must(
          await admin.request<{ productVariant: { stockLevels: { stockOnHand: number; stockAllocated: number }[] } }>(
            'productVariant',
            VARIANT,
            { id: variantId },
          ),
        ).productVariant.stockLevels[0];
        // Saleable = stockOnHand − stockAllocated (other open orders may hold the same variant).
        must(
          await admin.request('updateProductVariants', SET_STOCK, {
            input: [{ id: variantId, stockOnHand: 42 + (level?.stockAllocated ?? 0) }],
          }),
        );
        const stockPoll = must(await app.storeSideService.pollStore(app.accountId, env.storeId));
        expect(stockPoll.stock).toBeGreaterThanOrEqual(1);
        await runJobsUntil(app, () => amazon.sandbox.listListings({ sku, marketplaceId: DE })[0]?.quantity === 42);
      },
      180_000,
    );
  },
  { isolation: 'file' },
);
