import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANCELLATION_REASONS } from '../../domain/orders-config.js';
import { xsdErrors } from './feed-xsd-validator.js';
import { buildOrderAcknowledgementFeed, type OrderAcknowledgementFeedInput } from './order-acknowledgement-feed.js';
import { parseProcessingReport } from './processing-report.js';

const REPORT_FIXTURE = new URL('../../../test/fixtures/amazon/feeds.processingReport.example.xml', import.meta.url);

const input: OrderAcknowledgementFeedInput = {
  sellerId: 'A1EXAMPLESELLER',
  cancellations: [
    {
      amazonOrderId: '114-1234567-1234567',
      items: [
        { orderItemId: '12345678901234', reason: 'NoInventory' },
        { orderItemId: '12345678905678', reason: 'NoInventory' },
      ],
    },
    { amazonOrderId: '114-7654321-7654321', items: [{ orderItemId: '22345678901234', reason: 'BuyerCanceled' }] },
  ],
};

const build = (i: OrderAcknowledgementFeedInput) => {
  const result = buildOrderAcknowledgementFeed(i);
  if (!result.ok) throw result.error;
  return result.value;
};

describe('buildOrderAcknowledgementFeed', () => {
  it('produces XSD-valid XML with the shape of the team fixture', () => {
    const { xml, messageIds } = build(input);
    expect(xsdErrors(xml)).toEqual([]);
    expect(messageIds).toEqual({ 1: '114-1234567-1234567', 2: '114-7654321-7654321' });
    expect(xml).toContain('<DocumentVersion>1.01</DocumentVersion>');
    expect(xml).toContain('<MerchantIdentifier>A1EXAMPLESELLER</MerchantIdentifier>');
    expect(xml).toContain('<MessageType>OrderAcknowledgement</MessageType>');
    expect(xml.match(/<StatusCode>Failure<\/StatusCode>/g)).toHaveLength(2);
    expect(xml.match(/<Item>/g)).toHaveLength(3);
    expect(xml).toMatch(
      /<AmazonOrderItemCode>22345678901234<\/AmazonOrderItemCode>\s*<CancelReason>BuyerCanceled<\/CancelReason>/,
    );
  });

  it('the XSD copies load with their includes: the processing report fixture validates too', () => {
    expect(xsdErrors(readFileSync(REPORT_FIXTURE, 'utf8'))).toEqual([]);
  });

  it('accepts each of the 14 cancel reasons', () => {
    for (const reason of CANCELLATION_REASONS) {
      const result = buildOrderAcknowledgementFeed({
        sellerId: 'S',
        cancellations: [{ amazonOrderId: '114-1234567-1234567', items: [{ orderItemId: '12345678901234', reason }] }],
      });
      expect(result.ok, reason).toBe(true);
    }
  });

  it('rejects a bad reason with a specific error', () => {
    const result = buildOrderAcknowledgementFeed({
      sellerId: 'S',
      cancellations: [
        { amazonOrderId: '114-1234567-1234567', items: [{ orderItemId: '12345678901234', reason: 'BuyerCancelled' }] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('cancel_reason_invalid');
    expect(result.error.kind).toBe('invalid');
    expect(result.error.details).toMatchObject({ reason: 'BuyerCancelled', orderItemId: '12345678901234' });
  });

  it('rejects empty input, orders without items and duplicates', () => {
    const code = (i: OrderAcknowledgementFeedInput) => {
      const r = buildOrderAcknowledgementFeed(i);
      return r.ok ? 'ok' : r.error.code;
    };
    const order = input.cancellations[1]!;
    expect(code({ sellerId: ' ', cancellations: [order] })).toBe('feed_seller_id_missing');
    expect(code({ sellerId: 'S', cancellations: [] })).toBe('feed_no_cancellations');
    expect(code({ sellerId: 'S', cancellations: [{ ...order, items: [] }] })).toBe('feed_cancel_items_missing');
    expect(code({ sellerId: 'S', cancellations: [order, order] })).toBe('feed_duplicate_order');
    expect(code({ sellerId: 'S', cancellations: [{ ...order, items: [order.items[0]!, order.items[0]!] }] })).toBe(
      'feed_duplicate_item',
    );
  });

  it('escapes XML special characters in text', () => {
    const { xml } = build({ ...input, sellerId: 'A&B <Shop> "x"' });
    expect(xml).toContain('<MerchantIdentifier>A&amp;B &lt;Shop&gt; "x"</MerchantIdentifier>');
    expect(xsdErrors(xml)).toEqual([]);
  });

  it('refuses XML the XSD rejects (malformed ids) instead of returning it', () => {
    const result = buildOrderAcknowledgementFeed({
      sellerId: 'S',
      cancellations: [
        {
          amazonOrderId: '114-1234567-1234567',
          items: [{ orderItemId: '123</AmazonOrderItemCode>', reason: 'NoInventory' }],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('feed_xml_invalid');
    expect(result.error.message).toContain('AmazonOrderItemCode');
  });

  it('a processing report for the feed maps back to the orders by MessageID', () => {
    const { messageIds } = build(input);
    const report = parseProcessingReport(readFileSync(REPORT_FIXTURE, 'utf8'));
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(messageIds[report.value.results[0]!.messageId]).toBe('114-7654321-7654321');
  });
});

describe('xsdErrors', () => {
  it('reports schema violations and malformed XML with line numbers', () => {
    const { xml } = build(input);
    const broken = xml.replace('<StatusCode>Failure</StatusCode>', '<StatusCode>Cancelled</StatusCode>');
    expect(xsdErrors(broken).join('\n')).toMatch(/line \d+: .*StatusCode/);
    expect(xsdErrors('<AmazonEnvelope><Header>')[0]).toMatch(/^line \d+: /);
  });
});
