import { z } from 'zod';
import type { Clock } from '../lib/clock.js';
import { AppError, toAppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { downloadFeedDocument, uploadFeedDocument, type TransferOptions } from './feeds/feed-document-transfer.js';
import { parseListingsProcessingReport, type ListingsProcessingReport } from './feeds/listings-processing-report.js';
import { parseProcessingReport, type ProcessingReport } from './feeds/processing-report.js';
import { malformedResponse } from './sp-api-response.js';
import type { SpApiTransport } from './sp-api-transport.js';

const FEEDS = '/feeds/2021-06-30';

export interface SubmitFeedInput {
  feedType: string;
  marketplaceIds: readonly string[];
  content: string | Uint8Array;
  /** Sent to createFeedDocument and, byte for byte, as the upload's Content-Type. */
  contentType: string;
  feedOptions?: Record<string, string>;
}

const feedSchema = z.object({
  feedId: z.string(),
  feedType: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  createdTime: z.string(),
  processingStatus: z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']),
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  resultFeedDocumentId: z.string().optional(),
});
export type FeedInfo = z.infer<typeof feedSchema>;
export type FeedProcessingStatus = FeedInfo['processingStatus'];

const documentSchema = z.object({ feedDocumentId: z.string(), url: z.string() });
const feedDocumentSchema = documentSchema.extend({ compressionAlgorithm: z.string().optional() });
const createFeedSchema = z.object({ feedId: z.string() });

/** XML ProcessingReport (order feeds) or the JSON report of JSON_LISTINGS_FEED. */
export type FeedReport =
  { format: 'xml'; report: ProcessingReport } | { format: 'json'; report: ListingsProcessingReport };

export const isFeedFinished = (status: FeedProcessingStatus): boolean =>
  status === 'DONE' || status === 'FATAL' || status === 'CANCELLED';

/**
 * Feeds API 2021-06-30 over our transport (buckets, LWA, retries), plus the presigned-URL transfers
 * over plain HTTP. Every method returns a Result.
 */
export class AmazonFeedsClient {
  constructor(
    private readonly transport: SpApiTransport,
    private readonly transfer: TransferOptions = {},
  ) {}

  /** createFeedDocument → upload → createFeed; returns the feedId (and the input document's id). */
  async submitFeed(input: SubmitFeedInput): Promise<Result<{ feedId: string; feedDocumentId: string }>> {
    const doc = await this.createFeedDocument(input.contentType);
    if (!doc.ok) return doc;
    const uploaded = await uploadFeedDocument(doc.value.url, input.content, input.contentType, this.transfer);
    if (!uploaded.ok) return uploaded;
    const feed = await this.createFeed({
      feedType: input.feedType,
      marketplaceIds: input.marketplaceIds,
      inputFeedDocumentId: doc.value.feedDocumentId,
      ...(input.feedOptions && { feedOptions: input.feedOptions }),
    });
    return feed.ok ? ok({ feedId: feed.value, feedDocumentId: doc.value.feedDocumentId }) : feed;
  }

  createFeedDocument(contentType: string): Promise<Result<z.infer<typeof documentSchema>>> {
    return this.call('createFeedDocument', documentSchema, () =>
      this.transport.axios.post(`${FEEDS}/documents`, { contentType }),
    );
  }

  /** The presigned PUT (exposed for callers that create the document themselves). */
  uploadFeedDocument(url: string, content: string | Uint8Array, contentType: string): Promise<Result<void>> {
    return uploadFeedDocument(url, content, contentType, this.transfer);
  }

  async createFeed(spec: {
    feedType: string;
    marketplaceIds: readonly string[];
    inputFeedDocumentId: string;
    feedOptions?: Record<string, string>;
  }): Promise<Result<string>> {
    const body = { ...spec, marketplaceIds: [...spec.marketplaceIds] };
    const r = await this.call('createFeed', createFeedSchema, () => this.transport.axios.post(`${FEEDS}/feeds`, body));
    return r.ok ? ok(r.value.feedId) : r;
  }

  getFeed(feedId: string): Promise<Result<FeedInfo>> {
    return this.call('getFeed', feedSchema, () =>
      this.transport.axios.get(`${FEEDS}/feeds/${encodeURIComponent(feedId)}`),
    );
  }

  /** Only IN_QUEUE feeds can be cancelled (Amazon answers 400 otherwise). */
  async cancelFeed(feedId: string): Promise<Result<void>> {
    try {
      await this.transport.axios.delete(`${FEEDS}/feeds/${encodeURIComponent(feedId)}`);
      return ok(undefined);
    } catch (error) {
      return err(toAppError(error));
    }
  }

  /** Polls getFeed until DONE / FATAL / CANCELLED (or `timeoutMs`, → `feed_still_processing`). */
  async waitForFeed(
    feedId: string,
    clock: Clock,
    o: { pollMs?: number; timeoutMs?: number } = {},
  ): Promise<Result<FeedInfo>> {
    const deadline = clock.now().getTime() + (o.timeoutMs ?? 30 * 60_000);
    for (;;) {
      const feed = await this.getFeed(feedId);
      if (!feed.ok || isFeedFinished(feed.value.processingStatus)) return feed;
      if (clock.now().getTime() >= deadline) return err(stillProcessing(feed.value));
      await clock.sleep(o.pollMs ?? 30_000);
    }
  }

  /** getFeedDocument + download (+ gunzip); the bytes of any feed document of this seller. */
  async downloadDocument(feedDocumentId: string): Promise<Result<Buffer>> {
    const doc = await this.call('getFeedDocument', feedDocumentSchema, () =>
      this.transport.axios.get(`${FEEDS}/documents/${encodeURIComponent(feedDocumentId)}`),
    );
    if (!doc.ok) return doc;
    return downloadFeedDocument(doc.value.url, doc.value.compressionAlgorithm, this.transfer);
  }

  /** The parsed processing report of a finished feed (XML for order feeds, JSON for JSON_LISTINGS_FEED). */
  async getProcessingReport(feedId: string): Promise<Result<FeedReport>> {
    const feed = await this.getFeed(feedId);
    if (!feed.ok) return feed;
    const { processingStatus, resultFeedDocumentId } = feed.value;
    if (!isFeedFinished(processingStatus)) return err(stillProcessing(feed.value));
    if (resultFeedDocumentId === undefined) {
      return err(
        new AppError('feed_report_missing', `Feed ${feedId} ended ${processingStatus} without a processing report`, {
          kind: processingStatus === 'FATAL' ? 'upstream' : 'not_found',
          retryable: false,
          details: { feedId, processingStatus },
        }),
      );
    }
    const bytes = await this.downloadDocument(resultFeedDocumentId);
    if (!bytes.ok) return bytes;
    const text = bytes.value.toString('utf8').replace(/^\uFEFF/, '');
    if (text.trimStart().startsWith('{')) {
      const r = parseListingsProcessingReport(text);
      return r.ok ? ok({ format: 'json', report: r.value }) : r;
    }
    const r = parseProcessingReport(text);
    return r.ok ? ok({ format: 'xml', report: r.value }) : r;
  }

  private async call<S extends z.ZodType>(
    operation: string,
    schema: S,
    send: () => Promise<{ data: unknown }>,
  ): Promise<Result<z.infer<S>>> {
    try {
      const parsed = schema.safeParse((await send()).data);
      if (parsed.success) return ok(parsed.data);
      const where = parsed.error.issues[0]?.path.join('.') || '(body)';
      return err(malformedResponse({ operation, requestId: null }, `a body of the wrong shape (at ${where})`));
    } catch (error) {
      return err(toAppError(error));
    }
  }
}

function stillProcessing(feed: FeedInfo): AppError {
  return new AppError('feed_still_processing', `Feed ${feed.feedId} is still ${feed.processingStatus}`, {
    kind: 'conflict',
    retryable: true,
    details: { feedId: feed.feedId, processingStatus: feed.processingStatus },
  });
}
