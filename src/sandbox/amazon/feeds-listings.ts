/**
 * JSON_LISTINGS_FEED (listings-feed-schema-v2): PATCH / UPDATE / PARTIAL_UPDATE / DELETE messages;
 * the sandbox acts on the DEFAULT quantity of `fulfillment_availability` (listings-patch.ts) in each
 * marketplace of the feed. The report follows listings-feed-processing-report-schema-v2 (header,
 * issues, summary) and is GZIP-compressed, as Amazon serves these reports. A document that is not a
 * listings feed (bad JSON, wrong header) ends FATAL with a report saying why.
 */
import { gzipSync } from 'node:zlib';
import type { FeedOutcome, FeedRecord } from './feeds-store.js';
import {
  listingIssue,
  quantityFromAttributes,
  quantityFromPatches,
  ISSUE_NOT_FOUND,
  type ListingIssue,
  type QuantityIntent,
} from './listings-patch.js';
import type { AmazonSandbox } from './sandbox-state.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';
const OPERATIONS = ['UPDATE', 'PARTIAL_UPDATE', 'PATCH', 'DELETE'];
const MAX_MESSAGES = 25_000;

type ReportIssue = { messageId?: number; sku?: string } & Omit<ListingIssue, 'categories' | 'attributeNames'> & {
    attributeName?: string;
  };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function processListingsFeed(sandbox: AmazonSandbox, feed: FeedRecord, text: string): FeedOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fatal(feed, `The feed is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = isRecord(doc) ? doc.header : undefined;
  const messages = isRecord(doc) ? doc.messages : undefined;
  if (!isRecord(header) || header.version !== '2.0' || header.sellerId !== feed.sellerId) {
    return fatal(feed, `header must have version "2.0" and sellerId "${feed.sellerId}".`);
  }
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > MAX_MESSAGES) {
    return fatal(feed, `messages must hold 1 to ${MAX_MESSAGES} messages.`);
  }
  const issues: ReportIssue[] = [];
  const seen = new Set<number>();
  let invalid = 0;
  for (const message of messages) {
    const problems = applyMessage(sandbox, feed, message, seen);
    if (problems.length > 0) invalid++;
    const messageId = isRecord(message) && typeof message.messageId === 'number' ? message.messageId : undefined;
    const sku = isRecord(message) && typeof message.sku === 'string' ? message.sku : undefined;
    for (const p of problems) issues.push(toReportIssue(p, messageId, sku));
  }
  return outcome(feed, 'DONE', issues, messages.length, invalid);
}

function applyMessage(sandbox: AmazonSandbox, feed: FeedRecord, m: unknown, seen: Set<number>): ListingIssue[] {
  const error = (message: string): ListingIssue[] => [listingIssue('4000000', message)];
  if (!isRecord(m)) return error('A message must be a JSON object.');
  const { messageId, sku, operationType, productType } = m;
  if (typeof messageId !== 'number' || !Number.isInteger(messageId) || messageId < 1)
    return error('messageId must be a positive integer.');
  if (seen.has(messageId)) return error(`messageId ${messageId} is used twice in this feed.`);
  seen.add(messageId);
  if (typeof sku !== 'string' || sku === '') return error('sku must be a non-empty string.');
  if (typeof operationType !== 'string' || !OPERATIONS.includes(operationType))
    return error(`operationType must be one of ${OPERATIONS.join(', ')}.`);
  if (operationType !== 'DELETE' && (typeof productType !== 'string' || productType === ''))
    return error('productType is required.');
  const at = sandbox.nowIso();
  const existing = feed.marketplaceIds
    .map((mp) => ({ mp, listing: sandbox.listings.get(feed.sellerId, mp, sku) }))
    .filter((x) => x.listing !== undefined);
  if (operationType === 'DELETE') {
    if (existing.length === 0) return notFound(sku, feed);
    for (const { mp } of existing) sandbox.listings.delete(feed.sellerId, mp, sku);
    return [];
  }
  const intent: QuantityIntent =
    operationType === 'PATCH'
      ? quantityFromPatches(Array.isArray(m.patches) ? m.patches : [])
      : quantityFromAttributes(m.attributes);
  if (intent.issues.length > 0) return intent.issues;
  if (operationType === 'UPDATE' && intent.quantity !== null) {
    for (const mp of feed.marketplaceIds) sandbox.listings.upsertQuantity(feed.sellerId, mp, sku, intent.quantity, at);
    sandbox.record.listingUpdate();
    return [];
  }
  if (existing.length === 0) return notFound(sku, feed);
  if (intent.quantity !== null) {
    for (const { listing } of existing) if (listing) sandbox.listings.setQuantity(listing, intent.quantity, at);
    sandbox.record.listingUpdate();
  }
  return [];
}

const notFound = (sku: string, feed: FeedRecord): ListingIssue[] => [
  listingIssue(ISSUE_NOT_FOUND, `SKU '${sku}' has no listing in marketplace ${feed.marketplaceIds.join(', ')}.`),
];

function toReportIssue(p: ListingIssue, messageId: number | undefined, sku: string | undefined): ReportIssue {
  return {
    ...(messageId !== undefined && messageId >= 1 && { messageId }),
    ...(sku !== undefined && sku !== '' && { sku }),
    code: p.code,
    severity: p.severity,
    message: p.message,
    ...(p.attributeNames?.[0] !== undefined && { attributeName: p.attributeNames[0] }),
  };
}

function fatal(feed: FeedRecord, message: string): FeedOutcome {
  return { ...outcome(feed, 'FATAL', [{ code: '4000000', severity: 'ERROR', message }], 0, 0), fatalReason: message };
}

function outcome(
  feed: FeedRecord,
  status: 'DONE' | 'FATAL',
  issues: ReportIssue[],
  processed: number,
  invalid: number,
): FeedOutcome {
  const report = {
    header: { sellerId: feed.sellerId, version: '2.0', feedId: feed.feedId },
    issues,
    summary: {
      errors: issues.filter((i) => i.severity === 'ERROR').length,
      warnings: issues.filter((i) => i.severity === 'WARNING').length,
      messagesProcessed: processed,
      messagesAccepted: processed - invalid,
      messagesInvalid: invalid,
    },
  };
  return {
    status,
    summary: {
      messagesProcessed: processed,
      messagesSuccessful: processed - invalid,
      messagesWithError: invalid,
      messagesWithWarning: 0,
    },
    report: { contentType: JSON_CONTENT_TYPE, body: gzipSync(JSON.stringify(report)), gzip: true },
  };
}
