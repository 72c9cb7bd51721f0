import { ok, type Result } from '../../lib/result.js';
import type {
  IncomingWebhook,
  StoreConfig,
  StoreConnector,
  StoreConnectorDeps,
  StoreEvent,
  StoreEventPage,
  StoreOrderDraft,
  StoreOrderRef,
  StoreProduct,
} from '../store-connector.js';
import { TokenSource } from './shopify-auth.js';
import { findProductByRef, findProducts, readStock, searchProducts } from './shopify-catalog.js';
import { ShopifyClient } from './shopify.client.js';
import { ShopifyContext } from './shopify.context.js';
import { pollEvents } from './shopify-events.poller.js';
import { addOrderNote, cancelOrder } from './shopify-order.actions.js';
import { ShopifyOrderCreator } from './shopify-order.creator.js';
import {
  normaliseShopUrl,
  shopifySecretsSchema,
  shopifySettingsSchema,
  type ShopifySecrets,
} from './shopify.settings.js';
import { adjustStock } from './shopify-stock.js';
import { parseShopifyWebhook } from './shopify.webhook.js';
import { ensureWebhookSubscriptions } from './shopify-webhooks.subscriber.js';

/** Shopify Admin GraphQL API connector (README.md in this folder explains the choices). */
export class ShopifyConnector implements StoreConnector {
  static readonly id = 'shopify';
  readonly platform = ShopifyConnector.id;
  private readonly ctx: ShopifyContext;
  private readonly secrets: ShopifySecrets;
  private readonly creator: ShopifyOrderCreator;
  private readonly baseUrl: string;

  constructor(
    config: StoreConfig,
    private readonly deps: StoreConnectorDeps,
    options: { maxThrottleWaitMs?: number } = {},
  ) {
    const settings = shopifySettingsSchema.parse(config.settings);
    this.secrets = shopifySecretsSchema.parse(config.secrets);
    this.baseUrl = normaliseShopUrl(config.baseUrl);
    const nowMs = (): number => Date.parse(deps.now());
    const tokens = new TokenSource({
      baseUrl: this.baseUrl,
      accessToken: this.secrets.accessToken,
      clientId: this.secrets.clientId,
      clientSecret: this.secrets.clientSecret,
      timeoutMs: deps.timeoutMs,
      agents: deps.agents,
      nowMs,
    });
    const client = new ShopifyClient({
      baseUrl: this.baseUrl,
      tokens,
      timeoutMs: deps.timeoutMs,
      agents: deps.agents,
      ...(options.maxThrottleWaitMs !== undefined && { maxThrottleWaitMs: options.maxThrottleWaitMs }),
    });
    this.ctx = new ShopifyContext(client, settings, () => deps.now());
    this.creator = new ShopifyOrderCreator(this.ctx, this.baseUrl);
  }

  async test(): Promise<Result<{ storeName: string }>> {
    const res = await this.ctx.client.request<{ shop: { name: string; currencyCode: string } }>('shop');
    if (!res.ok) return res;
    const location = await this.ctx.locationId();
    if (!location.ok) return location;
    return ok({ storeName: `${res.value.shop.name} (Shopify, ${res.value.shop.currencyCode})` });
  }

  findProducts(attribute: string, values: readonly string[]): Promise<Result<Map<string, StoreProduct>>> {
    return findProducts(this.ctx, attribute, values);
  }

  findProductByRef(ref: string): Promise<Result<StoreProduct | null>> {
    return findProductByRef(this.ctx, ref);
  }

  searchProducts(query: string, limit: number): Promise<Result<StoreProduct[]>> {
    return searchProducts(this.ctx, query, limit);
  }

  /** By the unique `orderbridge.order_id` metafield every created order carries. */
  findOrder(orderId: string): Promise<Result<StoreOrderRef | null>> {
    return this.creator.findByOrderId(orderId);
  }

  createOrder(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    return this.creator.create(draft);
  }

  cancelOrder(order: StoreOrderRef, note: string): Promise<Result<void>> {
    return cancelOrder(this.ctx, order, note);
  }

  addOrderNote(order: StoreOrderRef, note: string): Promise<Result<void>> {
    return addOrderNote(this.ctx, order, note);
  }

  readStock(productRefs: readonly string[]): Promise<Result<Map<string, number>>> {
    return readStock(this.ctx, productRefs);
  }

  adjustStock(productRef: string, delta: number, key: string): Promise<Result<number>> {
    return adjustStock(this.ctx, productRef, delta, key);
  }

  /** Subscribes the webhooks first (once; a failure only delays them), then the reconciliation poll. */
  async pollEvents(cursor: string | null): Promise<Result<StoreEventPage>> {
    if (this.deps.webhookUrl) await ensureWebhookSubscriptions(this.ctx, this.baseUrl, this.deps.webhookUrl);
    return pollEvents(this.ctx, cursor, Date.parse(this.deps.now()));
  }

  parseWebhook(webhook: IncomingWebhook): Promise<Result<StoreEvent[]>> {
    const secrets = [this.secrets.webhookSecret ?? this.ctx.settings.webhookSecret, this.secrets.clientSecret];
    return parseShopifyWebhook(
      this.ctx,
      webhook,
      secrets.filter((s): s is string => typeof s === 'string'),
    );
  }
}
