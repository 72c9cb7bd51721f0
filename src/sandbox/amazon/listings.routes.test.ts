import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedsModelValidator } from './feeds-model-schemas.js';
import { expectValid } from './feeds.test-support.js';
import { SEED_QUANTITY } from './listings-store.js';
import { SANDBOX_SELLER_ID } from './sandbox-constants.js';
import { startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

const DE = 'A1PA6795UKMFR9';
const MODEL = 'models/listingsItems_2021-08-01.json';
const submission = feedsModelValidator(MODEL, 'ListingsItemSubmissionResponse');
const item = feedsModelValidator(MODEL, 'Item');
const errorList = feedsModelValidator(MODEL, 'ErrorList');
const path = (sku: string, seller = SANDBOX_SELLER_ID) =>
  `/listings/2021-08-01/items/${seller}/${encodeURIComponent(sku)}`;
const patchBody = (quantity: number, op = 'merge') =>
  JSON.stringify({
    productType: 'PRODUCT',
    patches: [
      {
        op,
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
      },
    ],
  });

describe('Listings Items API 2021-08-01 in the sandbox', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox({ seed: 2 });
  });
  afterAll(() => s.close());

  const patch = (sku: string, body: string, query: Record<string, string> = {}) =>
    s.sp<{ status: string; issues: { code: string }[] }>(path(sku), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body,
      query: { marketplaceIds: DE, ...query },
    });

  it('patches the DEFAULT quantity of a seeded listing and shows it in getListingsItem and the control API', async () => {
    const sku = 'usb-c cable 2m/2pk';
    const res = await patch(sku, patchBody(7));
    expect(res.status).toBe(200);
    expectValid(submission, res.json);
    expect(res.json.status).toBe('ACCEPTED');
    const got = await s.sp<{ fulfillmentAvailability: { quantity: number }[]; summaries: { productType: string }[] }>(
      path(sku),
      { query: { marketplaceIds: DE, includedData: 'summaries,attributes,fulfillmentAvailability,productTypes' } },
    );
    expect(got.status).toBe(200);
    expectValid(item, got.json);
    expect(got.json.fulfillmentAvailability[0]?.quantity).toBe(7);
    expect(got.json.summaries[0]?.productType).toBe('PRODUCT');
    const control = await s.request<{ listings: { quantity: number; updates: number; marketplaceId: string }[] }>(
      '/_sandbox/listings',
      { query: { sku } },
    );
    const de = control.json.listings.find((l) => l.marketplaceId === DE);
    expect(de).toMatchObject({ quantity: 7, updates: 1 });
    expect(control.json.listings.find((l) => l.marketplaceId !== DE)?.quantity).toBe(SEED_QUANTITY);
    expect(s.sandbox.stats().listingQuantityUpdates).toBe(1);
  });

  it('VALIDATION_PREVIEW changes nothing; unknown SKU → INVALID; merge without selector → INVALID', async () => {
    const preview = await patch('TEA_GREEN_100', patchBody(1), { mode: 'VALIDATION_PREVIEW' });
    expect(preview.json.status).toBe('VALID');
    expect(s.sandbox.listListings({ sku: 'TEA_GREEN_100', marketplaceId: DE })[0]?.quantity).toBe(SEED_QUANTITY);
    const unknown = await patch('NO-SUCH-SKU', patchBody(1));
    expectValid(submission, unknown.json);
    expect(unknown.json.status).toBe('INVALID');
    expect(unknown.json.issues[0]?.code).toBe('4000001');
    const noSelector = await patch(
      'TEA_GREEN_100',
      JSON.stringify({
        productType: 'PRODUCT',
        patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ quantity: 3 }] }],
      }),
    );
    expect(noSelector.json.status).toBe('INVALID');
  });

  it('errors: 400 bad body, 404 unknown listing, 403 other seller', async () => {
    const badBody = await patch('TEA_GREEN_100', JSON.stringify({ patches: [] }));
    expect(badBody.status).toBe(400);
    expectValid(errorList, badBody.json);
    const missing = await s.sp(path('NO-SUCH-SKU'), { query: { marketplaceIds: DE } });
    expect(missing.status).toBe(404);
    expectValid(errorList, missing.json);
    const other = await s.sp(path('TEA_GREEN_100', 'A3OTHERSELLER'), { query: { marketplaceIds: DE } });
    expect(other.status).toBe(403);
  });

  it('patchListingsItem is throttled at burst 5; faults apply to it', async () => {
    const limited = await startTestSandbox({ enforceRateLimits: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await limited.sp(path('TEA_GREEN_100'), {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: patchBody(i),
          query: { marketplaceIds: DE },
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
      expect(limited.sandbox.stats().throttled.patchListingsItem).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
    s.sandbox.setFaults({ getListingsItem: { errorRates: { '503': 1 } } });
    const failed = await s.sp(path('TEA_GREEN_100'), { query: { marketplaceIds: DE } });
    expect(failed.status).toBe(503);
    s.sandbox.setFaults({});
  });
});
