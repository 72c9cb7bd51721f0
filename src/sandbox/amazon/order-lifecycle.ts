import type { FulfillmentStatus, MerchantAddress, OrderItem, OrderPackage } from '@sp-api-sdk/orders-api-2026-01-01';
import { AppError } from '../../lib/errors.js';
import { concealPersonalData, revealConcealed } from './order-concealment.js';
import type { StoredOrder } from './stored-order.js';

/** Order state changes. Every change stamps lastUpdatedTime with `at` (the sandbox clock's now). */

export interface ShipLine {
  orderItemId: string;
  quantity: number;
  transparencyCodes?: string[];
}

export interface PackageInput {
  packageReferenceId: string;
  carrier: string;
  trackingNumber: string;
  shipTime: string;
  shippingService?: string;
  shipFromAddress?: MerchantAddress;
}

export type CancelledBy = 'BUYER' | 'MERCHANT' | 'AMAZON';

const conflict = (code: string, message: string): AppError => new AppError(code, message, { kind: 'conflict' });
const invalid = (code: string, message: string): AppError => new AppError(code, message, { kind: 'invalid' });

export function orderStatus(stored: StoredOrder): FulfillmentStatus {
  return stored.order.fulfillment?.fulfillmentStatus ?? 'UNSHIPPED';
}

function setStatus(stored: StoredOrder, status: FulfillmentStatus): void {
  stored.order.fulfillment = { ...stored.order.fulfillment, fulfillmentStatus: status };
}

export function touchOrder(stored: StoredOrder, at: string): void {
  stored.order.lastUpdatedTime = at;
}

export const shippedQuantity = (item: OrderItem): number => item.fulfillment?.quantityFulfilled ?? 0;
export const unshippedQuantity = (item: OrderItem): number =>
  item.fulfillment?.quantityUnfulfilled ?? item.quantityOrdered - shippedQuantity(item);

/** PENDING_AVAILABILITY → PENDING; PENDING → UNSHIPPED, and prices, address and e-mail appear. */
export function releaseOrder(stored: StoredOrder, at: string): void {
  const status = orderStatus(stored);
  if (status === 'PENDING_AVAILABILITY') setStatus(stored, 'PENDING');
  else if (status === 'PENDING') {
    revealConcealed(stored);
    setStatus(stored, 'UNSHIPPED');
  } else throw conflict('order_not_pending', `Only pending orders can be released; this order is ${status}.`);
  touchOrder(stored, at);
}

/**
 * Ships quantities. For seller-fulfilled orders `pkg` records the package; a packageReferenceId the
 * order already has edits that package (its old quantities are given back first) instead of adding units.
 */
export function shipOrder(stored: StoredOrder, lines: readonly ShipLine[], pkg: PackageInput | null, at: string): void {
  const status = orderStatus(stored);
  if (!['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED'].includes(status)) {
    throw conflict('order_not_shippable', `The order is ${status} and cannot be shipped.`);
  }
  const { order } = stored;
  const previous = pkg ? order.packages?.find((p) => p.packageReferenceId === pkg.packageReferenceId) : undefined;
  const returned = new Map((previous?.packageItems ?? []).map((i) => [i.orderItemId, i.quantity]));
  const items = new Map(order.orderItems.map((i) => [i.orderItemId, i]));
  const seen = new Set<string>();
  for (const line of lines) {
    const item = items.get(line.orderItemId);
    if (!item) throw invalid('unknown_order_item', `Order item ${line.orderItemId} is not part of this order.`);
    if (seen.has(line.orderItemId))
      throw invalid('duplicate_order_item', `Order item ${line.orderItemId} is listed twice.`);
    seen.add(line.orderItemId);
    const available = unshippedQuantity(item) + (returned.get(line.orderItemId) ?? 0);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > available) {
      throw invalid(
        'quantity_exceeds_unshipped',
        `Quantity ${line.quantity} for order item ${line.orderItemId} must be between 1 and ${available} (unshipped).`,
      );
    }
  }
  for (const [id, quantity] of returned) adjustShipped(items.get(id), -quantity);
  for (const line of lines) adjustShipped(items.get(line.orderItemId), line.quantity);
  if (pkg) upsertPackage(stored, pkg, lines, at);
  const all = order.orderItems;
  const done = all.every((i) => unshippedQuantity(i) === 0);
  setStatus(stored, done ? 'SHIPPED' : all.some((i) => shippedQuantity(i) > 0) ? 'PARTIALLY_SHIPPED' : 'UNSHIPPED');
  touchOrder(stored, at);
}

function adjustShipped(item: OrderItem | undefined, delta: number): void {
  if (!item) return;
  const shipped = shippedQuantity(item) + delta;
  item.fulfillment = {
    ...item.fulfillment,
    quantityFulfilled: shipped,
    quantityUnfulfilled: item.quantityOrdered - shipped,
  };
}

function upsertPackage(stored: StoredOrder, pkg: PackageInput, lines: readonly ShipLine[], at: string): void {
  const record: OrderPackage = {
    packageReferenceId: pkg.packageReferenceId,
    createdTime: at,
    packageStatus: { status: 'SHIPPED' },
    carrier: pkg.carrier,
    shipTime: pkg.shipTime,
    trackingNumber: pkg.trackingNumber,
    ...(pkg.shippingService === undefined ? {} : { shippingService: pkg.shippingService }),
    ...(pkg.shipFromAddress === undefined ? {} : { shipFromAddress: pkg.shipFromAddress }),
    packageItems: lines.map((l) => ({
      orderItemId: l.orderItemId,
      quantity: l.quantity,
      ...(l.transparencyCodes === undefined ? {} : { transparencyCodes: l.transparencyCodes }),
    })),
  };
  const packages = (stored.order.packages ??= []);
  const index = packages.findIndex((p) => p.packageReferenceId === pkg.packageReferenceId);
  if (index >= 0) packages[index] = { ...record, createdTime: packages[index]?.createdTime ?? at };
  else packages.push(record);
}

/** Cancels the whole order (Amazon has no partial cancellation); address and e-mail are withdrawn. */
export function cancelOrder(stored: StoredOrder, by: CancelledBy, reason: string, at: string): void {
  const status = orderStatus(stored);
  if (!['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED'].includes(status)) {
    throw conflict('order_not_cancellable', `The order is ${status}; only unshipped orders can be cancelled.`);
  }
  for (const item of stored.order.orderItems) {
    item.cancellation = { ...item.cancellation, cancellationExecution: { cancelledBy: by, cancelReason: reason } };
    item.fulfillment = { ...item.fulfillment, quantityFulfilled: 0, quantityUnfulfilled: 0 };
  }
  concealPersonalData(stored);
  setStatus(stored, 'CANCELLED');
  touchOrder(stored, at);
}

/** The buyer asks to cancel some (default: all) items; the seller decides. */
export function requestCancellation(
  stored: StoredOrder,
  itemIds: readonly string[] | null,
  reason: string,
  at: string,
): void {
  const status = orderStatus(stored);
  if (!['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED'].includes(status)) {
    throw conflict('order_not_cancellable', `The order is ${status}; a buyer can no longer ask to cancel it.`);
  }
  const wanted = itemIds ? new Set(itemIds) : null;
  for (const id of wanted ?? []) {
    if (!stored.order.orderItems.some((i) => i.orderItemId === id)) {
      throw invalid('unknown_order_item', `Order item ${id} is not part of this order.`);
    }
  }
  for (const item of stored.order.orderItems) {
    if (wanted && !wanted.has(item.orderItemId)) continue;
    item.cancellation = { ...item.cancellation, cancellationRequest: { requester: 'BUYER', cancelReason: reason } };
  }
  touchOrder(stored, at);
}
