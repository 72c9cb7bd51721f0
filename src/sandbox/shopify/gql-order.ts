import { gid } from './constants.js';
import { gqlVariant, metafieldFields } from './gql-catalog.js';
import { gqlFulfillment, gqlFulfillmentOrder } from './gql-fulfillment.js';
import { connection, decimal, moneyBag, type Args, type GqlObject } from './gql-kit.js';
import { displayFulfillmentStatus, fulfilledQuantity, remainingQuantity } from './order-status.js';
import type { ShopState } from './shop-state.js';
import type { LineItemRecord, OrderRecord, ShippingLineRecord, TaxLineRecord } from './shop-model.js';
import { mul, sum } from '../../domain/money.js';

/** GraphQL view of an Order and its lines. */
export function gqlTaxLine(t: TaxLineRecord, currency: string): GqlObject {
  const rate = Number(t.rate);
  return {
    __typename: 'TaxLine',
    title: t.title,
    rate,
    ratePercentage: Number((rate * 100).toFixed(4)),
    price: decimal(t.amount),
    priceSet: moneyBag(t.amount, currency),
    channelLiable: t.channelLiable,
    source: null,
  };
}

export function gqlLineItem(state: ShopState, order: OrderRecord, l: LineItemRecord): GqlObject {
  const c = order.currency;
  const total = mul(l.unitPrice, String(l.quantity));
  const fulfilled = fulfilledQuantity(order, l.id);
  const variant = l.variantId === null ? null : (state.variants.get(l.variantId) ?? null);
  return {
    __typename: 'LineItem',
    id: gid('LineItem', l.id),
    sku: l.sku,
    title: l.title,
    name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
    variantTitle: l.variantTitle,
    vendor: l.vendor,
    quantity: l.quantity,
    currentQuantity: order.cancelledAt ? 0 : l.quantity,
    fulfillableQuantity: remainingQuantity(order, l),
    unfulfilledQuantity: Math.max(0, l.quantity - fulfilled),
    requiresShipping: l.requiresShipping,
    taxable: l.taxable,
    customAttributes: l.properties.map((p) => ({ __typename: 'Attribute', key: p.name, value: p.value })),
    originalUnitPriceSet: moneyBag(l.unitPrice, c),
    discountedUnitPriceSet: moneyBag(l.unitPrice, c),
    originalTotalSet: moneyBag(total, c),
    discountedTotalSet: moneyBag(total, c),
    taxLines: () => l.taxLines.map((t) => gqlTaxLine(t, c)),
    variant: () => (variant ? gqlVariant(state, variant) : null),
  };
}

function gqlShippingLine(s: ShippingLineRecord, currency: string): GqlObject {
  return {
    __typename: 'ShippingLine',
    id: gid('ShippingLine', s.id),
    title: s.title,
    code: s.code,
    source: s.source,
    custom: true,
    isRemoved: false,
    price: decimal(s.price),
    originalPriceSet: moneyBag(s.price, currency),
    discountedPriceSet: moneyBag(s.price, currency),
    currentDiscountedPriceSet: moneyBag(s.price, currency),
    taxLines: s.taxLines.map((t) => gqlTaxLine(t, currency)),
  };
}

function orderTaxLines(o: OrderRecord): TaxLineRecord[] {
  const byTitle = new Map<string, TaxLineRecord>();
  const all = [
    ...o.lineItems.flatMap((l) => l.taxLines),
    ...o.shippingLines.flatMap((s) => s.taxLines),
    ...o.orderTaxLines,
  ];
  for (const t of all) {
    const key = `${t.title}|${t.rate}`;
    const prev = byTitle.get(key);
    byTitle.set(key, prev ? { ...prev, amount: sum([prev.amount, t.amount]) } : { ...t });
  }
  return [...byTitle.values()];
}

export function gqlOrder(state: ShopState, o: OrderRecord): GqlObject {
  const c = o.currency;
  const t = o.totals;
  const cancelled = o.cancelledAt !== null;
  return {
    __typename: 'Order',
    id: gid('Order', o.id),
    legacyResourceId: String(o.id),
    name: o.name,
    number: o.number,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    processedAt: o.processedAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    closed: o.closedAt !== null,
    closedAt: o.closedAt,
    confirmed: true,
    test: o.test,
    email: o.email,
    phone: o.phone,
    note: o.note,
    tags: o.tags,
    sourceName: o.sourceName,
    sourceIdentifier: o.sourceIdentifier,
    currencyCode: c,
    presentmentCurrencyCode: c,
    taxesIncluded: o.taxesIncluded,
    customAttributes: o.customAttributes.map((a) => ({ __typename: 'Attribute', ...a })),
    displayFinancialStatus: o.financialStatus,
    displayFulfillmentStatus: displayFulfillmentStatus(o),
    fullyPaid: o.financialStatus === 'PAID',
    subtotalPriceSet: moneyBag(t.subtotal, c),
    currentSubtotalPriceSet: moneyBag(cancelled ? '0' : t.subtotal, c),
    totalShippingPriceSet: moneyBag(t.shipping, c),
    currentShippingPriceSet: moneyBag(t.shipping, c),
    totalTaxSet: moneyBag(t.tax, c),
    currentTotalTaxSet: moneyBag(cancelled ? '0' : t.tax, c),
    totalPriceSet: moneyBag(t.total, c),
    originalTotalPriceSet: moneyBag(t.total, c),
    currentTotalPriceSet: moneyBag(cancelled ? '0' : t.total, c),
    totalReceivedSet: moneyBag(o.financialStatus === 'PAID' ? t.total : '0', c),
    taxLines: () => orderTaxLines(o).map((x) => gqlTaxLine(x, c)),
    lineItems: (a: Args) =>
      connection(
        o.lineItems,
        a,
        (l) => [l.id],
        (l) => gqlLineItem(state, o, l),
      ),
    shippingLines: (a: Args) =>
      connection(
        o.shippingLines,
        a,
        (s) => [s.id],
        (s) => gqlShippingLine(s, c),
      ),
    transactions: () =>
      o.transactions.map((x) => ({
        __typename: 'OrderTransaction',
        id: gid('OrderTransaction', x.id),
        kind: x.kind,
        status: x.status,
        gateway: x.gateway,
        processedAt: x.processedAt,
        createdAt: x.processedAt,
        test: o.test,
        amountSet: moneyBag(x.amount, c),
        amount: decimal(x.amount),
      })),
    fulfillments: (a: Args) =>
      o.fulfillments.slice(0, (a.first as number | null) ?? undefined).map((f) => gqlFulfillment(state, o, f)),
    fulfillmentOrders: (a: Args) =>
      connection(
        [o],
        a,
        (x) => [x.fulfillmentOrderId],
        (x) => gqlFulfillmentOrder(state, x),
      ),
    ...metafieldFields(o.metafields, 'ORDER'),
  };
}
