import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './sandbox.test-support.js';
import { staticCasesFor, type StaticCase } from './static-cases.js';

const STATIC = { 'x-orderbridge-sandbox': 'static' };

/** The request a case describes: path parameters filled in, arrays comma-separated. */
function requestOf(c: StaticCase): { path: string; query: Record<string, string>; body: unknown } {
  let path = c.path;
  const query: Record<string, string> = {};
  let body: unknown = undefined;
  for (const [name, { value }] of Object.entries(c.request.parameters)) {
    if (name === 'body') body = value;
    else if (path.includes(`{${name}}`)) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
    else query[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return { path, query, body };
}

describe('Amazon static sandbox replay', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(() => s.close());

  const v2026 = [...staticCasesFor('searchOrders'), ...staticCasesFor('getOrder')];
  it.each(v2026.map((c) => [`${c.operationId} ${c.status} ${JSON.stringify(c.request.parameters).slice(0, 80)}`, c]))(
    'replays %s',
    async (_name, c) => {
      const { path, query } = requestOf(c);
      const res = await s.sp(path, { query, headers: STATIC });
      expect(res.status).toBe(c.status);
      expect(res.json).toEqual(c.response);
      expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('x-amzn-ratelimit-limit')).toBe('5');
    },
  );

  it.each(staticCasesFor('confirmShipment').map((c) => [c.status, c]))('replays confirmShipment %s', async (_s, c) => {
    const { path, body } = requestOf(c);
    const res = await s.sp(path, {
      method: 'POST',
      headers: { ...STATIC, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(c.status);
    if (c.status === 204) expect(res.text).toBe('');
    else expect(res.json).toEqual(c.response);
  });

  it('accepts repeated array keys, ignores unlisted parameters and prefers the most specific case', async () => {
    const res = await s.sp('/orders/2026-01-01/orders', {
      headers: STATIC,
      query: {
        createdAfter: '2024-12-23T00:00:00Z',
        marketplaceIds: 'A1F83G8C2ARO7P',
        includedData: [
          'BUYER',
          'RECIPIENT',
          'PROCEEDS',
          'EXPENSE',
          'PROMOTION',
          'CANCELLATION',
          'FULFILLMENT',
          'PACKAGES',
        ],
        paginationToken: '9ZhB4RmVyc2lvbiAxLjAgb2YgdGhl',
        maxResultsPerPage: '10',
      },
    });
    expect(res.status).toBe(200);
    expect((res.json as { orders: { orderId: string }[] }).orders[0]?.orderId).toBe('202-7654321-1098765');
  });

  it('answers 400 InvalidInput when no case matches, and also replays on a sandbox.* host or with the option', async () => {
    const none = await s.sp('/orders/2026-01-01/orders/902-0000000-0000000', { headers: STATIC });
    expect(none.status).toBe(400);
    expect(none.json).toEqual({
      errors: [{ code: 'InvalidInput', message: 'No static sandbox case matches this request.', details: '' }],
    });
    const always = await startTestSandbox({ staticCases: true });
    try {
      const res = await always.sp('/orders/2026-01-01/orders/TEST_CASE_400');
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ errors: [{ code: 'InvalidInput', message: 'Invalid Input' }] });
    } finally {
      await always.close();
    }
    // fetch may not set Host, so this one goes through node:http.
    const token = await s.token();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${s.url}/orders/2026-01-01/orders/TEST_CASE_400`, {
        headers: { host: 'sandbox.sellingpartnerapi-eu.amazon.com', 'x-amz-access-token': token },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });

  it('still requires an access token in static mode', async () => {
    const res = await s.request('/orders/2026-01-01/orders/TEST_CASE_400', { headers: STATIC });
    expect(res.status).toBe(403);
  });
});
