import type { ConcealedData, ConcealedItem, StoredOrder } from './stored-order.js';

function concealed(stored: StoredOrder): ConcealedData {
  stored.concealed ??= { items: {} };
  return stored.concealed;
}

/**
 * Pending orders show no money, no address and no buyer e-mail (as Amazon: "Pending orders return no
 * prices, taxes, shipping, gift or promotion data"). The data is kept aside and comes back on release.
 */
export function concealPending(stored: StoredOrder): void {
  const { order } = stored;
  const hidden = concealed(stored);
  if (order.proceeds) hidden.proceeds = order.proceeds;
  if (order.payment) hidden.payment = order.payment;
  delete order.proceeds;
  delete order.payment;
  if (order.fulfillment?.deliverByWindow) {
    hidden.deliverByWindow = order.fulfillment.deliverByWindow;
    delete order.fulfillment.deliverByWindow;
  }
  concealPersonalData(stored);
  for (const item of order.orderItems) {
    const kept: ConcealedItem = hidden.items[item.orderItemId] ?? {};
    if (item.product.price) kept.price = item.product.price;
    if (item.proceeds) kept.proceeds = item.proceeds;
    if (item.promotion) kept.promotion = item.promotion;
    if (item.expense) kept.expense = item.expense;
    if (item.fulfillment?.packing) kept.packing = item.fulfillment.packing;
    delete item.product.price;
    delete item.proceeds;
    delete item.promotion;
    delete item.expense;
    if (item.fulfillment) delete item.fulfillment.packing;
    hidden.items[item.orderItemId] = kept;
  }
}

/** Address and buyer e-mail disappear for pending and cancelled orders. */
export function concealPersonalData(stored: StoredOrder): void {
  const { order } = stored;
  const hidden = concealed(stored);
  if (order.recipient) hidden.recipient = order.recipient;
  delete order.recipient;
  if (order.buyer?.buyerEmail !== undefined) {
    hidden.buyerEmail = order.buyer.buyerEmail;
    delete order.buyer.buyerEmail;
  }
}

/** Puts everything back (release of a pending order). */
export function revealConcealed(stored: StoredOrder): void {
  const hidden = stored.concealed;
  if (!hidden) return;
  const { order } = stored;
  if (hidden.proceeds) order.proceeds = hidden.proceeds;
  if (hidden.payment) order.payment = hidden.payment;
  if (hidden.recipient) order.recipient = hidden.recipient;
  if (hidden.buyerEmail !== undefined && order.buyer) order.buyer.buyerEmail = hidden.buyerEmail;
  if (hidden.deliverByWindow && order.fulfillment) order.fulfillment.deliverByWindow = hidden.deliverByWindow;
  for (const item of order.orderItems) {
    const kept = hidden.items[item.orderItemId];
    if (!kept) continue;
    if (kept.price) item.product.price = kept.price;
    if (kept.proceeds) item.proceeds = kept.proceeds;
    if (kept.promotion) item.promotion = kept.promotion;
    if (kept.expense) item.expense = kept.expense;
    if (kept.packing) (item.fulfillment ??= {}).packing = kept.packing;
  }
  stored.concealed = null;
}
