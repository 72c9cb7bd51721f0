import { z } from 'zod';
import { AppError, toAppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { DEFAULT_PRODUCT_TYPE, quantityPatch } from './feeds/listings-quantity-feed.js';
import { malformedResponse } from './sp-api-response.js';
import type { SpApiTransport } from './sp-api-transport.js';

export {
  buildListingsQuantityFeed,
  JSON_FEED_CONTENT_TYPE,
  JSON_LISTINGS_FEED_TYPE,
  type ListingQuantity,
  type ListingsQuantityFeed,
  type ListingsQuantityFeedInput,
} from './feeds/listings-quantity-feed.js';

const issueSchema = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  attributeNames: z.array(z.string()).optional(),
});
const submissionSchema = z.object({
  sku: z.string(),
  status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
  submissionId: z.string(),
  issues: z.array(issueSchema).optional(),
});
export type ListingSubmission = z.infer<typeof submissionSchema>;
const itemSchema = z.object({
  sku: z.string(),
  summaries: z.array(z.object({ marketplaceId: z.string(), productType: z.string() })).optional(),
  fulfillmentAvailability: z
    .array(z.object({ fulfillmentChannelCode: z.string(), quantity: z.number().int().optional() }))
    .optional(),
});
export type ListingsItem = z.infer<typeof itemSchema>;

export interface ListingsClientOptions {
  /** The marketplace the listings live in (patchListingsItem takes one). */
  marketplaceId: string;
  /** Default: the transport's seller. */
  sellerId?: string;
  /** Ask getListingsItem for the product type before the first patch of a SKU (default true; README §10.1). */
  lookUpProductType?: boolean;
}

/**
 * Listings Items API 2021-08-01: the seller-fulfilled (DEFAULT channel) quantity of one SKU at a
 * time. For many SKUs at once use a JSON_LISTINGS_FEED (`buildListingsQuantityFeed` + AmazonFeedsClient).
 */
export class AmazonListingsClient {
  private readonly productTypes = new Map<string, string>();

  constructor(
    private readonly transport: SpApiTransport,
    private readonly options: ListingsClientOptions,
  ) {}

  private path(sku: string): string {
    const seller = encodeURIComponent(this.options.sellerId ?? this.transport.sellerId);
    return `/listings/2021-08-01/items/${seller}/${encodeURIComponent(sku)}`;
  }

  async getListingsItem(sku: string, includedData: readonly string[] = ['summaries']): Promise<Result<ListingsItem>> {
    try {
      const res = await this.transport.axios.get(this.path(sku), {
        params: { marketplaceIds: this.options.marketplaceId, includedData: includedData.join(',') },
      });
      return parse('getListingsItem', itemSchema, res.data);
    } catch (error) {
      return err(toAppError(error));
    }
  }

  /** The listing's product type (from summaries, cached per SKU); PRODUCT when Amazon shows none. */
  async productTypeOf(sku: string): Promise<Result<string>> {
    const cached = this.productTypes.get(sku);
    if (cached !== undefined) return ok(cached);
    const item = await this.getListingsItem(sku, ['summaries']);
    if (!item.ok) return item;
    const type = item.value.summaries?.find((s) => s.marketplaceId === this.options.marketplaceId)?.productType;
    const productType = type ?? DEFAULT_PRODUCT_TYPE;
    this.productTypes.set(sku, productType);
    return ok(productType);
  }

  /**
   * Sets the DEFAULT-channel quantity (`merge` on fulfillment_availability keeps lead time and restock
   * date). ACCEPTED → ok; INVALID → `amazon_listing_rejected` with Amazon's issues.
   */
  async patchListingQuantity(
    sku: string,
    quantity: number,
    o: { productType?: string } = {},
  ): Promise<Result<ListingSubmission>> {
    if (!Number.isInteger(quantity) || quantity < 0) {
      return err(
        new AppError('listing_quantity_invalid', `quantity must be an integer ≥ 0 (got ${quantity})`, {
          kind: 'invalid',
        }),
      );
    }
    let productType = o.productType;
    if (productType === undefined) {
      if (this.options.lookUpProductType === false) productType = DEFAULT_PRODUCT_TYPE;
      else {
        const looked = await this.productTypeOf(sku);
        if (!looked.ok) return looked;
        productType = looked.value;
      }
    }
    let submission: Result<ListingSubmission>;
    try {
      const res = await this.transport.axios.patch(
        this.path(sku),
        { productType, patches: [quantityPatch(quantity)] },
        { params: { marketplaceIds: this.options.marketplaceId, includedData: 'issues' } },
      );
      submission = parse('patchListingsItem', submissionSchema, res.data);
    } catch (error) {
      return err(toAppError(error));
    }
    if (!submission.ok || submission.value.status !== 'INVALID') return submission;
    const issues = submission.value.issues ?? [];
    const summary = issues.map((i) => `${i.code}: ${i.message}`).join('; ') || 'no issues given';
    return err(
      new AppError('amazon_listing_rejected', `Amazon rejected the quantity of SKU ${sku}: ${summary}`, {
        kind: 'invalid',
        retryable: false,
        details: { sku, submissionId: submission.value.submissionId, issues },
      }),
    );
  }
}

function parse<S extends z.ZodType>(operation: string, schema: S, data: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const where = parsed.error.issues[0]?.path.join('.') || '(body)';
  return err(malformedResponse({ operation, requestId: null }, `a body of the wrong shape (at ${where})`));
}
