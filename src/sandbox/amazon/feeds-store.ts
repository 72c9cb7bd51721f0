import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isoSeconds } from './iso-time.js';
import type { SandboxClock } from './sandbox-clock.js';

export type FeedStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';

/** A feed document: an upload target (input) or a processing report (result). */
export interface FeedDocumentRecord {
  feedDocumentId: string;
  sellerId: string;
  role: 'input' | 'result';
  contentType: string;
  content: Buffer | null;
  compressionAlgorithm?: 'GZIP';
  createdMs: number;
}

export interface FeedSummary {
  messagesProcessed: number;
  messagesSuccessful: number;
  messagesWithError: number;
  messagesWithWarning: number;
}

export interface FeedRecord {
  feedId: string;
  sellerId: string;
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
  feedOptions?: Record<string, string>;
  status: FeedStatus;
  createdMs: number;
  /** performance.now() at creation: feeds also progress in real time (README "Feeds"). */
  createdRealMs: number;
  processingStartMs?: number;
  processingEndMs?: number;
  resultFeedDocumentId?: string;
  summary?: FeedSummary;
  /** One line on why a feed ended FATAL. */
  fatalReason?: string;
}

/** What processing a feed produced. */
export interface FeedOutcome {
  status: 'DONE' | 'FATAL';
  report: { contentType: string; body: Buffer; gzip: boolean } | null;
  summary?: FeedSummary;
  fatalReason?: string;
}

/**
 * Timing (real milliseconds; the same span of sandbox clock counts too): IN_QUEUE until `queueMs`,
 * IN_PROGRESS until `processingMs`, then DONE/FATAL. `processingMs: 0` processes inside createFeed.
 */
export interface FeedTiming {
  queueMs: number;
  processingMs: number;
}

export const DEFAULT_FEED_TIMING: FeedTiming = { queueMs: 500, processingMs: 2000 };
/** Presigned URLs live 5 minutes of sandbox time (README §9.1). */
export const PRESIGNED_URL_TTL_MS = 300_000;

/** Feeds and feed documents of all sellers, with lazy + timer-driven progress. */
export class FeedStore {
  readonly documents = new Map<string, FeedDocumentRecord>();
  readonly feeds = new Map<string, FeedRecord>();
  private timing: FeedTiming = DEFAULT_FEED_TIMING;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly secret = randomBytes(16);
  private nextFeedId = 50_012_000_000;

  constructor(
    private readonly clock: SandboxClock,
    private readonly process: (feed: FeedRecord) => FeedOutcome,
  ) {}

  setTiming(timing: Partial<FeedTiming>): FeedTiming {
    const next = { ...this.timing, ...timing };
    if (!(next.queueMs >= 0) || !(next.processingMs >= next.queueMs)) {
      throw new RangeError('feed timing needs 0 ≤ queueMs ≤ processingMs');
    }
    this.timing = next;
    return { ...next };
  }

  getTiming(): FeedTiming {
    return { ...this.timing };
  }

  createDocument(sellerId: string, role: FeedDocumentRecord['role'], contentType: string): FeedDocumentRecord {
    const doc: FeedDocumentRecord = {
      feedDocumentId: `amzn1.tortuga.4.sandbox.${randomUUID()}`,
      sellerId,
      role,
      contentType,
      content: null,
      createdMs: this.clock.nowMs(),
    };
    this.documents.set(doc.feedDocumentId, doc);
    return doc;
  }

  /** The presigned URL's signature: HMAC of (document, method, issue time). */
  sign(documentId: string, method: string, issuedMs: number): string {
    return createHmac('sha256', this.secret).update(`${documentId}\n${method}\n${issuedMs}`).digest('hex');
  }

  createFeed(input: Omit<FeedRecord, 'feedId' | 'status' | 'createdMs' | 'createdRealMs'>): FeedRecord {
    const feed: FeedRecord = {
      ...input,
      feedId: String(this.nextFeedId++),
      status: 'IN_QUEUE',
      createdMs: this.clock.nowMs(),
      createdRealMs: performance.now(),
    };
    this.feeds.set(feed.feedId, feed);
    if (this.timing.processingMs === 0) this.refresh(feed, true);
    else {
      this.schedule(feed, this.timing.queueMs);
      this.schedule(feed, this.timing.processingMs);
    }
    return feed;
  }

  /** The feed with its status brought up to date. */
  get(feedId: string): FeedRecord | undefined {
    const feed = this.feeds.get(feedId);
    if (feed) this.refresh(feed, false);
    return feed;
  }

  list(): FeedRecord[] {
    return [...this.feeds.values()].map((f) => {
      this.refresh(f, false);
      return f;
    });
  }

  /** Brings every feed up to date (after advanceClock). */
  sweep(): void {
    for (const feed of this.feeds.values()) this.refresh(feed, false);
  }

  /** Moves a feed forward: by elapsed time, or to its end at once (`force`). */
  refresh(feed: FeedRecord, force: boolean): void {
    if (feed.status !== 'IN_QUEUE' && feed.status !== 'IN_PROGRESS') return;
    const now = this.clock.nowMs();
    const elapsed = Math.max(performance.now() - feed.createdRealMs, now - feed.createdMs);
    if (feed.status === 'IN_QUEUE' && (force || elapsed >= this.timing.queueMs)) {
      feed.status = 'IN_PROGRESS';
      feed.processingStartMs = now;
    }
    if (feed.status === 'IN_PROGRESS' && (force || elapsed >= this.timing.processingMs)) this.finish(feed);
  }

  cancel(feed: FeedRecord): boolean {
    this.refresh(feed, false);
    if (feed.status !== 'IN_QUEUE') return false;
    feed.status = 'CANCELLED';
    feed.processingEndMs = this.clock.nowMs();
    return true;
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.feeds.clear();
    this.documents.clear();
  }

  private finish(feed: FeedRecord): void {
    let outcome: FeedOutcome;
    try {
      outcome = this.process(feed);
    } catch (error) {
      outcome = { status: 'FATAL', report: null, fatalReason: `sandbox error: ${String(error)}` };
    }
    feed.status = outcome.status;
    feed.processingEndMs = this.clock.nowMs();
    if (outcome.summary) feed.summary = outcome.summary;
    if (outcome.fatalReason !== undefined) feed.fatalReason = outcome.fatalReason;
    if (outcome.report) {
      const doc = this.createDocument(feed.sellerId, 'result', outcome.report.contentType);
      doc.content = outcome.report.body;
      if (outcome.report.gzip) doc.compressionAlgorithm = 'GZIP';
      feed.resultFeedDocumentId = doc.feedDocumentId;
    }
  }

  private schedule(feed: FeedRecord, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.refresh(feed, false);
    }, ms + 5);
    timer.unref();
    this.timers.add(timer);
  }
}

/** Feed as the Feeds API shows it (model `Feed`). */
export function feedView(feed: FeedRecord): Record<string, unknown> {
  return {
    feedId: feed.feedId,
    feedType: feed.feedType,
    marketplaceIds: feed.marketplaceIds,
    createdTime: isoSeconds(feed.createdMs),
    processingStatus: feed.status,
    ...(feed.processingStartMs !== undefined && { processingStartTime: isoSeconds(feed.processingStartMs) }),
    ...(feed.processingEndMs !== undefined && { processingEndTime: isoSeconds(feed.processingEndMs) }),
    ...(feed.resultFeedDocumentId !== undefined && { resultFeedDocumentId: feed.resultFeedDocumentId }),
  };
}
