import { marketplaceById } from '../../amazon/marketplaces.js';
import type { StoreAddress, StoreOrderDraft } from '../store-connector.js';
import type { MoneyPlan, PlannedTax } from './shopify-order.money.js';
import type { ShopifySettings } from './shopify.settings.js';

/** The order metafields that make orderCreate once-only (unique `id`-type definitions, created once per shop). */
export const ORDER_METAFIELD = { namespace: 'orderbridge', key: 'amazon_order_id', type: 'id' } as const;
export const ORDER_ID_METAFIELD = { namespace: 'orderbridge', key: 'order_id', type: 'id' } as const;
export const LINE_ITEM_PROPERTY = '_amazon_order_item_id';

const money = (amount: string, currencyCode: string) => ({ shopMoney: { amount, currencyCode } });

const taxLines = (taxes: PlannedTax[], currency: string) =>
  taxes.map((t) => ({ priceSet: money(t.amount, currency), rate: t.rate, title: t.title }));

const clean = (v: string | null | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** Shopify takes ISO 3166-2 subdivision codes ("CA", "NSW") as provinceCode, names as province. */
export function address(a: StoreAddress) {
  const region = clean(a.stateOrRegion);
  const isCode = region !== undefined && /^[A-Z]{2,3}$/.test(region);
  return {
    firstName: clean(a.firstName),
    lastName: clean(a.lastName) ?? clean(a.name) ?? 'Amazon customer',
    company: clean(a.company),
    address1: clean(a.line1),
    address2: clean([a.line2, a.line3].filter((x) => x?.trim()).join(', ')),
    city: clean(a.city),
    zip: clean(a.postalCode),
    countryCode: a.countryCode.toUpperCase() === 'UK' ? 'GB' : clean(a.countryCode.toUpperCase()),
    ...(isCode ? { provinceCode: region } : region !== undefined ? { province: region } : {}),
    phone: clean(a.phone),
  };
}

function lineItems(plan: MoneyPlan, currency: string) {
  return plan.lines.map((l) => {
    const common = {
      quantity: l.quantity,
      priceSet: money(l.unitPrice, currency),
      taxLines: taxLines(l.taxes, currency),
    };
    if (l.item?.productRef) {
      return {
        ...common,
        variantId: l.item.productRef,
        properties: [{ name: LINE_ITEM_PROPERTY, value: l.orderItemId ?? '' }],
      };
    }
    return {
      ...common,
      title: l.title.slice(0, 255),
      ...(l.item ? { sku: l.item.sku ?? undefined, requiresShipping: true } : { requiresShipping: false }),
      taxable: l.taxes.length > 0,
      ...(l.orderItemId !== null && { properties: [{ name: LINE_ITEM_PROPERTY, value: l.orderItemId }] }),
    };
  });
}

/** OrderCreateOrderInput + OrderCreateOptionsInput for one draft (amounts from planMoney). */
export function orderCreateVariables(draft: StoreOrderDraft, plan: MoneyPlan, settings: ShopifySettings) {
  const c = draft.currency;
  const marketplace = marketplaceById(draft.marketplaceId);
  const tags = [
    'amazon',
    ...(marketplace ? [marketplace.name] : []),
    ...(draft.fulfilledByAmazon ? ['FBA'] : []),
    ...(settings.tags ?? []),
  ];
  const attributes = [
    { key: 'orderbridge_order_id', value: draft.orderId },
    { key: 'amazon_order_id', value: draft.amazonOrderId },
    { key: 'amazon_marketplace', value: marketplace?.name ?? draft.marketplaceId },
    ...(plan.discounts.length > 0
      ? [
          {
            key: 'amazon_discounts',
            value: plan.discounts
              .map((d) => `${d.title}: ${d.amount}`)
              .join('; ')
              .slice(0, 1000),
          },
        ]
      : []),
    ...(draft.customer.vatId ? [{ key: 'buyer_vat_id', value: draft.customer.vatId }] : []),
  ];
  const names = draft.customer.name.trim().split(/\s+/);
  const order = {
    currency: c,
    taxesIncluded: draft.pricesIncludeTax,
    processedAt: draft.createdTime,
    lineItems: lineItems(plan, c),
    ...(plan.shipping && {
      shippingLines: [
        {
          title: draft.shippingMethod.slice(0, 255) || 'Amazon shipping',
          code: 'amazon',
          source: 'amazon',
          priceSet: money(plan.shipping.price, c),
          taxLines: taxLines(plan.shipping.taxes, c),
        },
      ],
    }),
    transactions: [
      {
        kind: 'SALE',
        status: 'SUCCESS',
        gateway: 'Amazon',
        amountSet: money(plan.total, c),
        processedAt: draft.createdTime,
      },
    ],
    email: clean(draft.customer.email),
    ...(clean(draft.customer.email) && {
      customer: {
        toUpsert: {
          email: draft.customer.email.trim(),
          firstName: draft.shippingAddress.firstName || names[0],
          lastName: draft.shippingAddress.lastName || names.slice(1).join(' ') || undefined,
        },
      },
    }),
    shippingAddress: address(draft.shippingAddress),
    billingAddress: address(draft.billingAddress),
    tags,
    sourceName: 'amazon',
    sourceIdentifier: draft.amazonOrderId,
    note: draft.notes.join('\n').slice(0, 5000) || undefined,
    ...(settings.orderNumbering === 'amazon' && { name: draft.amazonOrderId }),
    customAttributes: attributes,
    metafields: [
      { ...ORDER_METAFIELD, value: draft.amazonOrderId },
      { ...ORDER_ID_METAFIELD, value: draft.orderId },
    ],
    ...(draft.fulfilledByAmazon && { fulfillmentStatus: 'FULFILLED' }),
  };
  const options = {
    inventoryBehaviour: draft.lowerStock === false ? 'BYPASS' : 'DECREMENT_IGNORING_POLICY',
    sendReceipt: settings.sendReceipt ?? false,
    sendFulfillmentReceipt: false,
  };
  return { order, options };
}
