import { afterEach, describe, expect, it } from 'vitest';
import { loadAmazonJson } from './fixture-files.js';
import { RateLimiter } from './rate-limiter.js';
import { LONG_AGO, startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

describe('rate limits (token buckets per seller and operation)', () => {
  let s: TestSandbox | null = null;
  afterEach(async () => {
    await s?.close();
    s = null;
  });

  it('throttles exactly the call after the burst with QuotaExceeded, headers only where Amazon sends them', async () => {
    s = await startTestSandbox({ enforceRateLimits: true });
    s.sandbox.generateOrders({ count: 3 });
    const statuses: number[] = [];
    let throttled = null;
    for (let i = 0; i < 21; i++) {
      const res = await s.sp('/orders/2026-01-01/orders', { query: { lastUpdatedAfter: LONG_AGO } });
      statuses.push(res.status);
      if (res.status === 200) {
        expect(res.headers.get('x-amzn-ratelimit-limit')).toBe('0.0056');
        expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      } else throttled = res;
    }
    expect(statuses.filter((x) => x === 429)).toHaveLength(1);
    expect(statuses[20]).toBe(429);
    expect(throttled?.json).toEqual(loadAmazonJson('error.429.QuotaExceeded.json'));
    expect(throttled?.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    expect(throttled?.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.sandbox.stats().throttled.searchOrders).toBe(1);
    expect(s.sandbox.stats().calls.searchOrders).toBe(21);
    // Buckets are per operation: getOrder still has its 30.
    const [id] = s.sandbox.listOrders().map((o) => o.orderId);
    const get = await s.sp(`/orders/2026-01-01/orders/${id ?? ''}`);
    expect(get.status).toBe(200);
    expect(get.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
    const missing = await s.sp('/orders/2026-01-01/orders/111-0000000-0000000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
  });

  it('confirmShipment has 2 rps / burst 10', async () => {
    s = await startTestSandbox({ enforceRateLimits: true });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await s.sp('/orders/v0/orders/111-0000000-0000000/shipmentConfirmation', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      statuses.push(res.status);
      if (res.status === 400) expect(res.headers.get('x-amzn-ratelimit-limit')).toBe('2');
    }
    expect(statuses.slice(0, 10).every((x) => x === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('scales the refill rate with rateScale (burst unchanged) and reports the scaled rate', async () => {
    s = await startTestSandbox({ enforceRateLimits: true, rateScale: 1000 });
    const first = await s.sp('/orders/2026-01-01/orders', { query: { lastUpdatedAfter: LONG_AGO } });
    expect(first.headers.get('x-amzn-ratelimit-limit')).toBe('5.6');
    for (let i = 0; i < 19; i++) await s.sp('/orders/2026-01-01/orders', { query: { lastUpdatedAfter: LONG_AGO } });
    await new Promise((r) => setTimeout(r, 400)); // 5.6 tokens/s → 2 tokens in 400 ms
    const after = await s.sp('/orders/2026-01-01/orders', { query: { lastUpdatedAfter: LONG_AGO } });
    expect(after.status).toBe(200);
  });

  it('refills by real monotonic time, capped at the burst', () => {
    let now = 0;
    const limiter = new RateLimiter(1, true, () => now);
    const plan = { rate: '2', burst: 3 };
    expect([1, 2, 3, 4].map(() => limiter.take('k', plan).allowed)).toEqual([true, true, true, false]);
    now = 500;
    expect(limiter.take('k', plan).allowed).toBe(true);
    expect(limiter.take('k', plan).allowed).toBe(false);
    now = 100_000;
    expect([1, 2, 3, 4].map(() => limiter.take('k', plan).allowed)).toEqual([true, true, true, false]);
    expect(limiter.take('other', plan).allowed).toBe(true);
    const scaled = new RateLimiter(1000, true, () => 0); // rateScale changes refills, never the burst
    expect([1, 2, 3, 4].map(() => scaled.take('k', plan).allowed)).toEqual([true, true, true, false]);
    expect(scaled.limitHeader(plan)).toBe('2000');
    expect(new RateLimiter(1, false, () => now).take('k', { rate: '1', burst: 0 }).allowed).toBe(true);
  });
});
