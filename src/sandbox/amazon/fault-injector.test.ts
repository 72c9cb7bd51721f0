import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector.js';
import { ALL_INCLUDED, LONG_AGO, startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

type Page = { orders: Order[]; pagination?: { nextToken: string } };

describe('fault injection', () => {
  let s: TestSandbox | null = null;
  afterEach(async () => {
    await s?.close();
    s = null;
  });
  const search = (t: TestSandbox, included = ALL_INCLUDED) =>
    t.sp<Page>('/orders/2026-01-01/orders', { query: { lastUpdatedAfter: LONG_AGO, includedData: included } });

  it('produces roughly the configured error shares; injected 429s are not counted as throttles', async () => {
    s = await startTestSandbox();
    s.sandbox.generateOrders({ count: 2 });
    s.sandbox.setFaults({ all: { errorRates: { '500': 0.2, '503': 0.1, '429': 0.1 } } });
    const counts: Record<number, number> = {};
    for (let i = 0; i < 400; i++) {
      const res = await search(s, 'BUYER');
      counts[res.status] = (counts[res.status] ?? 0) + 1;
      if (res.status === 503) expect(res.json).toMatchObject({ errors: [{ code: 'ServiceUnavailable' }] });
      if (res.status === 500) expect(res.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    }
    expect(counts[500]).toBeGreaterThan(50);
    expect(counts[500]).toBeLessThan(110);
    expect(counts[503]).toBeGreaterThan(20);
    expect(counts[503]).toBeLessThan(65);
    expect(counts[429]).toBeGreaterThan(20);
    expect(counts[429]).toBeLessThan(65);
    const stats = s.sandbox.stats();
    expect(stats.throttled.searchOrders).toBe(0);
    expect(stats.faultsInjected).toBe((counts[500] ?? 0) + (counts[503] ?? 0) + (counts[429] ?? 0));
    expect(stats.faultsByKind['error:429']).toBe(counts[429]);
  });

  it('is deterministic for a seed', () => {
    const draw = (seed: number) => {
      const f = new FaultInjector(1);
      f.configure({
        seed,
        getOrder: { errorRates: { '500': 0.5 }, malformedRate: 0.3, latencyMs: { min: 1, max: 50 } },
      });
      return Array.from({ length: 50 }, () => f.plan('getOrder'));
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });

  it('sends truncated JSON with 200 when malformedRate hits', async () => {
    s = await startTestSandbox();
    s.sandbox.generateOrders({ count: 5 });
    s.sandbox.setFaults({ searchOrders: { malformedRate: 1 } });
    const res = await search(s);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(res.text) as unknown).toThrow();
    expect(res.text.startsWith('{"orders":[')).toBe(true);
    s.sandbox.setFaults({});
    expect((await search(s)).json.orders).toHaveLength(5);
  });

  it('drops a requested block from searchOrders results but getOrder stays complete', async () => {
    s = await startTestSandbox();
    s.sandbox.generateOrders({ count: 60, statuses: { UNSHIPPED: 1 }, fulfillment: 'MFN' });
    s.sandbox.setFaults({ searchOrders: { dropBlocksRate: 0.5 } });
    const { orders } = (await search(s)).json;
    const incomplete = orders.filter((o) => !o.proceeds || !o.recipient);
    expect(incomplete.length).toBeGreaterThan(15);
    expect(incomplete.length).toBeLessThan(45);
    const full = await s.sp<{ order: Order }>(`/orders/2026-01-01/orders/${incomplete[0]?.orderId ?? ''}`, {
      query: { includedData: ALL_INCLUDED },
    });
    expect(full.json.order.proceeds && full.json.order.recipient).toBeTruthy();
    expect(s.sandbox.stats().faultsByKind.dropBlocks).toBe(incomplete.length);
  });

  it('puts unknown enum values into orders and leaves the stored orders alone', async () => {
    s = await startTestSandbox();
    s.sandbox.generateOrders({ count: 40, statuses: { UNSHIPPED: 1 } });
    s.sandbox.setFaults({ searchOrders: { unknownEnumRate: 1 } });
    const { orders } = (await search(s)).json;
    const odd = orders.filter(
      (o) =>
        (o.fulfillment?.fulfillmentStatus as string) === 'ON_HOLD_NEW' ||
        o.programs?.includes('AMAZON_FUTURE_PROGRAM') ||
        o.recipient?.deliveryAddress?.addressType === 'PARCEL_LOCKER' ||
        o.orderItems.some((i) => i.proceeds?.breakdowns?.some((b) => b.type === 'SURCHARGE')),
    );
    expect(odd).toHaveLength(40);
    for (const order of s.sandbox.listOrders()) {
      expect(order.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
      expect(order.programs ?? []).not.toContain('AMAZON_FUTURE_PROGRAM');
    }
  });

  it('holds the request on timeout, adds latency, and also fails LWA on request', async () => {
    s = await startTestSandbox();
    s.sandbox.setFaults({ timeoutMs: 150, getOrder: { timeoutRate: 1 }, searchOrders: { latencyMs: 120 } });
    const started = Date.now();
    await expect(s.sp('/orders/2026-01-01/orders/111-0000000-0000000')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const slow = Date.now();
    expect((await search(s)).status).toBe(200);
    expect(Date.now() - slow).toBeGreaterThanOrEqual(110);
    s.sandbox.setFaults({ lwaToken: { errorRates: { '503': 1 } } });
    await expect(s.token()).rejects.toThrow(/temporarily_unavailable/);
    expect(() => s?.sandbox.setFaults({ all: { errorRates: { '200': 0.5 } } })).toThrow(/4xx\/5xx/);
    expect(() => s?.sandbox.setFaults({ searchOrder: {} } as never)).toThrow(/Unknown fault target/);
  });
});
