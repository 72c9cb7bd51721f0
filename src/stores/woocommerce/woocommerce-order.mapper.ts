import { isZero } from '../../domain/money.js';
import type { StoreAddress, StoreOrderCharge, StoreOrderDraft, StoreOrderItem } from '../store-connector.js';
import { parseRef } from './woocommerce-product.mapper.js';
import { META } from './woocommerce.types.js';

/**
 * StoreOrderDraft → `POST /orders` body. Amounts are NET line totals (WooCommerce adds its own tax
 * from the store's tables; the connector reconciles the total afterwards). The order is created
 * `pending` and unpaid so stock moves only once it is reconciled and set to the configured status.
 */
export const RECONCILIATION_FEE_NAME = 'Amazon total reconciliation';

type Body = Record<string, unknown>;

function address(a: StoreAddress): Record<string, string> {
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    company: a.company ?? '',
    address_1: a.line1,
    address_2: [a.line2, a.line3].filter((x): x is string => x !== null && x !== '').join(', '),
    city: a.city,
    state: a.stateOrRegion ?? '',
    postcode: a.postalCode ?? '',
    country: a.countryCode,
    phone: a.phone ?? '',
  };
}

const itemMeta = (item: StoreOrderItem): Body[] => [{ key: META.amazonItemId, value: item.orderItemId }];

function lineItem(item: StoreOrderItem, productId: number, variationId: number): Body {
  return {
    product_id: productId,
    ...(variationId > 0 ? { variation_id: variationId } : {}),
    quantity: item.quantity,
    name: item.title,
    subtotal: item.lineNet,
    total: item.lineNet,
    meta_data: itemMeta(item),
  };
}

/** WooCommerce refuses product lines without a product, so an unlinked Amazon line becomes a fee line. */
function unlinkedFee(item: StoreOrderItem): Body {
  const sku = item.sku === null ? '' : ` (SKU ${item.sku})`;
  return {
    name: `${item.title}${sku} × ${item.quantity}`,
    total: item.lineNet,
    tax_status: isZero(item.lineTax) ? 'none' : 'taxable',
    meta_data: [...itemMeta(item), { key: '_amazon_quantity', value: String(item.quantity) }],
  };
}

const chargeFee = (c: StoreOrderCharge): Body => ({
  name: c.title,
  total: c.net,
  tax_status: isZero(c.tax) ? 'none' : 'taxable',
  meta_data: [{ key: '_amazon_charge_kind', value: c.kind }],
});

function orderMeta(draft: StoreOrderDraft): Body[] {
  const meta: Body[] = [
    { key: META.orderId, value: draft.orderId },
    { key: META.amazonOrderId, value: draft.amazonOrderId },
    { key: META.marketplaceId, value: draft.marketplaceId },
  ];
  if (draft.customer.vatId !== null) meta.push({ key: META.vatId, value: draft.customer.vatId });
  // FBA order with "FBA orders lower store stock" off: mark the stock as already reduced so
  // WooCommerce's wc_maybe_reduce_stock_levels leaves it alone when the order becomes processing.
  if (draft.lowerStock === false) meta.push({ key: '_order_stock_reduced', value: 'yes' });
  return meta;
}

export function toCreateBody(draft: StoreOrderDraft, shippingMethodId: string): Body {
  const lines: Body[] = [];
  const fees: Body[] = [];
  for (const item of draft.items) {
    const ref = item.productRef === null ? null : parseRef(item.productRef);
    if (ref === null) fees.push(unlinkedFee(item));
    else lines.push(lineItem(item, ref.productId, ref.variationId));
  }
  const shipping = draft.charges.filter((c) => c.kind === 'shipping');
  fees.push(...draft.charges.filter((c) => c.kind !== 'shipping').map(chargeFee));
  const shippingLines = (shipping.length > 0 ? shipping : [null]).map((c) => ({
    method_id: shippingMethodId,
    method_title: draft.shippingMethod,
    total: c?.net ?? '0',
  }));
  const billing: Record<string, string> = {
    ...address(draft.billingAddress),
    email: draft.customer.email,
    phone: draft.customer.phone ?? draft.billingAddress.phone ?? '',
  };
  if (billing.company === '' && draft.customer.company !== null) billing.company = draft.customer.company;
  return {
    status: 'pending',
    set_paid: false,
    currency: draft.currency,
    payment_method: 'amazon',
    payment_method_title: 'Amazon',
    transaction_id: draft.amazonOrderId,
    billing,
    shipping: address(draft.shippingAddress),
    line_items: lines,
    shipping_lines: shippingLines,
    fee_lines: fees,
    meta_data: orderMeta(draft),
  };
}
