import { minorUnits, roundTo } from '../../domain/money.js';
import { gid } from './constants.js';
import { displayFulfillmentStatus } from './order-status.js';
import type { FulfillmentRecord, OrderRecord, TaxLineRecord } from './shop-model.js';
import type { ShopState } from './shop-state.js';

/** Plain views of the shop's orders for tests and the control API (the contract's shapes). */
export interface ShopifyFulfillmentView {
  id: string;
  status: 'SUCCESS' | 'CANCELLED';
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  createdAt: string;
  lines: { lineItemId: string; sku: string | null; quantity: number }[];
}

type TaxView = { rate: string; amount: string; title: string };

export interface ShopifyOrderView {
  id: string;
  legacyId: string;
  name: string;
  amazonOrderId: string | null;
  customAttributes: { key: string; value: string }[];
  currency: string;
  taxesIncluded: boolean;
  financialStatus: string;
  displayFulfillmentStatus: string;
  cancelledAt: string | null;
  tags: string[];
  sourceName: string | null;
  note: string | null;
  lineItems: {
    id: string;
    sku: string | null;
    variantId: string | null;
    title: string;
    quantity: number;
    unitPrice: string;
    taxLines: TaxView[];
    properties: { name: string; value: string }[];
  }[];
  shippingLines: { title: string; price: string; taxLines: TaxView[] }[];
  totals: { subtotal: string; shipping: string; tax: string; total: string };
  transactions: { kind: string; status: string; amount: string }[];
  fulfillments: ShopifyFulfillmentView[];
}

/** The unique order metafield holding the Amazon order id (the connector's ORDER_METAFIELD). */
export const AMAZON_ID_METAFIELD = { namespace: 'orderbridge', key: 'amazon_order_id' };

/** Amounts in the currency's minor units ("100.00"), as Shopify's admin shows them. */
const fixed = (amount: string, currency: string): string => roundTo(amount, minorUnits(currency));
const taxView = (t: TaxLineRecord, c: string): TaxView => ({
  rate: t.rate,
  amount: fixed(t.amount, c),
  title: t.title,
});

export function fulfillmentView(o: OrderRecord, f: FulfillmentRecord): ShopifyFulfillmentView {
  return {
    id: gid('Fulfillment', f.id),
    status: f.status,
    trackingCompany: f.trackingCompany,
    trackingNumber: f.trackingNumber,
    trackingUrl: f.trackingUrl,
    createdAt: f.createdAt,
    lines: f.lines.map((l) => ({
      lineItemId: gid('LineItem', l.lineItemId),
      sku: o.lineItems.find((x) => x.id === l.lineItemId)?.sku ?? null,
      quantity: l.quantity,
    })),
  };
}

export function orderView(o: OrderRecord): ShopifyOrderView {
  const c = o.currency;
  const tax = (t: TaxLineRecord): TaxView => taxView(t, c);
  const amazon = o.metafields.find(
    (m) => m.namespace === AMAZON_ID_METAFIELD.namespace && m.key === AMAZON_ID_METAFIELD.key,
  );
  return {
    id: gid('Order', o.id),
    legacyId: String(o.id),
    name: o.name,
    amazonOrderId: amazon?.value ?? null,
    customAttributes: o.customAttributes.map((a) => ({ ...a })),
    currency: o.currency,
    taxesIncluded: o.taxesIncluded,
    financialStatus: o.financialStatus,
    displayFulfillmentStatus: displayFulfillmentStatus(o),
    cancelledAt: o.cancelledAt,
    tags: [...o.tags],
    sourceName: o.sourceName,
    note: o.note,
    lineItems: o.lineItems.map((l) => ({
      id: gid('LineItem', l.id),
      sku: l.sku,
      variantId: l.variantId === null ? null : gid('ProductVariant', l.variantId),
      title: l.title,
      quantity: l.quantity,
      unitPrice: fixed(l.unitPrice, c),
      taxLines: l.taxLines.map(tax),
      properties: l.properties.map((p) => ({ ...p })),
    })),
    shippingLines: o.shippingLines.map((s) => ({
      title: s.title,
      price: fixed(s.price, c),
      taxLines: s.taxLines.map(tax),
    })),
    totals: {
      subtotal: fixed(o.totals.subtotal, c),
      shipping: fixed(o.totals.shipping, c),
      tax: fixed(o.totals.tax, c),
      total: fixed(o.totals.total, c),
    },
    transactions: o.transactions.map((t) => ({ kind: t.kind, status: t.status, amount: fixed(t.amount, c) })),
    fulfillments: o.fulfillments.map((f) => fulfillmentView(o, f)),
  };
}

/** By the unique metafield and by the `amazon_order_id` custom attribute (duplicates show here). */
export function ordersByAmazonOrderId(state: ShopState, amazonOrderId: string): ShopifyOrderView[] {
  return [...state.orders.values()]
    .filter(
      (o) =>
        o.metafields.some(
          (m) =>
            m.namespace === AMAZON_ID_METAFIELD.namespace &&
            m.key === AMAZON_ID_METAFIELD.key &&
            m.value === amazonOrderId,
        ) || o.customAttributes.some((a) => a.key === 'amazon_order_id' && a.value === amazonOrderId),
    )
    .map(orderView);
}
