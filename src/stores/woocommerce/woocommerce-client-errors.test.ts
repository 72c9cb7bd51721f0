import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StartedWooSandbox } from '../../sandbox/woocommerce/index.js';
import type { StoreConnector } from '../store-connector.js';
import { connectorFor, draft, item, startStore } from './woocommerce.test-support.js';

let started: StartedWooSandbox;
let connector: StoreConnector;

beforeAll(async () => ({ started, connector } = await startStore()));
afterAll(() => started.close());
beforeEach(() => started.sandbox.reset());

const errorOf = async (p: Promise<{ ok: boolean; error?: unknown }>): Promise<unknown> => {
  const r = await p;
  return r.ok ? null : r.error;
};

describe('HTTP failures become AppErrors with stable codes', () => {
  it('5xx HTML page → woocommerce_unavailable (retryable); 429 → woocommerce_rate_limited', async () => {
    started.sandbox.setFaults({ rate: 1, kinds: ['500'] });
    expect(await errorOf(connector.test())).toMatchObject({
      code: 'woocommerce_unavailable',
      kind: 'upstream',
      retryable: true,
    });
    started.sandbox.setFaults({ rate: 1, kinds: ['429'] });
    expect(await errorOf(connector.test())).toMatchObject({
      code: 'woocommerce_rate_limited',
      retryable: true,
      details: { retryAfter: '1' },
    });
  });

  it('a timeout → woocommerce_unavailable with outcomeUnknown', async () => {
    started.sandbox.setFaults({ rate: 1, kinds: ['timeout'], timeoutMs: 2000 });
    const fast = connectorFor(started, started.sandbox.consumerSecret, { timeoutMs: 100 });
    expect(await errorOf(fast.readStock(['1']))).toMatchObject({
      code: 'woocommerce_unavailable',
      details: { reason: 'timeout', outcomeUnknown: true },
    });
  });

  it('a wrong base URL (no REST route) → woocommerce_api_not_found', async () => {
    const wrong = connectorFor(started, started.sandbox.consumerSecret, { baseUrl: `${started.url}/shop` });
    expect(await errorOf(wrong.test())).toMatchObject({ code: 'woocommerce_api_not_found', retryable: false });
  });

  it('WooCommerce validation errors → woocommerce_invalid_request with WooCommerce’s code', async () => {
    const d = draft({
      items: [item('999999', 1, '1.00', '0', '1.00')],
      totals: { net: '1.00', tax: '0', gross: '1.00' },
    });
    expect(await errorOf(connector.createOrder(d))).toMatchObject({
      code: 'woocommerce_invalid_request',
      kind: 'invalid',
      details: { wooCode: 'woocommerce_rest_invalid_product_id' },
    });
  });

  it('a create that failed before commit (503) is retried into exactly one order', async () => {
    const bottle = String(started.sandbox.getStock('BOTTLE-750-SS').productId);
    const d = draft({
      items: [item(bottle, 1, '20.00', '3.80', '23.80')],
      totals: { net: '20.00', tax: '3.80', gross: '23.80' },
    });
    started.sandbox.setFaults({ rate: 1, kinds: ['503'] });
    expect(await errorOf(connector.createOrder(d))).toMatchObject({ code: 'woocommerce_unavailable' });
    started.sandbox.setFaults({});
    const ref = await connector.createOrder(d);
    expect(ref.ok).toBe(true);
    expect(started.sandbox.listOrders()).toHaveLength(1);
  });
});
