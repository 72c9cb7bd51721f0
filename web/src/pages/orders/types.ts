/** Shapes of the order endpoints (src/http/schemas.ts, src/http/store-schemas.ts); money is always a decimal string. */

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

export interface Address {
  name: string | null;
  companyName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  addressLine3: string | null;
  city: string | null;
  districtOrCounty: string | null;
  stateOrRegion: string | null;
  municipality: string | null;
  postalCode: string | null;
  countryCode: string | null;
  phone: string | null;
  addressType: 'RESIDENTIAL' | 'COMMERCIAL' | null;
}

export interface Buyer {
  name: string | null;
  email: string | null;
  companyName: string | null;
  purchaseOrderNumber: string | null;
  taxRegistrationId: string | null;
  taxRegistrationType: string | null;
}

export interface OrderFlags {
  prime: boolean;
  business: boolean;
  replacement: boolean;
  replacedOrderId: string | null;
  gift: boolean;
  buyerCancelRequested: boolean;
  programs: string[];
  paymentMethod: string | null;
  serviceLevel: string | null;
  latestShipDate: string | null;
  latestDeliveryDate: string | null;
  iossNumbers: string[];
}

export interface OrderTotals {
  net: string | null;
  tax: string | null;
  gross: string | null;
  excludedTax: string | null;
  adjustment: string | null;
  amazonTotal: string | null;
}

export interface Order {
  id: string;
  connectionId: string;
  amazonOrderId: string;
  sellerOrderId: string | null;
  marketplaceId: string;
  amazonStatus: string | null;
  status: string;
  fulfillmentChannel: string | null;
  createdTime: string | null;
  lastUpdatedTime: string | null;
  currency: string | null;
  totals: OrderTotals;
  buyer: Buyer | null;
  shippingAddress: Address | null;
  flags: OrderFlags | null;
  skipReason: string | null;
  holdReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  storeState: string | null;
  storeOrderRef: string | null;
  importedAt: string;
  updatedAt: string;
}

export interface OrderLine {
  amazonOrderItemId: string;
  kind: string;
  sellerSku: string | null;
  croppedSku: string | null;
  asin: string | null;
  title: string;
  productRef: string | null;
  quantityOrdered: number;
  quantityShipped: number;
  quantityCancelled: number;
  unitNet: string;
  unitGross: string;
  lineNet: string;
  lineTax: string;
  lineGross: string;
  taxRate: string | null;
  position: number;
  data: Record<string, unknown>;
}

export type EventDirection = 'amazon_to_hub' | 'hub_to_store' | 'store_to_hub' | 'hub_to_amazon' | 'internal';

export interface OrderEvent {
  id: string;
  orderId: string;
  connectionId: string;
  occurredAt: string;
  direction: EventDirection;
  kind: string;
  summary: string;
  payload: unknown;
}

export interface OrderDetails {
  order: Order & { raw: unknown };
  lines: OrderLine[];
  timeline: OrderEvent[];
}

export interface ItemQuantity {
  orderItemId: string;
  quantity: number;
}

export interface Shipment {
  id: string;
  orderId: string;
  connectionId: string;
  storeId: string;
  storeRef: string;
  carrierCode: string;
  carrierName: string | null;
  shippingMethod: string | null;
  trackingNumber: string | null;
  shipDate: string;
  items: ItemQuantity[];
  packageReferenceId: string;
  state: 'pending' | 'confirmed' | 'invalid' | 'failed';
  attempts: number;
  lastError: string | null;
  confirmedAt: string | null;
  createdAt: string;
}

export interface Cancellation {
  id: string;
  orderId: string;
  connectionId: string;
  storeId: string;
  storeRef: string;
  items: ItemQuantity[];
  reason: string;
  state: 'pending' | 'submitted' | 'applied' | 'failed';
  feedId: string | null;
  lastError: string | null;
  createdAt: string;
}

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
