import { describe, expect, it } from 'vitest';
import { AMAZON_ORDER_STATUSES, type AmazonOrderStatus } from './amazon-order.js';
import { amazonItem, amazonOrder } from './amazon-order.test-factory.js';
import {
  amazonStatusAfterRead,
  AMAZON_TO_STATUS,
  isOrderStatus,
  isTerminal,
  nextStatus,
  ORDER_STATUSES,
  STATUS_TRANSITIONS,
  statusFromAmazon,
  transition,
  type OrderStatus,
} from './order-status.js';

const amazon = (status: AmazonOrderStatus, buyerCancelRequested = false) =>
  amazonOrder({ status, items: [amazonItem({ buyerCancelRequested })] });

describe('status model as data', () => {
  it('maps every Amazon status', () => {
    expect(Object.keys(AMAZON_TO_STATUS).sort()).toEqual([...AMAZON_ORDER_STATUSES].sort());
    expect(AMAZON_TO_STATUS).toEqual({
      PENDING_AVAILABILITY: 'pending',
      PENDING: 'pending',
      UNSHIPPED: 'ready',
      PARTIALLY_SHIPPED: 'ready',
      SHIPPED: 'shipped',
      CANCELLED: 'cancelled',
      UNFULFILLABLE: 'held',
    });
  });

  it('the transition table only names known statuses and has an entry for each', () => {
    expect(Object.keys(STATUS_TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
    for (const targets of Object.values(STATUS_TRANSITIONS))
      for (const t of targets) expect(isOrderStatus(t)).toBe(true);
  });

  it('shipped and cancelled are terminal', () => {
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(['shipped', 'cancelled']);
  });

  it('isOrderStatus guards strings', () => {
    expect(isOrderStatus('in_store')).toBe(true);
    expect(isOrderStatus('Shipped')).toBe(false);
    expect(isOrderStatus(3)).toBe(false);
  });
});

describe('transition (the one validator)', () => {
  it('allows listed moves and staying put', () => {
    expect(transition('ready', 'in_store')).toEqual({ ok: true, value: 'in_store' });
    expect(transition('shipped', 'shipped')).toEqual({ ok: true, value: 'shipped' });
  });

  it('rejects shipped → pending with order_illegal_transition', () => {
    const r = transition('shipped', 'pending');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('order_illegal_transition');
      expect(r.error.kind).toBe('conflict');
      expect(r.error.details).toMatchObject({ from: 'shipped', to: 'pending', allowed: [] });
    }
  });

  it('agrees with the table for every pair', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const expected = from === to || STATUS_TRANSITIONS[from].includes(to);
        expect(transition(from, to).ok, `${from} → ${to}`).toBe(expected);
      }
    }
  });
});

describe('statusFromAmazon', () => {
  it('a buyer cancel request on an order with unshipped units → cancel_requested', () => {
    expect(statusFromAmazon(amazon('UNSHIPPED', true))).toBe('cancel_requested');
    expect(statusFromAmazon(amazon('PARTIALLY_SHIPPED', true))).toBe('cancel_requested');
  });
  it('a cancel request flag on a shipped or cancelled order changes nothing', () => {
    expect(statusFromAmazon(amazon('SHIPPED', true))).toBe('shipped');
    expect(statusFromAmazon(amazon('CANCELLED', true))).toBe('cancelled');
  });
});

describe('nextStatus', () => {
  const cases: [OrderStatus | null, AmazonOrderStatus, boolean, OrderStatus, boolean][] = [
    // current, Amazon status, buyer cancel request, expected stored status, legal
    [null, 'PENDING', false, 'pending', true],
    [null, 'PENDING_AVAILABILITY', false, 'pending', true],
    [null, 'UNSHIPPED', false, 'ready', true],
    [null, 'PARTIALLY_SHIPPED', false, 'ready', true], // first seen late (import was late)
    [null, 'SHIPPED', false, 'shipped', true], // first seen late
    [null, 'UNFULFILLABLE', false, 'held', true],
    ['pending', 'UNSHIPPED', false, 'ready', true], // Pending → Unshipped: now creatable
    ['pending', 'CANCELLED', false, 'cancelled', true], // Pending → Canceled
    ['ready', 'CANCELLED', false, 'cancelled', true],
    ['in_store', 'UNSHIPPED', false, 'in_store', true], // Amazon still UNSHIPPED: keep our progress
    ['in_store', 'PARTIALLY_SHIPPED', false, 'in_store', true],
    ['in_store', 'SHIPPED', false, 'shipped', true],
    ['in_store', 'CANCELLED', false, 'cancelled', true], // Unshipped → Canceled after import
    ['in_store', 'UNSHIPPED', true, 'cancel_requested', true], // buyer asks to cancel
    ['ready', 'UNSHIPPED', true, 'cancel_requested', true],
    ['cancel_requested', 'UNSHIPPED', true, 'cancel_requested', true],
    ['cancel_requested', 'UNSHIPPED', false, 'cancel_requested', true], // request stays until acted on
    ['cancel_requested', 'CANCELLED', false, 'cancelled', true],
    ['cancel_requested', 'SHIPPED', false, 'shipped', true],
    ['held', 'UNSHIPPED', false, 'held', true], // held stays held until the sync releases it
    ['held', 'PENDING', false, 'held', true],
    ['held', 'CANCELLED', false, 'cancelled', true],
    ['shipped', 'PENDING', false, 'shipped', false], // never applied
    ['shipped', 'CANCELLED', false, 'shipped', false], // refund path, not cancel
    ['cancelled', 'UNSHIPPED', false, 'cancelled', false],
    ['in_store', 'PENDING', false, 'in_store', false], // stale read
    ['ready', 'PENDING', false, 'ready', false],
    ['skipped', 'UNSHIPPED', false, 'ready', true], // channel selected later
  ];

  it.each(cases)('%s + Amazon %s (cancel request %s) → %s (legal %s)', (current, status, cancel, expected, legal) => {
    const next = nextStatus(current, amazon(status, cancel));
    expect(next.status).toBe(expected);
    expect(next.legal).toBe(legal);
  });

  it('an illegal move says what was attempted and why it was not applied', () => {
    const next = nextStatus('shipped', amazon('PENDING'));
    expect(next).toMatchObject({ status: 'shipped', attempted: 'pending', legal: false });
    expect(next.reason).toContain('illegal shipped → pending');
    expect(next.reason).toContain('kept shipped');
  });

  it('a legal move explains itself', () => {
    expect(nextStatus('pending', amazon('UNSHIPPED')).reason).toBe('pending → ready: Amazon status UNSHIPPED');
    expect(nextStatus(null, amazon('UNSHIPPED', true)).reason).toContain('buyer cancel request');
  });
});

describe('amazonStatusAfterRead: Amazon answers that lag behind our own write-back', () => {
  const cases: Array<[AmazonOrderStatus | null, AmazonOrderStatus, boolean, AmazonOrderStatus, boolean]> = [
    ['SHIPPED', 'UNSHIPPED', false, 'SHIPPED', true], // confirmed shipment, Amazon not there yet
    ['CANCELLED', 'UNSHIPPED', false, 'CANCELLED', true], // applied cancellation
    ['PARTIALLY_SHIPPED', 'UNSHIPPED', true, 'PARTIALLY_SHIPPED', true], // partly confirmed shipment
    ['PARTIALLY_SHIPPED', 'SHIPPED', true, 'SHIPPED', false], // Amazon really moved on
    ['UNSHIPPED', 'PARTIALLY_SHIPPED', true, 'PARTIALLY_SHIPPED', false],
    ['UNSHIPPED', 'CANCELLED', true, 'CANCELLED', false],
    ['SHIPPED', 'SHIPPED', true, 'SHIPPED', false],
    [null, 'UNSHIPPED', true, 'UNSHIPPED', false], // first read
  ];
  it.each(cases)(
    'stored %s, Amazon says %s (status move legal %s) → %s (behind %s)',
    (stored, read, legal, kept, behind) => {
      expect(amazonStatusAfterRead(stored, read, legal)).toEqual({ amazonStatus: kept, behind });
    },
  );
});
