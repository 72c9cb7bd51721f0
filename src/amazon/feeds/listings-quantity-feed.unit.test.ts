import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listingsFeedSchemaValidator } from '../../sandbox/amazon/feeds-model-schemas.js';
import { issuesByMessage, parseListingsProcessingReport } from './listings-processing-report.js';
import { buildListingsQuantityFeed } from './listings-quantity-feed.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/amazon/models/${name}`, import.meta.url), 'utf8');

describe('JSON_LISTINGS_FEED quantity document', () => {
  it('matches the reference fixture and validates against listings-feed-schema-v2', () => {
    const built = buildListingsQuantityFeed({
      sellerId: 'A1EXAMPLESELLER',
      items: [
        { sku: 'SKU-123', quantity: 7 },
        { sku: 'SKU-456', quantity: 0 },
      ],
    });
    if (!built.ok) throw built.error;
    const doc = JSON.parse(built.value.json) as unknown;
    expect(doc).toEqual(JSON.parse(fixture('feeds.JSON_LISTINGS_FEED.quantity.json')));
    const validate = listingsFeedSchemaValidator('models/listings-feed-schema-v2.json');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(built.value.messageIds).toEqual({ 1: 'SKU-123', 2: 'SKU-456' });
  });
});

describe('JSON listings processing report', () => {
  it("parses Amazon's example report", () => {
    const parsed = parseListingsProcessingReport(fixture('listings-feed-processing-report-schema-v2.example.json'));
    if (!parsed.ok) throw parsed.error;
    expect(parsed.value.summary).toMatchObject({ errors: 3, messagesProcessed: 4, messagesInvalid: 2 });
    expect(issuesByMessage(parsed.value).get(4)).toHaveLength(2);
  });

  it('rejects a body that is not a report', () => {
    const bad = parseListingsProcessingReport('{"header":{}}');
    expect(!bad.ok && bad.error.code).toBe('feed_report_invalid');
    expect(parseListingsProcessingReport('<xml/>').ok).toBe(false);
  });
});
