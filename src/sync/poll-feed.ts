import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { FeedRecord } from '../db/cancellation.repository.js';
import { progressAfterCancellation } from '../domain/write-back-progress.js';
import type { ProcessingReportSummary } from './write-back-ports.js';
import type { StoreSideDeps } from './store-side-deps.js';

export type FeedOutcome = 'applied' | 'fatal' | 'gone';

interface FeedMeta {
  messageIds?: Record<string, string>;
  quantities?: Record<string, number>;
}

/** Not finished yet: a retryable error, so the job runs again after its backoff. */
const stillProcessing = (status: string): AppError =>
  new AppError('amazon_feed_processing', `The feed is still ${status} on Amazon`, {
    kind: 'upstream',
    retryable: true,
  });

async function applyCancellationReport(
  deps: StoreSideDeps,
  feed: FeedRecord,
  meta: FeedMeta,
  report: ProcessingReportSummary,
): Promise<void> {
  const failedOrders = new Map<string, string>();
  for (const r of report.results.filter((x) => x.code === 'Error')) {
    const amazonOrderId = meta.messageIds?.[String(r.messageId)];
    if (amazonOrderId) failedOrders.set(amazonOrderId, r.description);
  }
  const now = deps.clock.nowIso();
  const cancellations = await deps.cancellations.forFeed(feed.id);
  await deps.db.transaction().execute(async (trx) => {
    for (const c of cancellations) {
      const order = await deps.orders.findById(c.orderId, trx);
      const error = order ? failedOrders.get(order.amazonOrderId) : undefined;
      await deps.cancellations.setState(trx, [c.id], error ? 'failed' : 'applied', { error: error ?? null }, now);
      // Amazon cancelled it: say so now rather than at the next pull.
      const progress =
        order && !error
          ? progressAfterCancellation(order.status, await deps.orders.lines(order.id, trx), c.items)
          : null;
      if (progress) await deps.orderStore.setAmazonProgress(trx, c.orderId, progress, now);
      await deps.orders.addEvent(trx, {
        orderId: c.orderId,
        connectionId: c.connectionId,
        occurredAt: now,
        direction: 'amazon_to_hub',
        kind: error ? 'amazon.cancellation_rejected' : 'amazon.cancellation_applied',
        summary: error
          ? `Amazon rejected the cancellation: ${error}`
          : `Amazon processed the cancellation in feed ${feed.amazonFeedId ?? '?'} (reason ${c.reason})${progress ? ` — Amazon status now ${progress.amazonStatus}` : ''}`,
        payload: { feedId: feed.amazonFeedId, report: { processed: report.processed, withError: report.withError } },
      });
    }
  });
  for (const c of cancellations) {
    const order = await deps.orders.findById(c.orderId);
    const error = order ? failedOrders.get(order.amazonOrderId) : undefined;
    if (error) await deps.orderStore.recordFailure(c.orderId, { code: 'cancellation_rejected', message: error }, now);
  }
}

async function applyStockReport(
  deps: StoreSideDeps,
  feed: FeedRecord,
  meta: FeedMeta,
  report: ProcessingReportSummary,
): Promise<void> {
  const failed = new Map<string, string>();
  for (const r of report.results.filter((x) => x.code === 'Error')) {
    const sku = meta.messageIds?.[String(r.messageId)];
    if (sku) failed.set(sku, r.description);
  }
  // The quantities were recorded as pushed when the feed was sent; rejected ones are sent again next time.
  const now = deps.clock.nowIso();
  for (const [sku, error] of failed) await deps.stock.markError(feed.connectionId, [sku], error, now, true);
}

/** Polls one submitted feed; when Amazon is done, reads its processing report and applies it once. */
export async function pollFeed(deps: StoreSideDeps, feedId: string): Promise<Result<FeedOutcome>> {
  const feed = await deps.cancellations.findFeed(feedId);
  if (!feed?.amazonFeedId || feed.state !== 'submitted') return ok('gone');
  const amazon = await deps.amazonFor(feed.connectionId);
  const status = await amazon.getFeed(feed.amazonFeedId);
  if (!status.ok) return status;
  const processing = status.value.processingStatus;
  if (processing === 'IN_QUEUE' || processing === 'IN_PROGRESS') return err(stillProcessing(processing));
  const meta = (feed.report ?? {}) as FeedMeta;
  if (processing !== 'DONE') {
    await deps.cancellations.updateFeed(
      deps.db,
      feed.id,
      { state: 'fatal', processingStatus: processing },
      deps.clock.nowIso(),
    );
    // FATAL/CANCELLED: Amazon applied nothing. The document passed our XSD check, so sending it again
    // would fail the same way: the orders go to needs-attention instead.
    const cancellations = await deps.cancellations.forFeed(feed.id);
    const message = `Amazon could not process feed ${feed.amazonFeedId} (${processing})`;
    await deps.cancellations.setState(
      deps.db,
      cancellations.map((c) => c.id),
      'failed',
      { error: message },
      deps.clock.nowIso(),
    );
    for (const c of cancellations)
      await deps.orderStore.recordFailure(c.orderId, { code: 'cancellation_feed_fatal', message }, deps.clock.nowIso());
    return ok('fatal');
  }
  const report = await amazon.getFeedReport(feed.amazonFeedId);
  if (!report.ok) return report;
  if (feed.feedType === 'JSON_LISTINGS_FEED') await applyStockReport(deps, feed, meta, report.value);
  else await applyCancellationReport(deps, feed, meta, report.value);
  await deps.cancellations.updateFeed(
    deps.db,
    feed.id,
    { state: 'done', processingStatus: processing, report: { ...meta, report: report.value } },
    deps.clock.nowIso(),
  );
  return ok('applied');
}
