import type { StoreAddress, StoreOrderDraft } from '../store-connector.js';
import type { MagentoMoneyPlan, PlannedItem } from './magento2-order.money.js';
import { toMagentoTime } from './magento2-search.js';
import { AMAZON_ORDER_INFO, MARKETPLACE_INFO, ORDER_ID_INFO } from './magento2.types.js';

type Body = Record<string, unknown>;

/** What the order body needs besides the draft and its money plan. */
export interface OrderBodyContext {
  storeId: number;
  incrementId: string;
  paymentMethod: string;
  /** `carrier_method` recorded as the order's shipping method. */
  shippingMethodCode: string;
  /** Catalogue product per linked SKU (order items carry product_id and product_type). */
  products: ReadonlyMap<string, { id: number; typeId: string }>;
}

/** Magento keeps amounts as decimals; JSON carries them as numbers, converted here at the edge. */
const num = (v: string): number => Number(v);

export function orderAddress(a: StoreAddress, type: 'billing' | 'shipping', email: string, phone: string | null): Body {
  const street = [a.line1, a.line2, a.line3].filter((l): l is string => l !== null && l.trim() !== '');
  return {
    address_type: type,
    firstname: a.firstName || a.name || '-',
    lastname: a.lastName || a.name || '-',
    ...(a.company ? { company: a.company } : {}),
    street: street.length > 0 ? street : ['-'],
    city: a.city || '-',
    ...(a.stateOrRegion ? { region: a.stateOrRegion } : {}),
    postcode: a.postalCode ?? '-',
    country_id: a.countryCode,
    // Magento requires a telephone; Amazon often gives none.
    telephone: a.phone ?? phone ?? '-',
    email,
  };
}

function orderItem(p: PlannedItem, ctx: OrderBodyContext): Body {
  const product = p.item.productRef === null ? undefined : ctx.products.get(p.item.productRef);
  const sku = p.item.productRef ?? p.item.sku ?? p.item.orderItemId;
  return {
    sku,
    ...(product ? { product_id: product.id } : {}),
    product_type: product?.typeId ?? 'simple',
    name: p.item.title,
    qty_ordered: p.qty,
    price: num(p.price),
    base_price: num(p.price),
    original_price: num(p.price),
    base_original_price: num(p.price),
    price_incl_tax: num(p.priceInclTax),
    base_price_incl_tax: num(p.priceInclTax),
    row_total: num(p.rowTotal),
    base_row_total: num(p.rowTotal),
    row_total_incl_tax: num(p.rowTotalInclTax),
    base_row_total_incl_tax: num(p.rowTotalInclTax),
    tax_amount: num(p.taxAmount),
    base_tax_amount: num(p.taxAmount),
    tax_percent: num(p.taxPercent),
    discount_amount: num(p.discountAmount),
    base_discount_amount: num(p.discountAmount),
    discount_tax_compensation_amount: num(p.discountTaxCompensation),
    base_discount_tax_compensation_amount: num(p.discountTaxCompensation),
    ext_order_item_id: p.item.orderItemId,
    is_virtual: 0,
  };
}

/** Totals and their `base_*` twins (the base currency is the order's: amounts are never converted). */
function totals(plan: MagentoMoneyPlan): Body {
  const t: Record<string, string> = {
    subtotal: plan.subtotal,
    subtotal_incl_tax: plan.subtotalInclTax,
    tax_amount: plan.taxAmount,
    shipping_amount: plan.shipping.amount,
    shipping_incl_tax: plan.shipping.inclTax,
    shipping_tax_amount: plan.shipping.tax,
    discount_amount: plan.discountAmount,
    discount_tax_compensation_amount: plan.discountTaxCompensation,
    grand_total: plan.grandTotal,
    total_due: plan.grandTotal,
  };
  const out: Body = {};
  for (const [k, v] of Object.entries(t)) {
    out[k] = num(v);
    out[`base_${k}`] = num(v);
  }
  return out;
}

/** Amazon's notes and the charges folded into shipping, as order comments (not visible on the front). */
export function orderComments(draft: StoreOrderDraft, plan: MagentoMoneyPlan): string[] {
  const folded = plan.foldedCharges.map(
    (c) =>
      `${c.title}: ${c.gross} ${draft.currency} (Amazon ${c.kind.replace('_', ' ')}) is included in the shipping amount`,
  );
  return [...draft.notes, ...folded];
}

/** StoreOrderDraft → the `entity` of `POST /V1/orders` (direct save). */
export function orderEntity(draft: StoreOrderDraft, plan: MagentoMoneyPlan, ctx: OrderBodyContext): Body {
  const email = draft.customer.email;
  const phone = draft.customer.phone;
  const items = plan.items.map((p) => orderItem(p, ctx));
  const shippingAddress = orderAddress(draft.shippingAddress, 'shipping', email, phone);
  const currency = draft.currency.toUpperCase();
  return {
    increment_id: ctx.incrementId,
    ext_order_id: draft.amazonOrderId,
    store_id: ctx.storeId,
    state: 'new',
    status: 'pending',
    created_at: toMagentoTime(draft.createdTime),
    order_currency_code: currency,
    base_currency_code: currency,
    store_currency_code: currency,
    global_currency_code: currency,
    base_to_global_rate: 1,
    base_to_order_rate: 1,
    store_to_base_rate: 1,
    store_to_order_rate: 1,
    customer_email: email,
    customer_firstname: draft.billingAddress.firstName || draft.customer.name,
    customer_lastname: draft.billingAddress.lastName || draft.customer.name,
    customer_is_guest: 1,
    customer_group_id: 0,
    ...(draft.customer.vatId ? { customer_taxvat: draft.customer.vatId } : {}),
    shipping_description: draft.shippingMethod,
    total_qty_ordered: plan.items.reduce((n, p) => n + p.qty, 0),
    total_item_count: items.length,
    ...totals(plan),
    items,
    billing_address: orderAddress(draft.billingAddress, 'billing', email, phone),
    payment: {
      method: ctx.paymentMethod,
      account_status: '',
      cc_last4: '',
      additional_information: [
        `${ORDER_ID_INFO}:${draft.orderId}`,
        `${AMAZON_ORDER_INFO}:${draft.amazonOrderId}`,
        `${MARKETPLACE_INFO}:${draft.marketplaceId}`,
      ],
    },
    status_histories: orderComments(draft, plan).map((comment) => ({
      comment,
      // parent_id is required by the schema; Magento sets it to the new order's id on save.
      parent_id: 0,
      is_customer_notified: 0,
      is_visible_on_front: 0,
    })),
    extension_attributes: {
      shipping_assignments: [
        {
          // Required by the schema; Magento reads only the address and method of a direct save.
          items: [],
          shipping: {
            address: shippingAddress,
            method: ctx.shippingMethodCode,
            total: {
              shipping_amount: num(plan.shipping.amount),
              base_shipping_amount: num(plan.shipping.amount),
              shipping_incl_tax: num(plan.shipping.inclTax),
              base_shipping_incl_tax: num(plan.shipping.inclTax),
              shipping_tax_amount: num(plan.shipping.tax),
              base_shipping_tax_amount: num(plan.shipping.tax),
            },
          },
        },
      ],
    },
  };
}
