import type { Inventory } from './inventory.js';
import { MagentoHttpError, inputError } from './magento-errors.js';
import { asArray, isJsonObject, numberOf, type Json } from './magento-format.js';
import { orderItems, type OrderRecord, type OrderStore } from './order-store.js';
import type { ShipmentStore } from './shipment-store.js';

/** What an order action needs from the sandbox. */
export interface OrderActionEnv {
  orders: OrderStore;
  shipments: ShipmentStore;
  inventory: Inventory;
  /** The stock the cart flow reserves in. */
  stockId: number;
  nextInvoiceId(): number;
  nextCreditMemoId(): number;
}

const CLOSED_STATES = new Set(['canceled', 'complete', 'closed', 'holded', 'payment_review']);

const qtyToInvoice = (i: Json): number => numberOf(i.qty_ordered) - numberOf(i.qty_invoiced) - numberOf(i.qty_canceled);
const qtyToShip = (i: Json): number =>
  i.product_type === 'virtual'
    ? 0
    : numberOf(i.qty_ordered) - numberOf(i.qty_shipped) - numberOf(i.qty_refunded) - numberOf(i.qty_canceled);

const state = (order: OrderRecord): string => (typeof order.entity.state === 'string' ? order.entity.state : 'new');

function setState(order: OrderRecord, next: string): void {
  order.entity.state = next;
  order.entity.status = next === 'new' ? 'pending' : next;
}

/** After an invoice or shipment: complete when nothing is left to invoice or ship, else processing. */
function settleState(order: OrderRecord): void {
  const items = orderItems(order);
  const done = items.every((i) => qtyToInvoice(i) <= 0 && qtyToShip(i) <= 0);
  setState(order, done ? 'complete' : 'processing');
}

/** Order::canCancel: not when closed, and not when every item is invoiced (a credit memo is needed). */
export function canCancel(order: OrderRecord): boolean {
  if (CLOSED_STATES.has(state(order))) return false;
  return orderItems(order).some((i) => qtyToInvoice(i) > 0);
}

/** POST /V1/orders/{id}/cancel: true when cancelled, false when Magento cannot cancel it. */
export function cancelOrder(env: OrderActionEnv, order: OrderRecord): boolean {
  if (!canCancel(order)) return false;
  for (const item of orderItems(order)) {
    const toCancel =
      numberOf(item.qty_ordered) -
      Math.max(numberOf(item.qty_shipped), numberOf(item.qty_invoiced)) -
      numberOf(item.qty_canceled);
    if (toCancel <= 0) continue;
    item.qty_canceled = numberOf(item.qty_canceled) + toCancel;
    // MSI's CancelOrderItemObserver compensates every cancelled item, whether or not the order reserved
    // at checkout: a directly saved order's cancel therefore raises the salable quantity too.
    if (typeof item.sku === 'string')
      env.inventory.reserve(item.sku, env.stockId, toCancel, `order_canceled:${String(order.entity.entity_id)}`);
  }
  setState(order, 'canceled');
  env.orders.touch(order);
  return true;
}

/** POST /V1/order/{id}/invoice (whole remaining quantity; `capture` marks it paid). Answers the invoice id. */
export function invoiceOrder(env: OrderActionEnv, order: OrderRecord, body: Json): number {
  const items = orderItems(order);
  if (CLOSED_STATES.has(state(order)) || !items.some((i) => qtyToInvoice(i) > 0))
    throw inputError('The order does not allow an invoice to be created.');
  const wanted = new Map<number, number>();
  for (const raw of asArray(body.items).filter(isJsonObject))
    wanted.set(numberOf(raw.order_item_id), numberOf(raw.qty));
  for (const item of items) {
    const qty = wanted.size === 0 ? qtyToInvoice(item) : (wanted.get(numberOf(item.item_id)) ?? 0);
    if (qty > qtyToInvoice(item))
      throw inputError('The quantity to invoice must not be greater than the uninvoiced quantity.');
    item.qty_invoiced = numberOf(item.qty_invoiced) + qty;
  }
  const e = order.entity;
  e.total_invoiced = e.grand_total;
  e.base_total_invoiced = e.base_grand_total;
  if (body.capture === true) {
    e.total_paid = e.grand_total;
    e.base_total_paid = e.base_grand_total;
  }
  settleState(order);
  env.orders.touch(order);
  return env.nextInvoiceId();
}

export interface ShipInput {
  items?: { order_item_id: number; qty: number }[];
  tracks: { track_number: string; title: string; carrier_code: string }[];
  comment?: string | null;
  sourceCode?: string;
}

const shipError = (reason: string): MagentoHttpError =>
  new MagentoHttpError(400, 'Shipment Document Validation Error(s):\n%1', [reason]);

/** POST /V1/order/{id}/ship (ShipOrder): checks quantities and tracks, records the shipment, settles the state. */
export function shipOrder(env: OrderActionEnv, order: OrderRecord, input: ShipInput): Json {
  const items = orderItems(order);
  if (CLOSED_STATES.has(state(order)) || !items.some((i) => qtyToShip(i) > 0))
    throw shipError('The order does not allow a shipment to be created.');
  for (const t of input.tracks)
    if (!t.track_number || !t.carrier_code || !t.title)
      throw shipError('Please enter a tracking number, carrier code and title.');
  const lines =
    input.items && input.items.length > 0
      ? input.items
      : items.filter((i) => qtyToShip(i) > 0).map((i) => ({ order_item_id: numberOf(i.item_id), qty: qtyToShip(i) }));
  const shipped: Json[] = [];
  for (const line of lines) {
    const item = items.find((i) => numberOf(i.item_id) === line.order_item_id);
    if (!item) throw shipError(`The order item ${line.order_item_id} does not belong to the order.`);
    if (line.qty <= 0) continue;
    if (line.qty > qtyToShip(item))
      throw shipError('The quantity to ship must not be greater than the unshipped quantity.');
  }
  for (const line of lines) {
    const item = items.find((i) => numberOf(i.item_id) === line.order_item_id) as Json;
    if (line.qty <= 0) continue;
    item.qty_shipped = numberOf(item.qty_shipped) + line.qty;
    shipped.push({
      order_item_id: line.order_item_id,
      qty: line.qty,
      sku: item.sku,
      name: item.name,
      price: item.price,
      product_id: item.product_id,
      row_total: item.row_total,
      weight: item.weight,
    });
    // MSI's SourceDeductionProcessor runs on every shipment: it deducts the source and places a compensating
    // reservation for the one it assumes checkout made — also for a directly saved order, which made none.
    if (typeof item.sku === 'string') {
      env.inventory.deduct(item.sku, input.sourceCode ?? 'default', line.qty);
      env.inventory.reserve(item.sku, env.stockId, line.qty, `shipment_created:${String(order.entity.entity_id)}`);
    }
  }
  if (shipped.length === 0) throw shipError("You can't create a shipment without products.");
  const shipment = env.shipments.add({
    orderId: numberOf(order.entity.entity_id),
    storeId: numberOf(order.entity.store_id),
    items: shipped,
    tracks: input.tracks,
    comment: input.comment ?? null,
    sourceCode: input.sourceCode ?? 'default',
  });
  settleState(order);
  env.orders.touch(order);
  return shipment;
}

/** POST /V1/orders/{id}/comments: appends a status history entry (optionally changing the status label). */
export function addComment(env: OrderActionEnv, order: OrderRecord, history: Json): void {
  const histories = asArray(order.entity.status_histories);
  histories.push({ ...structuredClone(history), status: history.status ?? order.entity.status });
  order.entity.status_histories = histories;
  if (typeof history.status === 'string' && history.status !== '') order.entity.status = history.status;
  env.orders.update({ entity_id: order.entity.entity_id });
}
