import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  cancelFeedOperation,
  createFeedDocumentOperation,
  createFeedOperation,
  getFeedDocumentOperation,
  getFeedOperation,
  getFeedsOperation,
} from './feeds.routes.js';
import { matchPath } from './http-kit.js';
import { getListingsItemOperation, patchListingsItemOperation } from './listings.routes.js';
import { runSpOperation, type SpEnv, type SpOperation } from './sp-api-pipeline.js';
import { handleUpload, UPLOAD_PATH_PREFIX } from './uploads.routes.js';

const FEEDS = '/feeds/2021-06-30';
const LISTING = '/listings/2021-08-01/items/{sellerId}/{sku}';

/** Feeds 2021-06-30, Listings Items 2021-08-01 and the presigned uploads; false = not one of these. */
export async function routeFeedsAndListings(
  env: SpEnv,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const { sandbox } = env;
  const path = url.pathname;
  if (path.startsWith(UPLOAD_PATH_PREFIX)) {
    await handleUpload(sandbox, req, res, url);
    return true;
  }
  const operation = pick(env, req, url, path);
  if (!operation) return false;
  await runSpOperation(env, req, res, operation);
  return true;
}

function pick(env: SpEnv, req: IncomingMessage, url: URL, path: string): SpOperation | null {
  const { sandbox } = env;
  const m = req.method ?? 'GET';
  const q = url.searchParams;
  if (path === `${FEEDS}/documents` && m === 'POST') return createFeedDocumentOperation(sandbox, req);
  if (path === `${FEEDS}/feeds` && m === 'POST') return createFeedOperation(sandbox, req);
  if (path === `${FEEDS}/feeds` && m === 'GET') return getFeedsOperation(sandbox, q);
  const feed = matchPath(`${FEEDS}/feeds/{feedId}`, path);
  if (feed?.feedId !== undefined && m === 'GET') return getFeedOperation(sandbox, feed.feedId);
  if (feed?.feedId !== undefined && m === 'DELETE') return cancelFeedOperation(sandbox, feed.feedId);
  const doc = matchPath(`${FEEDS}/documents/{id}`, path);
  if (doc?.id !== undefined && m === 'GET') return getFeedDocumentOperation(sandbox, doc.id, req);
  const item = matchPath(LISTING, path);
  if (item?.sellerId !== undefined && item.sku !== undefined) {
    const target = { sellerId: item.sellerId, sku: item.sku };
    if (m === 'PATCH') return patchListingsItemOperation(sandbox, target, q, req);
    if (m === 'GET') return getListingsItemOperation(sandbox, target, q);
  }
  return null;
}
