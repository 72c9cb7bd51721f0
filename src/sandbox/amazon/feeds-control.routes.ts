import { gunzipSync } from 'node:zlib';
import { AppError } from '../../lib/errors.js';
import type { ControlRoute } from './control.routes.js';
import { feedView, type FeedRecord, type FeedSummary } from './feeds-store.js';
import type { AmazonSandbox } from './sandbox-state.js';

/** A feed as the control API shows it: the Feeds API view plus what the sandbox knows. */
export type FeedControlView = Record<string, unknown> & {
  feedId: string;
  sellerId: string;
  processingStatus: string;
  summary: FeedSummary | null;
  fatalReason: string | null;
  /** The processing report, decompressed (XML or JSON text), or null while processing / when none. */
  report: string | null;
};

export function feedControlView(sandbox: AmazonSandbox, feed: FeedRecord): FeedControlView {
  const doc = feed.resultFeedDocumentId ? sandbox.feeds.documents.get(feed.resultFeedDocumentId) : undefined;
  const raw = doc?.content ?? null;
  const report = raw === null ? null : (doc?.compressionAlgorithm === 'GZIP' ? gunzipSync(raw) : raw).toString('utf8');
  const input = sandbox.feeds.documents.get(feed.inputFeedDocumentId);
  return {
    ...feedView(feed),
    feedId: feed.feedId,
    sellerId: feed.sellerId,
    processingStatus: feed.status,
    inputContentType: input?.contentType ?? null,
    summary: feed.summary ?? null,
    fatalReason: feed.fatalReason ?? null,
    report,
  };
}

const bad = (message: string): AppError => new AppError('invalid_request', message, { kind: 'invalid' });
const optional = (q: URLSearchParams, key: string): Record<string, string> => {
  const v = q.get(key);
  return v ? { [key]: v } : {};
};

function timing(b: Record<string, unknown>): { queueMs?: number; processingMs?: number } {
  const out: { queueMs?: number; processingMs?: number } = {};
  for (const key of ['queueMs', 'processingMs'] as const) {
    const v = b[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw bad(`${key} must be a number ≥ 0.`);
    out[key] = v;
  }
  return out;
}

/** Control routes for feeds and listings (README of this folder, "Control API"). */
export const FEED_CONTROL_ROUTES: readonly ControlRoute[] = [
  ['GET', '/_sandbox/feeds', (s, _p, _b, q) => [200, { feeds: s.listFeeds(q.get('sellerId') ?? undefined) }]],
  ['GET', '/_sandbox/feeds/timing', (s) => [200, s.feeds.getTiming()]],
  ['PUT', '/_sandbox/feeds/timing', (s, _p, b) => [200, s.setFeedTiming(timing(b))]],
  ['POST', '/_sandbox/feeds/process', (s) => [200, { feeds: s.processFeedsNow() }]],
  [
    'GET',
    '/_sandbox/feeds/{feedId}',
    (s, p) => {
      const feed = s.listFeeds().find((f) => f.feedId === p.feedId);
      if (!feed)
        throw new AppError('feed_not_found', `No feed ${p.feedId ?? ''} in the sandbox.`, { kind: 'not_found' });
      return [200, { feed }];
    },
  ],
  ['POST', '/_sandbox/feeds/{feedId}/process', (s, p) => [200, { feed: s.processFeedsNow(p.feedId ?? '')[0] }]],
  [
    'GET',
    '/_sandbox/listings',
    (s, _p, _b, q) => [
      200,
      {
        listings: s.listListings({
          ...optional(q, 'sellerId'),
          ...optional(q, 'marketplaceId'),
          ...optional(q, 'sku'),
        }),
      },
    ],
  ],
  [
    'PUT',
    '/_sandbox/listings',
    (s, _p, b) => {
      if (typeof b.sku !== 'string' || typeof b.quantity !== 'number') throw bad('sku and quantity are required.');
      const opt = (k: string): Record<string, string> => (typeof b[k] === 'string' ? { [k]: b[k] } : {});
      return [
        200,
        {
          listings: s.setListingQuantity({
            sku: b.sku,
            quantity: b.quantity,
            ...opt('marketplaceId'),
            ...opt('sellerId'),
          }),
        },
      ];
    },
  ],
];
