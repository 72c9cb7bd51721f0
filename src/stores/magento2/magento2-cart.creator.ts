import { minorUnits, roundTo, sub } from '../../domain/money.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft, StoreOrderRef } from '../store-connector.js';
import type { MagentoContext } from './magento2.context.js';
import { invalid } from './magento2.errors.js';
import { formatItemIds } from './magento2-item-ids.js';
import { orderAddress } from './magento2-order.body.js';
import { addMissingComments, invoiceIfDue } from './magento2-order.finish.js';
import { orderByAmazonId, orderById, searchOrders, toRef } from './magento2-order.lookup.js';
import { toMagentoTime } from './magento2-search.js';
import { AMAZON_ORDER_INFO, MARKETPLACE_INFO, ORDER_ID_INFO, type MagentoOrder } from './magento2.types.js';

/** Margin before Amazon's purchase time when looking for an order placed before a crash. */
const RECOVERY_MARGIN_MS = 3_600_000;

const quantities = (pairs: [string, number][]): string =>
  [
    ...pairs.reduce(
      (m, [sku, q]) => m.set(sku.toLowerCase(), (m.get(sku.toLowerCase()) ?? 0) + q),
      new Map<string, number>(),
    ),
  ]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([sku, q]) => `${sku}×${q}`)
    .join(',');

const draftQuantities = (d: StoreOrderDraft): string =>
  quantities(d.items.map((i) => [i.productRef ?? '', i.quantity]));
const orderQuantities = (o: MagentoOrder): string =>
  quantities((o.items ?? []).filter((i) => !i.parent_item_id).map((i) => [i.sku, Number(i.qty_ordered ?? 0)]));

/**
 * An order placed before a crash, before `ext_order_id` was set: same customer e-mail, created
 * since Amazon's purchase time, no ext_order_id, the same SKUs and quantities.
 */
async function placedBeforeCrash(ctx: MagentoContext, draft: StoreOrderDraft): Promise<Result<MagentoOrder | null>> {
  const since = toMagentoTime(new Date(Date.parse(draft.createdTime) - RECOVERY_MARGIN_MS).toISOString());
  const res = await searchOrders(ctx, [
    { field: 'customer_email', value: draft.customer.email },
    { field: 'created_at', value: since, conditionType: 'gteq' },
    { field: 'ext_order_id', value: '', conditionType: 'null' },
  ]);
  if (!res.ok) return res;
  const wanted = draftQuantities(draft);
  for (const candidate of res.value) {
    const full = await orderById(ctx, candidate.entity_id);
    if (!full.ok) return full;
    if (full.value && orderQuantities(full.value) === wanted) return ok(full.value);
  }
  return ok(null);
}

/** Cart → items → shipping information → place: Magento prices the order and reserves the stock. */
async function placeOrder(ctx: MagentoContext, draft: StoreOrderDraft): Promise<Result<number>> {
  const cart = await ctx.client.request<number>('cartCreate');
  if (!cart.ok) return cart;
  const cartId = Number(cart.value);
  for (const item of draft.items) {
    const res = await ctx.client.request('cartItemAdd', {
      params: { quoteId: cartId },
      body: { cartItem: { sku: item.productRef as string, qty: item.quantity, quote_id: String(cartId) } },
    });
    if (!res.ok) return res;
  }
  const [carrier, ...method] = ctx.settings.cartShippingMethod.split('_');
  const address = (a: StoreOrderDraft['shippingAddress']) => {
    const {
      address_type: _type,
      region,
      ...rest
    } = orderAddress(a, 'shipping', draft.customer.email, draft.customer.phone);
    return { ...rest, region: typeof region === 'string' ? region : '', region_id: 0, region_code: '' };
  };
  const info = await ctx.client.request('cartShippingInformation', {
    params: { cartId },
    body: {
      addressInformation: {
        shipping_address: address(draft.shippingAddress),
        billing_address: address(draft.billingAddress),
        shipping_carrier_code: carrier,
        shipping_method_code: method.join('_'),
      },
    },
  });
  if (!info.ok) return info;
  const placed = await ctx.client.request<number>('cartPlaceOrder', {
    params: { cartId },
    body: { paymentMethod: { method: ctx.settings.paymentMethod } },
  });
  return placed.ok ? ok(Number(placed.value)) : placed;
}

/** ext_order_id, OrderBridge's ids in the payment and Amazon's item ids, in one partial save. */
async function markOrder(ctx: MagentoContext, order: MagentoOrder, draft: StoreOrderDraft): Promise<Result<void>> {
  // Magento's cart merges Amazon items of the same product into one item: it names all of them.
  const bySku = new Map<string, { orderItemId: string; quantity: number }[]>();
  for (const d of draft.items) {
    const key = (d.productRef ?? '').toLowerCase();
    bySku.set(key, [...(bySku.get(key) ?? []), { orderItemId: d.orderItemId, quantity: d.quantity }]);
  }
  const items = (order.items ?? []).map((i) => {
    const shares = bySku.get(i.sku.toLowerCase());
    return { item_id: i.item_id, sku: i.sku, ...(shares ? { ext_order_item_id: formatItemIds(shares) } : {}) };
  });
  const res = await ctx.client.request('orderSave', {
    body: {
      entity: {
        entity_id: order.entity_id,
        ext_order_id: draft.amazonOrderId,
        customer_email: order.customer_email ?? draft.customer.email,
        grand_total: order.grand_total ?? 0,
        base_grand_total: order.grand_total ?? 0,
        items,
        payment: {
          method: order.payment?.method ?? ctx.settings.paymentMethod,
          account_status: '',
          cc_last4: '',
          additional_information: [
            `${ORDER_ID_INFO}:${draft.orderId}`,
            `${AMAZON_ORDER_INFO}:${draft.amazonOrderId}`,
            `${MARKETPLACE_INFO}:${draft.marketplaceId}`,
          ],
        },
      },
    },
  });
  return res.ok ? ok(undefined) : res;
}

/** Amazon's total next to Magento's and the difference (Magento priced the order itself). */
export function reconciliationComment(draft: StoreOrderDraft, order: MagentoOrder): string {
  // Magento's JSON number → a decimal string at the edge (never float arithmetic).
  const d = minorUnits(draft.currency);
  const magento = roundTo(String(order.grand_total ?? 0), d);
  const diff = roundTo(sub(draft.totals.gross, magento), d);
  return `Amazon total reconciliation: Amazon's total ${draft.totals.gross} ${draft.currency}, Magento's ${magento} ${order.order_currency_code ?? draft.currency}, difference ${diff}.`;
}

/**
 * `orderCreation: 'cart'`: the Amazon id is looked up first (ext_order_id), then an order placed
 * before a crash (placedBeforeCrash); otherwise a cart is placed. The order is then marked with
 * Amazon's id, commented (notes + reconciliation) and invoiced if configured — each step once.
 */
export async function createViaCart(ctx: MagentoContext, draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
  const unlinked = draft.items.find((i) => i.productRef === null);
  if (unlinked) {
    return err(
      invalid(
        'magento2_unlinked_line',
        `Amazon item ${unlinked.orderItemId} has no Magento product; the cart flow needs every line linked (or use orderCreation "direct").`,
      ),
    );
  }
  const currency = await ctx.checkCurrency(draft);
  if (!currency.ok) return currency;
  let order = await orderByAmazonId(ctx, draft.amazonOrderId);
  if (!order.ok) return order;
  if (order.value === null) {
    order = await placedBeforeCrash(ctx, draft);
    if (!order.ok) return order;
  }
  if (order.value === null) {
    const placed = await placeOrder(ctx, draft);
    if (!placed.ok && !placed.error.retryable) return placed;
    const id = placed.ok ? ok<MagentoOrder | null>(null) : await placedBeforeCrash(ctx, draft);
    if (!id.ok) return id;
    if (!placed.ok && id.value === null) return placed;
    order = placed.ok ? await orderById(ctx, placed.value) : id;
    if (!order.ok) return order;
  }
  const found = order.value;
  if (found === null) return err(invalid('magento2_invalid_response', 'Magento placed an order it cannot find.'));
  if (!found.ext_order_id) {
    const marked = await markOrder(ctx, found, draft);
    if (!marked.ok) return marked;
  }
  const comments = await addMissingComments(ctx, found.entity_id, [
    ...draft.notes,
    reconciliationComment(draft, found),
  ]);
  if (!comments.ok) return comments;
  const invoiced = await invoiceIfDue(ctx, found);
  if (!invoiced.ok) return invoiced;
  return ok(toRef(found));
}
