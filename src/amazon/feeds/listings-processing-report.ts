/**
 * Parses the JSON processing report of a JSON_LISTINGS_FEED (listings-feed-processing-report-schema-v2:
 * header, issues, summary; amazon/README §10.2). Strict on the summary counts we act on, lenient on
 * extra fields (items, itemSummary).
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';

const count = z.number().int().min(0);
const reportSchema = z.object({
  header: z.object({ sellerId: z.string(), version: z.string(), feedId: z.string().optional() }),
  issues: z.array(
    z.object({
      messageId: z.number().int().optional(),
      sku: z.string().optional(),
      code: z.string().optional(),
      severity: z.enum(['ERROR', 'WARNING', 'INFO']),
      message: z.string(),
      attributeName: z.string().optional(),
    }),
  ),
  summary: z.object({
    errors: count,
    warnings: count,
    messagesProcessed: count,
    messagesAccepted: count,
    messagesInvalid: count,
  }),
});

export type ListingsProcessingReport = z.infer<typeof reportSchema>;
export type ListingsReportIssue = ListingsProcessingReport['issues'][number];

const upstream = (message: string): AppError =>
  new AppError('feed_report_invalid', message, { kind: 'upstream', retryable: false });

export function parseListingsProcessingReport(text: string): Result<ListingsProcessingReport> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(
      upstream(`listings processing report is not JSON: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(body)';
    return err(upstream(`listings processing report has the wrong shape (at ${where})`));
  }
  return ok(parsed.data);
}

/** The issues of one message (messageId of the feed), e.g. to tell which SKUs failed. */
export function issuesByMessage(report: ListingsProcessingReport): Map<number, ListingsReportIssue[]> {
  const out = new Map<number, ListingsReportIssue[]>();
  for (const issue of report.issues) {
    if (issue.messageId === undefined) continue;
    out.set(issue.messageId, [...(out.get(issue.messageId) ?? []), issue]);
  }
  return out;
}
