import { processAcknowledgementFeed } from './feeds-acknowledgement.js';
import { processListingsFeed } from './feeds-listings.js';
import type { FeedOutcome, FeedRecord } from './feeds-store.js';
import type { AmazonSandbox } from './sandbox-state.js';

export const ORDER_ACKNOWLEDGEMENT_FEED = 'POST_ORDER_ACKNOWLEDGEMENT_DATA';
export const JSON_LISTINGS_FEED = 'JSON_LISTINGS_FEED';

/** Inventory feeds Amazon retired on 2025-07-31: they end FATAL (reference README §1.4). */
const RETIRED_FEEDS = [
  'POST_INVENTORY_AVAILABILITY_DATA',
  'POST_FLAT_FILE_INVLOADER_DATA',
  'POST_PRODUCT_DATA',
  'POST_PRODUCT_PRICING_DATA',
  'POST_FLAT_FILE_LISTINGS_DATA',
];

const fatal = (reason: string): FeedOutcome => ({ status: 'FATAL', report: null, fatalReason: reason });

/** Runs a feed once it leaves IN_PROGRESS (called by FeedStore). */
export function processFeed(sandbox: AmazonSandbox, feed: FeedRecord): FeedOutcome {
  const outcome = run(sandbox, feed);
  sandbox.record.feedProcessed(outcome.status);
  return outcome;
}

function run(sandbox: AmazonSandbox, feed: FeedRecord): FeedOutcome {
  const input = sandbox.feeds.documents.get(feed.inputFeedDocumentId);
  if (!input?.content) return fatal(`Nothing was uploaded to feed document ${feed.inputFeedDocumentId}.`);
  const text = input.content.toString('utf8');
  if (feed.feedType === ORDER_ACKNOWLEDGEMENT_FEED) return processAcknowledgementFeed(sandbox, feed, text);
  if (feed.feedType === JSON_LISTINGS_FEED) return processListingsFeed(sandbox, feed, text);
  if (RETIRED_FEEDS.includes(feed.feedType)) return fatal(`${feed.feedType} was retired on 2025-07-31.`);
  return fatal(`The sandbox does not simulate ${feed.feedType}.`);
}
