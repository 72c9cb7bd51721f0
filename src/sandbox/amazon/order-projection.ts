import type { Order, OrderItem } from '@sp-api-sdk/orders-api-2026-01-01';
import { ROLE_DIRECT_TO_CONSUMER_DELIVERY, ROLE_TAX_INVOICING, ROLE_TAX_REMITTANCE } from './sandbox-constants.js';

export const INCLUDED_DATA_VALUES = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'EXPENSE',
  'PROMOTION',
  'CANCELLATION',
  'FULFILLMENT',
  'PACKAGES',
  'TAX',
  'PAYMENT',
  'FULFILLMENT_ORDERS',
] as const;
export type IncludedData = (typeof INCLUDED_DATA_VALUES)[number];

/**
 * Which data set each order / item field belongs to (from the model's descriptions of includedData).
 * Fields not listed (ids, times, programs, salesChannel, items with their product block) always appear.
 */
const ORDER_BLOCKS: Readonly<Record<string, IncludedData>> = {
  buyer: 'BUYER',
  recipient: 'RECIPIENT',
  proceeds: 'PROCEEDS',
  payment: 'PAYMENT',
  tax: 'TAX',
  fulfillment: 'FULFILLMENT',
  packages: 'PACKAGES',
  fulfillmentOrders: 'FULFILLMENT_ORDERS',
};
const ITEM_BLOCKS: Readonly<Record<string, IncludedData>> = {
  proceeds: 'PROCEEDS',
  expense: 'EXPENSE',
  promotion: 'PROMOTION',
  cancellation: 'CANCELLATION',
  fulfillment: 'FULFILLMENT',
  tax: 'TAX',
};

/** The restricted role a data set needs, or null (README "Roles"). */
export function missingRole(included: ReadonlySet<string>, roles: ReadonlySet<string>): string | null {
  if (included.has('RECIPIENT') && !roles.has(ROLE_DIRECT_TO_CONSUMER_DELIVERY)) {
    return 'RECIPIENT requires the Direct-to-Consumer Delivery (Restricted) role';
  }
  if (included.has('BUYER') && !roles.has(ROLE_TAX_INVOICING) && !roles.has(ROLE_TAX_REMITTANCE)) {
    return 'BUYER requires the Tax Invoicing (Restricted) or Tax Remittance (Restricted) role';
  }
  return null;
}

/**
 * The order as searchOrders/getOrder return it for these data sets. Shares unchanged sub-objects with
 * the stored order: callers serialise it at once and must copy before changing anything.
 */
export function projectOrder(order: Order, included: ReadonlySet<string>, roles: ReadonlySet<string>): Order {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(order)) {
    const block = ORDER_BLOCKS[key];
    if (block !== undefined && !included.has(block)) continue;
    out[key] = key === 'orderItems' ? order.orderItems.map((item) => projectItem(item, included)) : value;
  }
  // Amazon shows the buyer's e-mail only to apps with the Direct-to-Consumer Delivery role.
  if (order.buyer?.buyerEmail !== undefined && !roles.has(ROLE_DIRECT_TO_CONSUMER_DELIVERY) && out.buyer) {
    const { buyerEmail: _hidden, ...buyer } = order.buyer;
    out.buyer = buyer;
  }
  return out as unknown as Order;
}

function projectItem(item: OrderItem, included: ReadonlySet<string>): OrderItem {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const block = ITEM_BLOCKS[key];
    if (block === undefined || included.has(block)) out[key] = value;
  }
  return out as unknown as OrderItem;
}
