import { TRACKING_PROVIDERS, addTracking, deleteTracking, trackingItems, trackingView } from './shipment-tracking.js';
import { WooHttpError } from './woo-errors.js';
import { idParam, json, type WooRequest, type WooRoute } from './woo-route.js';

/** The Shipment Tracking extension's namespace `wc-shipment-tracking/v3`. */
const BASE = '/wc-shipment-tracking/v3/orders/{id}/shipment-trackings';

function find(r: WooRequest): { orderId: number; items: ReturnType<typeof trackingItems> } {
  const order = r.sandbox.orders.get(idParam(r));
  return { orderId: order.id, items: trackingItems(order) };
}

export const TRACKING_ROUTES: readonly WooRoute[] = [
  {
    method: 'GET',
    pattern: '/wc-shipment-tracking/v3/shipment-trackings/providers',
    public: true,
    run: () => json(TRACKING_PROVIDERS),
  },
  {
    method: 'GET',
    pattern: BASE,
    run: (r) => {
      const { orderId, items } = find(r);
      return json(items.map((i) => trackingView(r.sandbox.ctx, orderId, i)));
    },
  },
  {
    method: 'POST',
    pattern: BASE,
    run: (r) => {
      const order = r.sandbox.orders.get(idParam(r));
      const item = addTracking(r.sandbox.ctx, order, r.body);
      r.sandbox.orders.touch(order);
      const view = trackingView(r.sandbox.ctx, order.id, item);
      return json(view, 201, {
        location: `${r.sandbox.ctx.settings.siteUrl}/wp-json${BASE.replace('{id}', String(order.id))}/${item.tracking_id}`,
      });
    },
  },
  {
    method: 'GET',
    pattern: `${BASE}/{tracking_id}`,
    run: (r) => {
      const { orderId, items } = find(r);
      const item = items.find((i) => i.tracking_id === r.params.tracking_id);
      if (!item) throw new WooHttpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid tracking ID.');
      return json(trackingView(r.sandbox.ctx, orderId, item));
    },
  },
  {
    method: 'DELETE',
    pattern: `${BASE}/{tracking_id}`,
    run: (r) => {
      const order = r.sandbox.orders.get(idParam(r));
      const item = deleteTracking(r.sandbox.ctx, order, r.params.tracking_id ?? '');
      r.sandbox.orders.touch(order);
      return json(trackingView(r.sandbox.ctx, order.id, item));
    },
  },
];
