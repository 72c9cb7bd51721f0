import type { Result } from '../lib/result.js';

/** What the write-back needs from Amazon; src/app/amazon-ports.ts provides it over SP-API. */
export interface ConfirmShipmentInput {
  amazonOrderId: string;
  marketplaceId: string;
  packageReferenceId: string;
  carrierCode: string;
  carrierName: string | null;
  shippingMethod: string | null;
  trackingNumber: string;
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

export interface FeedStatus {
  processingStatus: 'CANCELLED' | 'DONE' | 'FATAL' | 'IN_PROGRESS' | 'IN_QUEUE';
  resultFeedDocumentId: string | null;
}

/** One message of a processing report: which of our messages failed and why. */
export interface ReportResult {
  messageId: number;
  code: 'Error' | 'Warning';
  description: string;
}

export interface ProcessingReportSummary {
  processed: number;
  successful: number;
  withError: number;
  results: ReportResult[];
}

export interface AmazonWriteBackPort {
  confirmShipment(input: ConfirmShipmentInput): Promise<Result<void>>;
  submitFeed(feedType: string, content: string, contentType: string): Promise<Result<string>>;
  getFeed(feedId: string): Promise<Result<FeedStatus>>;
  getFeedReport(feedId: string): Promise<Result<ProcessingReportSummary>>;
  patchListingQuantity(sku: string, quantity: number): Promise<Result<void>>;
  /** A JSON_LISTINGS_FEED document setting these quantities; messageIds maps message id → SKU. */
  buildListingsFeed(
    sellerId: string,
    quantities: ReadonlyMap<string, number>,
  ): Result<{ content: string; contentType: string; messageIds: Record<string, string> }>;
}
