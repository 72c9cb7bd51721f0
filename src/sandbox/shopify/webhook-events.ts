import { fulfillmentPayload, inventoryLevelPayload, orderPayload } from './webhook-payloads.js';
import type { ShopState } from './shop-state.js';
import type { ShopifyWebhookDispatcher } from './webhook-dispatcher.js';

/** Turns the shop's change events into webhook deliveries (bodies built at the time of the change). */
export function wireWebhooks(state: ShopState, webhooks: ShopifyWebhookDispatcher): void {
  state.onEvent((event) => {
    if (event.kind === 'inventory') {
      const body = inventoryLevelPayload(state, event.inventoryItemId, event.locationId);
      if (body) webhooks.publish('inventory_levels/update', body);
      return;
    }
    const order = state.orders.get(event.orderId);
    if (!order) return;
    for (const topic of event.topics) {
      if (topic.startsWith('fulfillments/')) {
        const f = order.fulfillments.find((x) => x.id === event.fulfillmentId);
        if (f) webhooks.publish(topic, fulfillmentPayload(order, f));
      } else {
        webhooks.publish(topic, orderPayload(order));
      }
    }
  });
}
