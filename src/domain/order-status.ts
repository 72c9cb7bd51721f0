import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { AmazonOrder, AmazonOrderStatus } from './amazon-order.js';

/**
 * OrderBridge's order statuses (PRODUCT.md §6). The state machine is data: STATUS_TRANSITIONS lists
 * every allowed move and `transition` is the one validator; illegal moves are reported, never applied.
 */
export const ORDER_STATUSES = [
  'pending', // Amazon PENDING / PENDING_AVAILABILITY: stock reserved, no store order yet
  'ready', // Amazon UNSHIPPED / PARTIALLY_SHIPPED: may be created in the store
  'in_store', // the store order exists
  'shipped', // Amazon SHIPPED
  'cancelled', // Amazon CANCELLED
  'cancel_requested', // the buyer asked Amazon to cancel an order that still has unshipped units
  'skipped', // not transferred by configuration (e.g. fulfilment channel not selected)
  'failed', // OrderBridge could not process it (mapping/import error); retryable
  'held', // needs attention (unknown SKU, Amazon UNFULFILLABLE, plan quota…)
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const AMAZON_TO_STATUS: Readonly<Record<AmazonOrderStatus, OrderStatus>> = {
  PENDING_AVAILABILITY: 'pending',
  PENDING: 'pending',
  UNSHIPPED: 'ready',
  PARTIALLY_SHIPPED: 'ready',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  // Amazon could not fulfil an Amazon-fulfilled (multi-channel) order: nothing for us to create,
  // but a person must look at it, so it goes to the needs-attention queue rather than "failed"
  // (which means OrderBridge itself failed and a retry may help).
  UNFULFILLABLE: 'held',
};

/** Allowed moves (staying in the same status is always allowed). */
export const STATUS_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['ready', 'shipped', 'cancelled', 'cancel_requested', 'held', 'failed', 'skipped'],
  ready: ['in_store', 'shipped', 'cancelled', 'cancel_requested', 'held', 'failed', 'skipped'],
  in_store: ['shipped', 'cancelled', 'cancel_requested', 'held'],
  cancel_requested: ['in_store', 'shipped', 'cancelled', 'held', 'failed'],
  held: ['pending', 'ready', 'in_store', 'shipped', 'cancelled', 'cancel_requested', 'failed', 'skipped'],
  failed: ['pending', 'ready', 'in_store', 'shipped', 'cancelled', 'cancel_requested', 'held', 'skipped'],
  skipped: ['pending', 'ready', 'shipped', 'cancelled', 'cancel_requested', 'held', 'failed'],
  // Terminal: Amazon does not un-ship or un-cancel; a shipped order that needs money back is a refund.
  shipped: [],
  cancelled: [],
};

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: OrderStatus): boolean {
  return STATUS_TRANSITIONS[status].length === 0;
}

/** The one validator of the order state machine. */
export function transition(from: OrderStatus, to: OrderStatus): Result<OrderStatus> {
  if (from === to || STATUS_TRANSITIONS[from].includes(to)) return ok(to);
  return err(
    new AppError('order_illegal_transition', `An order cannot move from ${from} to ${to}`, {
      kind: 'conflict',
      retryable: false,
      details: { from, to, allowed: [...STATUS_TRANSITIONS[from]] },
    }),
  );
}

export interface NextStatus {
  /** The status to store: the new one when legal, else the current one unchanged. */
  status: OrderStatus;
  legal: boolean;
  /** What Amazon's data asked for (equals `status` when legal). */
  attempted: OrderStatus;
  reason: string;
}

const hasUnshippedUnits = (s: AmazonOrderStatus): boolean => s === 'UNSHIPPED' || s === 'PARTIALLY_SHIPPED';

/** The status Amazon's data implies on its own, before looking at the stored order. */
export function statusFromAmazon(amazon: AmazonOrder): OrderStatus {
  if (hasUnshippedUnits(amazon.status) && amazon.items.some((i) => i.buyerCancelRequested)) return 'cancel_requested';
  return AMAZON_TO_STATUS[amazon.status];
}

/**
 * Our own progress that Amazon cannot see: Amazon still saying UNSHIPPED (→ ready) does not undo
 * "in_store", "held" or "cancel_requested"; PENDING does not undo "held".
 */
function keepsCurrent(current: OrderStatus, target: OrderStatus): boolean {
  if (target === 'ready') return current === 'in_store' || current === 'held' || current === 'cancel_requested';
  if (target === 'pending') return current === 'held';
  return false;
}

/** What an Amazon status change means for the stored order (null = first time we see it). */
export function nextStatus(current: OrderStatus | null, amazon: AmazonOrder): NextStatus {
  const target = statusFromAmazon(amazon);
  const amazonSays = `Amazon status ${amazon.status}${target === 'cancel_requested' ? ' with a buyer cancel request' : ''}`;
  if (current === null) return { status: target, legal: true, attempted: target, reason: `first seen: ${amazonSays}` };
  if (current === target)
    return { status: current, legal: true, attempted: target, reason: `unchanged: ${amazonSays}` };
  if (keepsCurrent(current, target)) {
    return { status: current, legal: true, attempted: current, reason: `stays ${current}: ${amazonSays}` };
  }
  const moved = transition(current, target);
  if (moved.ok)
    return { status: target, legal: true, attempted: target, reason: `${current} → ${target}: ${amazonSays}` };
  return {
    status: current,
    legal: false,
    attempted: target,
    reason: `illegal ${current} → ${target} (${amazonSays}); kept ${current}`,
  };
}

const BEFORE_ANY_SHIPMENT: readonly AmazonOrderStatus[] = ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED'];

export interface AmazonStatusAfterRead {
  amazonStatus: AmazonOrderStatus;
  /** Amazon's answer is behind what OrderBridge already recorded (e.g. its own confirmed shipment). */
  behind: boolean;
}

/**
 * Amazon's status to store after a read. Amazon's answers lag behind OrderBridge's own confirmed
 * write-backs (a confirmed shipment is SHIPPED at once): a read whose status move the state machine
 * refused (shipped → ready), or that takes a partly shipped order back to before any shipment, keeps
 * the stored status; every move Amazon can really make (PARTIALLY_SHIPPED → SHIPPED) is taken.
 */
export function amazonStatusAfterRead(
  stored: AmazonOrderStatus | null,
  read: AmazonOrderStatus,
  statusMoveLegal: boolean,
): AmazonStatusAfterRead {
  if (stored === null || stored === read) return { amazonStatus: read, behind: false };
  const unshipsPartial = stored === 'PARTIALLY_SHIPPED' && BEFORE_ANY_SHIPMENT.includes(read);
  if (!statusMoveLegal || unshipsPartial) return { amazonStatus: stored, behind: true };
  return { amazonStatus: read, behind: false };
}
