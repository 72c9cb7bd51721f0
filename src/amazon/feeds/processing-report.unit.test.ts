import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProcessingReport } from './processing-report.js';

const fixture = readFileSync(
  new URL('../../../test/fixtures/amazon/feeds.processingReport.example.xml', import.meta.url),
  'utf8',
);

const parse = (xml: string) => {
  const result = parseProcessingReport(xml);
  if (!result.ok) throw result.error;
  return result.value;
};

describe('parseProcessingReport', () => {
  it('reads the team fixture', () => {
    expect(parse(fixture)).toEqual({
      statusCode: 'Complete',
      documentTransactionId: '50012019999',
      processed: 2,
      successful: 1,
      withError: 1,
      withWarning: 0,
      results: [
        {
          messageId: 2,
          resultCode: 'Error',
          messageCode: '25',
          description: 'Example error text (codes and wording are illustrative, not taken from Amazon).',
          amazonOrderId: '114-7654321-7654321',
        },
      ],
    });
  });

  it('reads several results, item codes as strings, and unescapes text', () => {
    const extra = `<Result><MessageID>1</MessageID><ResultCode>Warning</ResultCode><ResultMessageCode>18028</ResultMessageCode>
      <ResultDescription>Tracking &amp; carrier &lt;mismatch&gt;</ResultDescription>
      <AdditionalInfo><AmazonOrderID>114-1234567-1234567</AmazonOrderID><AmazonOrderItemCode>01234567890123</AmazonOrderItemCode></AdditionalInfo></Result>`;
    const report = parse(fixture.replace('</ProcessingSummary>', `</ProcessingSummary>${extra}`));
    expect(report.results).toHaveLength(2);
    expect(report.results[0]).toEqual({
      messageId: 1,
      resultCode: 'Warning',
      messageCode: '18028',
      description: 'Tracking & carrier <mismatch>',
      amazonOrderId: '114-1234567-1234567',
      amazonOrderItemCode: '01234567890123',
    });
  });

  it('a report with no results has an empty list', () => {
    const clean = fixture.replace(/<Result>[\s\S]*<\/Result>/, '');
    expect(parse(clean).results).toEqual([]);
  });

  it('rejects malformed XML and documents that are not processing reports', () => {
    const codeOf = (xml: string) => {
      const r = parseProcessingReport(xml);
      return r.ok ? 'ok' : `${r.error.code}/${r.error.kind}`;
    };
    expect(codeOf('<AmazonEnvelope><Message>')).toBe('feed_report_invalid/upstream');
    expect(codeOf('<AmazonEnvelope><Message><MessageID>1</MessageID></Message></AmazonEnvelope>')).toBe(
      'feed_report_invalid/upstream',
    );
    expect(codeOf(fixture.replace('<MessagesProcessed>2</MessagesProcessed>', ''))).toBe(
      'feed_report_invalid/upstream',
    );
    expect(codeOf(fixture.replace('<StatusCode>Complete</StatusCode>', ''))).toBe('feed_report_invalid/upstream');
  });
});
