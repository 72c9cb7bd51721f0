import { describe, expect, it } from 'vitest';
import { checkActivation, checkConnectionCount, DEFAULT_PLANS, monthStart, ordersLeftThisMonth } from './plan.js';

const [free, business, selfHosted] = DEFAULT_PLANS as [
  (typeof DEFAULT_PLANS)[number],
  (typeof DEFAULT_PLANS)[number],
  (typeof DEFAULT_PLANS)[number],
];

describe('plans', () => {
  it('refuses activation without order connections and names the first plan that has them', () => {
    const r = checkActivation(free, DEFAULT_PLANS);
    expect(r.ok ? null : [r.error.code, r.error.details.neededPlan]).toEqual(['plan_no_order_connections', 'business']);
    expect(checkActivation(business, DEFAULT_PLANS).ok).toBe(true);
  });

  it('limits connections and counts the monthly quota; null means unlimited', () => {
    expect(checkConnectionCount(free, 0).ok).toBe(true);
    expect(checkConnectionCount(free, 1).ok).toBe(false);
    expect(checkConnectionCount(selfHosted, 10_000).ok).toBe(true);
    expect(ordersLeftThisMonth(business, 4_999)).toBe(1);
    expect(ordersLeftThisMonth(business, 6_000)).toBe(0);
    expect(ordersLeftThisMonth(selfHosted, 1e9)).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts per UTC calendar month', () => {
    expect(monthStart(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-01T00:00:00.000Z');
    expect(monthStart(new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01T00:00:00.000Z');
  });
});
