import type { IncomingMessage } from 'node:http';
import { feedsModelValidator } from './feeds-model-schemas.js';
import { memoBody } from './feeds-request-body.js';
import { feedView, type FeedRecord, type FeedStatus } from './feeds-store.js';
import { describeFirstError } from './model-schemas.js';
import { arrayParam, stringParam } from './query-params.js';
import type { AmazonSandbox } from './sandbox-state.js';
import { invalidInput, notFound } from './sp-api-errors.js';
import type { SpCall, SpOperation, SpReply } from './sp-api-pipeline.js';
import { presignedUrl, requestOrigin } from './uploads.routes.js';

const FEEDS_MODEL = 'models/feeds_2021-06-30.json';
const bad = (message: string): SpReply => ({ status: 400, body: invalidInput(message) });
const STATUSES: readonly FeedStatus[] = ['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE'];

function validBody(definition: string, value: unknown): string | null {
  const validate = feedsModelValidator(FEEDS_MODEL, definition);
  return validate(value) ? null : `Invalid request body: ${describeFirstError(validate.errors)}.`;
}

/** POST /feeds/2021-06-30/documents → 201 {feedDocumentId, url} (url: PUT to the sandbox's /_uploads). */
export function createFeedDocumentOperation(sandbox: AmazonSandbox, req: IncomingMessage): SpOperation {
  const read = memoBody(req, invalidInput);
  return {
    op: 'createFeedDocument',
    staticRequest: async () => {
      const b = await read();
      return b.ok ? { body: b.value } : {};
    },
    handle: async (call) => {
      const b = await read();
      if (!b.ok) return b.reply;
      const problem = validBody('CreateFeedDocumentSpecification', b.value);
      if (problem) return bad(problem);
      const { contentType } = b.value as { contentType: string };
      if (contentType.trim() === '') return bad('contentType must not be empty.');
      const doc = sandbox.feeds.createDocument(call.sellerId, 'input', contentType);
      const url = presignedUrl(sandbox, requestOrigin(req), doc, 'PUT');
      return { status: 201, body: { feedDocumentId: doc.feedDocumentId, url } };
    },
  };
}

/** POST /feeds/2021-06-30/feeds → 202 {feedId}; processing runs later (README "Feeds"). */
export function createFeedOperation(sandbox: AmazonSandbox, req: IncomingMessage): SpOperation {
  const read = memoBody(req, invalidInput);
  return {
    op: 'createFeed',
    staticRequest: async () => {
      const b = await read();
      return b.ok ? { body: b.value } : {};
    },
    handle: async (call) => {
      const b = await read();
      if (!b.ok) return b.reply;
      const problem = validBody('CreateFeedSpecification', b.value);
      if (problem) return bad(problem);
      const spec = b.value as Pick<FeedRecord, 'feedType' | 'marketplaceIds' | 'inputFeedDocumentId' | 'feedOptions'>;
      const doc = sandbox.feeds.documents.get(spec.inputFeedDocumentId);
      if (!doc || doc.sellerId !== call.sellerId || doc.role !== 'input') {
        return bad(`Unknown inputFeedDocumentId ${spec.inputFeedDocumentId}.`);
      }
      const markets = sandbox.credentials.seller(call.sellerId)?.marketplaceIds ?? [];
      const foreign = spec.marketplaceIds.find((id) => !markets.includes(id));
      if (foreign !== undefined) return bad(`Marketplace ${foreign} is not a marketplace of this seller.`);
      const feed = sandbox.feeds.createFeed({
        sellerId: call.sellerId,
        feedType: spec.feedType,
        marketplaceIds: [...spec.marketplaceIds],
        inputFeedDocumentId: spec.inputFeedDocumentId,
        ...(spec.feedOptions && { feedOptions: spec.feedOptions }),
      });
      sandbox.record.feedCreated();
      return { status: 202, body: { feedId: feed.feedId } };
    },
  };
}

function ownFeed(sandbox: AmazonSandbox, feedId: string, call: SpCall): FeedRecord | SpReply {
  const feed = sandbox.feeds.get(feedId);
  if (!feed || feed.sellerId !== call.sellerId)
    return { status: 404, body: notFound(`The feed ${feedId} was not found.`) };
  return feed;
}

/** GET /feeds/2021-06-30/feeds/{feedId} */
export function getFeedOperation(sandbox: AmazonSandbox, feedId: string): SpOperation {
  return {
    op: 'getFeed',
    staticRequest: () => Promise.resolve({ feedId }),
    handle: (call) => {
      const feed = ownFeed(sandbox, feedId, call);
      return Promise.resolve('feedId' in feed ? { status: 200, body: feedView(feed) } : feed);
    },
  };
}

/** DELETE /feeds/2021-06-30/feeds/{feedId}: only IN_QUEUE feeds (200, no body). */
export function cancelFeedOperation(sandbox: AmazonSandbox, feedId: string): SpOperation {
  return {
    op: 'cancelFeed',
    staticRequest: () => Promise.resolve({ feedId }),
    handle: (call) => {
      const feed = ownFeed(sandbox, feedId, call);
      if (!('feedId' in feed)) return Promise.resolve(feed);
      if (!sandbox.feeds.cancel(feed)) {
        return Promise.resolve(bad(`The feed ${feedId} is ${feed.status}; only IN_QUEUE feeds can be cancelled.`));
      }
      return Promise.resolve({ status: 200 });
    },
  };
}

/** GET /feeds/2021-06-30/documents/{feedDocumentId} → {feedDocumentId, url, compressionAlgorithm?} */
export function getFeedDocumentOperation(sandbox: AmazonSandbox, id: string, req: IncomingMessage): SpOperation {
  return {
    op: 'getFeedDocument',
    staticRequest: () => Promise.resolve({ feedDocumentId: id }),
    handle: (call) => {
      const doc = sandbox.feeds.documents.get(id);
      if (!doc || doc.sellerId !== call.sellerId) {
        return Promise.resolve({ status: 404, body: notFound(`The feed document ${id} was not found.`) });
      }
      const url = presignedUrl(sandbox, requestOrigin(req), doc, 'GET');
      const body = {
        feedDocumentId: id,
        url,
        ...(doc.compressionAlgorithm && { compressionAlgorithm: doc.compressionAlgorithm }),
      };
      return Promise.resolve({ status: 200, body });
    },
  };
}

/** GET /feeds/2021-06-30/feeds: feedTypes or nextToken (alone) required; newest first. */
export function getFeedsOperation(sandbox: AmazonSandbox, q: URLSearchParams): SpOperation {
  const request = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const n of ['feedTypes', 'marketplaceIds', 'processingStatuses']) {
      const v = arrayParam(q, n);
      if (v !== null) out[n] = v;
    }
    for (const n of ['createdSince', 'createdUntil', 'nextToken']) if (q.has(n)) out[n] = q.get(n);
    if (q.has('pageSize')) out.pageSize = Number(q.get('pageSize'));
    return out;
  };
  return {
    op: 'getFeeds',
    staticRequest: () => Promise.resolve(request()),
    handle: (call) => Promise.resolve(getFeeds(sandbox, q, call)),
  };
}

function getFeeds(sandbox: AmazonSandbox, q: URLSearchParams, call: SpCall): SpReply {
  const token = stringParam(q, 'nextToken');
  let params = q;
  let offset = 0;
  if (token !== null) {
    if ([...q.keys()].some((k) => k !== 'nextToken')) return bad('nextToken must be the only parameter.');
    try {
      const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { q: string; offset: number };
      params = new URLSearchParams(decoded.q);
      offset = decoded.offset;
    } catch {
      return bad('Invalid nextToken.');
    }
  }
  const types = arrayParam(params, 'feedTypes');
  if (types === null || types.length === 0) return bad('feedTypes or nextToken is required.');
  const statuses = arrayParam(params, 'processingStatuses');
  const wrong = statuses?.find((s) => !STATUSES.includes(s as FeedStatus));
  if (wrong !== undefined) return bad(`Invalid processingStatuses value ${wrong}.`);
  const size = Number(stringParam(params, 'pageSize') ?? '10');
  if (!Number.isInteger(size) || size < 1 || size > 100) return bad('pageSize must be between 1 and 100.');
  const markets = arrayParam(params, 'marketplaceIds');
  const since = Date.parse(stringParam(params, 'createdSince') ?? '') || sandbox.clock.nowMs() - 90 * 86_400_000;
  const until = Date.parse(stringParam(params, 'createdUntil') ?? '') || sandbox.clock.nowMs();
  const matches = sandbox.feeds
    .list()
    .filter((f) => f.sellerId === call.sellerId && types.includes(f.feedType))
    .filter((f) => !statuses || statuses.includes(f.status))
    .filter((f) => !markets || f.marketplaceIds.some((m) => markets.includes(m)))
    .filter((f) => f.createdMs >= since && f.createdMs <= until)
    .sort((a, b) => b.createdMs - a.createdMs || Number(b.feedId) - Number(a.feedId));
  const page = matches.slice(offset, offset + size);
  const more = matches.length > offset + size;
  const nextToken = Buffer.from(JSON.stringify({ q: params.toString(), offset: offset + size })).toString('base64url');
  return { status: 200, body: { feeds: page.map(feedView), ...(more && { nextToken }) } };
}
