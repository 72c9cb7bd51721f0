import { metaView, type WooContext } from './woo-context.js';
import type { OrderNoteRecord, OrderRecord, TaxShare } from './woo-model.js';
import { wooDate } from './woo-format.js';
import Big from 'big.js';

/** The REST JSON of an order (`GET /orders/{id}`, webhook payloads); money as strings. */

const taxes = (list: TaxShare[]): unknown[] => list.map((t) => ({ id: t.id, total: t.total, subtotal: t.subtotal }));

export function orderView(ctx: WooContext, o: OrderRecord, onlyMeta: readonly string[] | null = null): Json {
  const off = ctx.settings.utcOffsetMinutes;
  const date = (ms: number | null): string | null => (ms === null ? null : wooDate(ms, off));
  const gmt = (ms: number | null): string | null => (ms === null ? null : wooDate(ms));
  const base = `${ctx.settings.siteUrl}/wp-json/wc/v3/orders`;
  return {
    id: o.id,
    parent_id: 0,
    number: String(o.id),
    order_key: o.orderKey,
    created_via: 'rest-api',
    version: '9.9.0',
    status: o.status,
    currency: o.currency,
    date_created: date(o.createdMs),
    date_created_gmt: gmt(o.createdMs),
    date_modified: date(o.modifiedMs),
    date_modified_gmt: gmt(o.modifiedMs),
    discount_total: o.totals.discountTotal,
    discount_tax: '0.00',
    shipping_total: o.totals.shippingTotal,
    shipping_tax: o.totals.shippingTax,
    cart_tax: o.totals.cartTax,
    total: o.totals.total,
    total_tax: o.totals.totalTax,
    prices_include_tax: false,
    customer_id: 0,
    customer_ip_address: '',
    customer_user_agent: '',
    customer_note: o.customerNote,
    billing: { ...o.billing },
    shipping: { ...o.shipping },
    payment_method: o.paymentMethod,
    payment_method_title: o.paymentMethodTitle,
    transaction_id: o.transactionId,
    date_paid: date(o.paidMs),
    date_paid_gmt: gmt(o.paidMs),
    date_completed: date(o.completedMs),
    date_completed_gmt: gmt(o.completedMs),
    cart_hash: '',
    meta_data: metaView(o.meta, onlyMeta),
    ...lineViews(o),
    coupon_lines: [],
    refunds: [],
    _links: { self: [{ href: `${base}/${o.id}` }], collection: [{ href: base }] },
  };
}
type Json = Record<string, unknown>;

function lineViews(o: OrderRecord): Json {
  return {
    line_items: o.lineItems.map((l) => ({
      id: l.id,
      name: l.name,
      product_id: l.productId,
      variation_id: l.variationId,
      quantity: l.quantity,
      tax_class: l.taxClass,
      subtotal: l.subtotal,
      subtotal_tax: l.subtotalTax,
      total: l.total,
      total_tax: l.totalTax,
      taxes: taxes(l.taxes),
      meta_data: metaView(l.meta),
      sku: l.sku,
      price: Number(new Big(l.total).div(l.quantity).toFixed(6)),
    })),
    tax_lines: o.taxLines.map((t) => ({
      id: t.id,
      rate_code: t.rateCode,
      rate_id: t.rateId,
      label: t.label,
      compound: false,
      tax_total: t.taxTotal,
      shipping_tax_total: t.shippingTaxTotal,
      rate_percent: Number(t.rate),
      meta_data: [],
    })),
    shipping_lines: o.shippingLines.map((s) => ({
      id: s.id,
      method_title: s.methodTitle,
      method_id: s.methodId,
      total: s.total,
      total_tax: s.totalTax,
      taxes: taxes(s.taxes),
      meta_data: metaView(s.meta),
    })),
    fee_lines: o.feeLines.map((f) => ({
      id: f.id,
      name: f.name,
      tax_class: f.taxClass,
      tax_status: f.taxStatus,
      total: f.total,
      total_tax: f.totalTax,
      taxes: taxes(f.taxes),
      meta_data: metaView(f.meta),
    })),
  };
}

export function noteView(ctx: WooContext, orderId: number, n: OrderNoteRecord): Json {
  const base = `${ctx.settings.siteUrl}/wp-json/wc/v3/orders/${orderId}`;
  return {
    id: n.id,
    author: n.addedByUser ? 'admin' : 'system',
    date_created: wooDate(n.createdMs, ctx.settings.utcOffsetMinutes),
    date_created_gmt: wooDate(n.createdMs),
    note: n.note,
    customer_note: n.customerNote,
    _links: {
      self: [{ href: `${base}/notes/${n.id}` }],
      collection: [{ href: `${base}/notes` }],
      up: [{ href: base }],
    },
  };
}
