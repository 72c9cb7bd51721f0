import { AppError } from '../../lib/errors.js';
import { feedControlView, type FeedControlView } from './feeds-control.routes.js';
import type { FeedStore, FeedTiming } from './feeds-store.js';
import type { SandboxListing } from './listings-store.js';
import type { AmazonSandbox } from './sandbox-state.js';

/** The bodies of AmazonSandbox's feed and listing methods (kept here so sandbox-state.ts stays small). */

export interface ListingQuantityInput {
  sku: string;
  quantity: number;
  marketplaceId?: string;
  sellerId?: string;
}

export function listFeedViews(sandbox: AmazonSandbox, sellerId?: string): FeedControlView[] {
  return sandbox.feeds
    .list()
    .filter((f) => sellerId === undefined || f.sellerId === sellerId)
    .sort((a, b) => b.createdMs - a.createdMs || Number(b.feedId) - Number(a.feedId))
    .map((f) => feedControlView(sandbox, f));
}

export function processFeedsNow(sandbox: AmazonSandbox, feedId?: string): FeedControlView[] {
  const feeds = sandbox.feeds.list().filter((f) => feedId === undefined || f.feedId === feedId);
  if (feedId !== undefined && feeds.length === 0) {
    throw new AppError('feed_not_found', `No feed ${feedId} in the sandbox.`, { kind: 'not_found' });
  }
  for (const f of feeds) sandbox.feeds.refresh(f, true);
  return feeds.map((f) => feedControlView(sandbox, f));
}

export function setFeedTiming(feeds: FeedStore, timing: Partial<FeedTiming>): FeedTiming {
  try {
    return feeds.setTiming(timing);
  } catch (error) {
    throw new AppError('invalid_feed_timing', error instanceof Error ? error.message : String(error), {
      kind: 'invalid',
    });
  }
}

export function setListingQuantity(
  sandbox: AmazonSandbox,
  sellerId: string,
  sellerMarkets: readonly string[],
  input: ListingQuantityInput,
): SandboxListing[] {
  const markets = input.marketplaceId === undefined ? sellerMarkets : [input.marketplaceId];
  return markets.map((mp) => ({
    ...sandbox.listings.upsertQuantity(sellerId, mp, input.sku, input.quantity, sandbox.nowIso()),
  }));
}
