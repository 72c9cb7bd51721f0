import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

type Page = { orders: Order[]; pagination?: { nextToken: string }; lastUpdatedBefore?: string; createdBefore?: string };
type Errors = { errors: { code: string; message: string }[] };

const NOW = '2026-03-01T12:00:00.000Z';
const H1 = '2026-03-01T11:00:00Z';
const H2 = '2026-03-01T10:00:00Z';
const LATE = '2026-03-01T11:59:00Z'; // one minute before now: too recent

describe('searchOrders parameters', () => {
  let s: TestSandbox;
  const search = (query: Record<string, string | string[]>) =>
    s.sp<Page & Errors>('/orders/2026-01-01/orders', { query });

  beforeAll(async () => {
    s = await startTestSandbox({ clock: new ManualClock(NOW) });
    s.sandbox.generateOrders({ count: 250 });
  });
  afterAll(() => s.close());

  it.each<[string, Record<string, string | string[]>, RegExp]>([
    ['no After', { marketplaceIds: 'A1PA6795UKMFR9' }, /Exactly one of createdAfter or lastUpdatedAfter/],
    ['both Afters', { createdAfter: H2, lastUpdatedAfter: H2 }, /cannot both be provided/],
    [
      'createdAfter + lastUpdatedBefore',
      { createdAfter: H2, lastUpdatedBefore: H1 },
      /lastUpdatedBefore cannot be provided together with createdAfter/,
    ],
    [
      'lastUpdatedAfter + createdBefore',
      { lastUpdatedAfter: H2, createdBefore: H1 },
      /createdBefore cannot be provided together with lastUpdatedAfter/,
    ],
    [
      'Before earlier than After',
      { createdAfter: H1, createdBefore: H2 },
      /createdBefore must be equal to or after createdAfter/,
    ],
    [
      'Before within 2 minutes',
      { lastUpdatedAfter: H2, lastUpdatedBefore: LATE },
      /lastUpdatedBefore must be at least 2 minutes before/,
    ],
    ['After within 2 minutes', { createdAfter: LATE }, /createdAfter must be at least 2 minutes before/],
    ['not ISO 8601', { createdAfter: '01/03/2026' }, /createdAfter must be an ISO 8601 date-time/],
    ['impossible date', { lastUpdatedAfter: '2026-02-30T00:00:00Z' }, /lastUpdatedAfter must be an ISO 8601/],
    ['no time zone', { createdAfter: '2026-03-01T10:00:00' }, /createdAfter must be an ISO 8601/],
    [
      'maxResultsPerPage 0',
      { createdAfter: H2, maxResultsPerPage: '0' },
      /maxResultsPerPage must be an integer between 1 and 100/,
    ],
    [
      'maxResultsPerPage 101',
      { createdAfter: H2, maxResultsPerPage: '101' },
      /maxResultsPerPage must be an integer between 1 and 100/,
    ],
    ['maxResultsPerPage text', { createdAfter: H2, maxResultsPerPage: 'ten' }, /maxResultsPerPage/],
    [
      '51 marketplaces',
      { createdAfter: H2, marketplaceIds: Array(51).fill('A1PA6795UKMFR9') as string[] },
      /at most 50/,
    ],
    ['unknown marketplace', { createdAfter: H2, marketplaceIds: 'XYZ' }, /Invalid marketplaceId 'XYZ'/],
    [
      'bad status',
      { createdAfter: H2, fulfillmentStatuses: 'SHIPPED,ON_HOLD' },
      /Invalid fulfillmentStatuses value 'ON_HOLD'/,
    ],
    ['bad fulfilledBy', { createdAfter: H2, fulfilledBy: 'SELLER' }, /Invalid fulfilledBy value 'SELLER'/],
    ['bad includedData', { createdAfter: H2, includedData: 'BUYER,ITEMS' }, /Invalid includedData value 'ITEMS'/],
    ['unknown token', { createdAfter: H2, paginationToken: 'abc' }, /Invalid paginationToken/],
  ])('rejects %s with 400 InvalidInput', async (_name, query, message) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.json.errors[0]?.code).toBe('InvalidInput');
    expect(res.json.errors[0]?.message).toMatch(message);
    expect(res.headers.get('x-amzn-ratelimit-limit')).toBe('0.0056');
  });

  it('ends the window at now − 2 min and reports the bound; accepts both array spellings', async () => {
    const a = await search({
      lastUpdatedAfter: '2026-02-28T00:00:00Z',
      marketplaceIds: 'A1PA6795UKMFR9,ATVPDKIKX0DER',
    });
    const b = await search({
      lastUpdatedAfter: '2026-02-28T00:00:00Z',
      marketplaceIds: ['ATVPDKIKX0DER', 'A1PA6795UKMFR9'],
    });
    expect(a.status).toBe(200);
    expect(a.json.lastUpdatedBefore).toBe('2026-03-01T11:58:00Z');
    expect(b.json.orders.map((o) => o.orderId)).toEqual(a.json.orders.map((o) => o.orderId));
    expect(
      a.json.orders.every((o) => ['A1PA6795UKMFR9', 'ATVPDKIKX0DER'].includes(o.salesChannel.marketplaceId ?? '')),
    ).toBe(true);
    const created = await search({ createdAfter: '2026-02-28T00:00:00Z', createdBefore: H1 });
    expect(created.json.createdBefore).toBe(H1);
    expect(created.json.orders.every((o) => o.createdTime <= H1)).toBe(true);
  });

  it('filters by status and fulfilment, sorted by time then order id', async () => {
    const res = await search({
      createdAfter: '2026-02-28T00:00:00Z',
      fulfillmentStatuses: 'SHIPPED',
      fulfilledBy: 'AMAZON',
      includedData: 'FULFILLMENT',
    });
    expect(res.json.orders.length).toBeGreaterThan(0);
    expect(
      res.json.orders.every(
        (o) => o.fulfillment?.fulfillmentStatus === 'SHIPPED' && o.fulfillment.fulfilledBy === 'AMAZON',
      ),
    ).toBe(true);
    const keys = res.json.orders.map((o) => `${o.createdTime} ${o.orderId}`);
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('searchOrders pagination', () => {
  let s: TestSandbox;
  let clock: ManualClock;
  const search = (query: Record<string, string>) => s.sp<Page & Errors>('/orders/2026-01-01/orders', { query });
  const base = { lastUpdatedAfter: '2026-02-28T00:00:00Z', marketplaceIds: 'A1PA6795UKMFR9' };

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    s = await startTestSandbox({ clock });
    s.sandbox.generateOrders({ count: 120, marketplaceId: 'A1PA6795UKMFR9' });
  });
  afterAll(() => s.close());

  it('pages with maxResultsPerPage (default 100) and ends without pagination', async () => {
    const first = await search(base);
    expect(first.json.orders).toHaveLength(100);
    const second = await search({ ...base, paginationToken: first.json.pagination?.nextToken ?? '' });
    expect(second.json.orders).toHaveLength(20);
    expect(second.json.pagination).toBeUndefined();
    expect(second.json.lastUpdatedBefore).toBe(first.json.lastUpdatedBefore);
  });

  it('lets maxResultsPerPage, includedData and the reported bound change, nothing else', async () => {
    const first = await search({ ...base, maxResultsPerPage: '10' });
    const token = first.json.pagination?.nextToken ?? '';
    const ok = await search({ ...base, paginationToken: token, maxResultsPerPage: '50', includedData: 'BUYER' });
    expect(ok.status).toBe(200);
    const echoed = await search({
      ...base,
      paginationToken: token,
      lastUpdatedBefore: first.json.lastUpdatedBefore ?? '',
    });
    expect(echoed.status).toBe(200);
    const changed = await search({ ...base, marketplaceIds: 'A1PA6795UKMFR9,A1F83G8C2ARO7P', paginationToken: token });
    expect(changed.status).toBe(400);
    expect(changed.json.errors[0]?.message).toMatch(/marketplaceIds differ/);
    const moved = await search({ ...base, lastUpdatedAfter: '2026-02-27T00:00:00Z', paginationToken: token });
    expect(moved.json.errors[0]?.message).toMatch(/lastUpdatedAfter differ/);
  });

  it('rejects a tampered token and an expired one (24 h on the sandbox clock)', async () => {
    const token = (await search({ ...base, maxResultsPerPage: '5' })).json.pagination?.nextToken ?? '';
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    const tampered = await search({ ...base, paginationToken: flipped });
    expect(tampered.status).toBe(400);
    expect(tampered.json.errors[0]?.message).toBe('Invalid paginationToken.');
    s.sandbox.advanceClock(24 * 3600 + 1);
    const expired = await search({ ...base, paginationToken: token });
    expect(expired.json.errors[0]?.message).toMatch(/expired/);
  });

  it('never skips an unchanged order when another one is updated between pages', async () => {
    const after = {
      lastUpdatedAfter: '2026-02-01T00:00:00Z',
      marketplaceIds: 'A1PA6795UKMFR9',
      maxResultsPerPage: '7',
    };
    const all = new Set(s.sandbox.listOrders().map((o) => o.orderId));
    const seen: string[] = [];
    let token: string | undefined;
    let touched = 0;
    do {
      const page = await search(token ? { ...after, paginationToken: token } : after);
      seen.push(...page.json.orders.map((o) => o.orderId));
      const firstOfPage = page.json.orders[0]?.orderId;
      if (firstOfPage) {
        s.sandbox.advanceOrder(firstOfPage, 'touch'); // moves behind the frozen window end
        touched++;
      }
      token = page.json.pagination?.nextToken;
    } while (token);
    expect(touched).toBeGreaterThan(10);
    expect(new Set(seen)).toEqual(all);
    expect(seen).toHaveLength(all.size);
  });
});
