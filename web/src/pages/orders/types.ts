/** Shapes of the order endpoints, generated from the API (../../api/openapi.d.ts); money is always a decimal string. */
import type { components, paths } from '../../api/openapi';

type Schemas = components['schemas'];

export const ORDER_STATUSES = [
  'pending',
  'ready',
  'in_store',
  'shipped',
  'cancelled',
  'cancel_requested',
  'skipped',
  'failed',
  'held',
] as const;

export const AMAZON_STATUSES = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
] as const;

export type Address = Schemas['Address'];

export type Buyer = Schemas['Buyer'];

export type OrderFlags = Schemas['OrderFlags'];

export type OrderTotals = Schemas['Order']['totals'];

export type Order = Schemas['Order'];

export type OrderLine = Schemas['OrderLine'];

export type EventDirection = 'amazon_to_hub' | 'hub_to_store' | 'store_to_hub' | 'hub_to_amazon' | 'internal';

export type OrderEvent = Schemas['OrderEvent'];

/** GET /api/orders/{order}: the order with lines, timeline, shipments and cancellations. */
export type OrderDetails = paths['/api/orders/{order}']['get']['responses'][200]['content']['application/json'];

export type ItemQuantity = Schemas['Shipment']['items'][number];

export type Shipment = Schemas['Shipment'];

export type Cancellation = Schemas['Cancellation'];

export interface RetryResult {
  delivery: boolean;
  shipments: number;
  cancellations: number;
}

/** True for "0", "0.00", "-0.000"; compares the digits, never parses to a float. */
export function isZeroAmount(amount: string | null | undefined): boolean {
  return amount === null || amount === undefined || /^[-+]?0*(\.0*)?$/.test(amount.trim());
}

/** Held, or a failed store/Amazon step: the needs-attention queue's rule. */
export function needsAttention(order: Pick<Order, 'status' | 'errorCode'>): boolean {
  return order.status === 'held' || order.errorCode !== null;
}

export const UNKNOWN_SKU_PREFIX = 'unknown_sku';

/** The SKUs named by an "unknown_sku: A, B" hold reason (empty for other reasons). */
export function unknownSkus(holdReason: string | null): string[] {
  if (!holdReason?.startsWith(UNKNOWN_SKU_PREFIX)) return [];
  const rest = holdReason.slice(UNKNOWN_SKU_PREFIX.length).replace(/^:\s*/, '');
  return rest
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence for why an order needs a person. */
export function attentionReason(order: Pick<Order, 'status' | 'holdReason' | 'errorCode' | 'errorMessage'>): string {
  const skus = unknownSkus(order.holdReason);
  if (skus.length > 0)
    return `Unknown SKU: ${skus.join(', ')} has no store product. Link the SKU to release the order.`;
  if (order.holdReason?.startsWith('plan_quota')) {
    return `Held by the plan's monthly order quota (${order.holdReason.replace(/^plan_quota:\s*/, '')}).`;
  }
  if (order.errorCode !== null) return `${order.errorMessage ?? 'A step failed'} (${order.errorCode})`;
  if (order.holdReason) return `Held: ${order.holdReason}`;
  if (order.status === 'held') return 'Held (for example Amazon could not fulfil the order).';
  return 'Needs attention';
}
