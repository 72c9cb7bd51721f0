import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Order } from '../domain/order.js';
import type { OrdersConfig } from '../domain/orders-config.js';
import { nextShipDate, packageReferenceIdFor, resolveCarrier, validateShipment } from '../domain/shipment-rules.js';
import type { Store } from '../domain/store.js';
import { newId } from '../lib/ids.js';
import type { StoreEvent } from '../stores/store-connector.js';
import { FBA_NOT_SENT, unitsLeft } from '../domain/write-back-progress.js';
import { openQuantities, toAmazonItems } from './record-store-events.js';
import { enqueueShipmentConfirm, type StoreSideDeps } from './store-side-deps.js';

type ShipmentEvent = Extract<StoreEvent, { kind: 'shipment' }>;

/** The order's needs-attention code while its latest store shipment cannot be sent to Amazon. */
const SHIPMENT_INVALID = 'shipment_invalid';

/**
 * One store shipment → one Amazon package: carrier mapped (mapping table → Default Shipping service →
 * Other + name), package reference id fixed now (a retried confirmShipment edits the same package),
 * ship date never later than one already sent, validated before anything goes to Amazon.
 */
export async function recordShipment(
  deps: StoreSideDeps,
  trx: Kysely<Database>,
  order: Order,
  event: ShipmentEvent,
  store: Store,
  config: OrdersConfig | null,
): Promise<boolean> {
  const lines = await deps.orders.lines(order.id, trx);
  const earlier = await deps.shipments.forOrder(order.id, trx);
  if (earlier.some((s) => s.storeRef === event.storeRef)) return false;
  const open = openQuantities(lines);
  for (const s of earlier.filter((x) => x.state !== 'invalid' && x.state !== 'failed')) {
    // Quantities already recorded for Amazon but maybe not yet visible in Amazon's order data.
    for (const i of s.items)
      if (open[i.orderItemId] !== undefined) open[i.orderItemId] = Math.max(0, (open[i.orderItemId] ?? 0) - i.quantity);
  }
  const carrier = resolveCarrier(
    { storeCarrier: event.carrier, storeCarrierName: event.carrierName, storeShippingMethod: event.shippingMethod },
    {
      mapping: config?.carrierMapping ?? {},
      defaultShippingService: config?.defaultShippingService ?? 'Other',
      defaultOrderShippingMethod: config?.defaultOrderShippingMethod ?? '',
    },
  );
  const sentDates = earlier.filter((s) => s.state === 'confirmed').map((s) => s.shipDate);
  const draft = {
    carrierCode: carrier.carrierCode,
    carrierName: carrier.carrierName,
    trackingNumber: event.trackingNumber,
    packageReferenceId: packageReferenceIdFor(earlier.map((s) => s.packageReferenceId)),
    shipDate: nextShipDate(event.shipDate, sentDates),
    items: toAmazonItems(event.items, lines, open),
  };
  // Amazon fulfils FBA orders itself: a store shipment of one is kept, never sent (nor validated) for Amazon.
  const fba = order.fulfillmentChannel === 'AFN';
  const issues = fba ? [] : validateShipment(draft, open);
  const now = deps.clock.nowIso();
  const id = newId();
  const error = issues.length > 0 ? issues.map((i) => i.message).join('; ') : null;
  const inserted = await deps.shipments.insert(
    trx,
    {
      id,
      orderId: order.id,
      connectionId: order.connectionId,
      storeId: store.id,
      storeRef: event.storeRef,
      ...draft,
      shippingMethod: carrier.shippingMethod,
      state: fba ? 'not_sent' : error ? 'invalid' : 'pending',
      lastError: error,
      createdAt: now,
    },
    now,
  );
  if (!inserted) return false;
  const carrierText = draft.carrierCode === 'Other' ? `Other (${draft.carrierName ?? '?'})` : draft.carrierCode;
  await deps.orders.addEvent(trx, {
    orderId: order.id,
    connectionId: order.connectionId,
    occurredAt: now,
    direction: 'store_to_hub',
    kind: fba ? 'store.shipment_not_sent' : error ? 'store.shipment_invalid' : 'store.shipment_received',
    summary: `${store.name} shipped ${draft.items.reduce((n, i) => n + i.quantity, 0)} unit(s) with ${carrierText}, tracking ${draft.trackingNumber ?? '—'}, package ${draft.packageReferenceId}${fba ? ` — ${FBA_NOT_SENT}` : error ? ` — not sent to Amazon: ${error}` : ''}`,
    payload: { storeRef: event.storeRef, storeCarrier: event.carrier, ...draft, issues },
  });
  // A whole-order tracking item once nothing is left to ship (a second parcel) only goes on the timeline.
  const nothingLeft = event.items === null && issues.every((i) => i.code === 'items_required');
  if (error && !nothingLeft) {
    // Nothing goes to Amazon: the merchant must see why in needs-attention, not only on the timeline.
    const message = `Shipment from ${store.name} (tracking ${draft.trackingNumber ?? '—'}) not sent to Amazon: ${error} — once corrected, record the shipment again in the store`;
    await deps.orderStore.setError(trx, order.id, { code: SHIPMENT_INVALID, message }, now);
  } else if (!error && order.errorCode === SHIPMENT_INVALID) {
    // A corrected shipment from the store settles the earlier invalid one.
    await deps.orderStore.clearError(trx, order.id, now);
  }
  if (!error && !fba) {
    await enqueueShipmentConfirm(deps, { id, orderId: order.id }, trx);
  }
  if (!error) {
    // The store shipped: its side of the order moves on now, whatever Amazon answers later.
    const recorded = [...earlier.filter((s) => s.state !== 'invalid' && s.state !== 'failed'), draft];
    const storeState = unitsLeft(lines, recorded) > 0 ? 'partially_shipped' : 'shipped';
    await deps.orderStore.moveStoreState(trx, order.id, storeState, ['created', 'partially_shipped'], now);
  }
  return true;
}
