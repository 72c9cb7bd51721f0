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
import { adjustStock, findProductByRef, findProducts, readStock, searchProducts } from './vendure-catalog.js';
import { pollEvents } from './vendure-events.poller.js';
import { STALE_DRAFT_MS, VendureOrderCreator } from './vendure-order.creator.js';
import { adminApiUrlOf, unwrap, VendureClient } from './vendure.client.js';
import type { ErrorResultShape } from './vendure.errors.js';
import { Q } from './vendure.queries.js';
import {
  vendureSecretsSchema,
  vendureSettingsSchema,
  type VendureSecrets,
  type VendureSettings,
} from './vendure.settings.js';
import type { VendureOrder } from './vendure.types.js';
import { parseVendureWebhook } from './vendure.webhook.js';

/** Vendure Admin API connector; needs the OrderBridge Vendure plugin (packages/vendure-plugin). */
export class VendureConnector implements StoreConnector {
  static readonly id = 'vendure';
  readonly platform = VendureConnector.id;
  private readonly client: VendureClient;
  private readonly settings: VendureSettings;
  private readonly secrets: VendureSecrets;
  private readonly creator: VendureOrderCreator;

  constructor(
    config: StoreConfig,
    private readonly deps: StoreConnectorDeps,
  ) {
    this.settings = vendureSettingsSchema.parse(config.settings);
    this.secrets = vendureSecretsSchema.parse(config.secrets);
    this.client = new VendureClient({
      adminApiUrl: adminApiUrlOf(config.baseUrl),
      channelToken: this.settings.channelToken,
      username: this.secrets.username,
      password: this.secrets.password,
      apiKey: this.secrets.apiKey,
      timeoutMs: deps.timeoutMs,
      ...(deps.agents && { agents: deps.agents }),
    });
    this.creator = new VendureOrderCreator(this.client, {
      shippingMethodCode: this.settings.shippingMethodCode,
      paymentMethodCode: this.settings.paymentMethodCode ?? 'orderbridge',
      nowMs: () => Date.parse(deps.now()),
      staleDraftMs: STALE_DRAFT_MS,
    });
  }

  async test(): Promise<Result<{ storeName: string }>> {
    const res = await this.client.request<{ activeChannel: { code: string } }>('activeChannel', Q.test);
    return res.ok ? ok({ storeName: `Vendure (${res.value.activeChannel.code})` }) : res;
  }

  findProducts(attribute: string, values: readonly string[]): Promise<Result<Map<string, StoreProduct>>> {
    return findProducts(this.client, attribute, values);
  }

  findProductByRef(ref: string): Promise<Result<StoreProduct | null>> {
    return findProductByRef(this.client, ref);
  }

  searchProducts(query: string, limit: number): Promise<Result<StoreProduct[]>> {
    return searchProducts(this.client, query, limit);
  }

  async findOrder(orderId: string): Promise<Result<StoreOrderRef | null>> {
    const res = await this.creator.find(orderId);
    if (!res.ok) return res;
    return ok(res.value ? { ref: res.value.id, number: res.value.code } : null);
  }

  createOrder(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    return this.creator.create(draft);
  }

  /** Drafts are deleted, placed orders cancelled (all lines, shipping too); Cancelled is fine. */
  async cancelOrder(order: StoreOrderRef, note: string): Promise<Result<void>> {
    const current = await this.client.request<{ order: VendureOrder | null }>('order', Q.order, { id: order.ref });
    if (!current.ok) return current;
    const state = current.value.order?.state;
    if (state === undefined || state === 'Cancelled') return ok(undefined);
    if (state === 'Draft') {
      const del = await this.client.request('deleteDraftOrder', Q.deleteDraft, { id: order.ref });
      return del.ok ? ok(undefined) : del;
    }
    const input = { orderId: order.ref, cancelShipping: true, reason: note.slice(0, 1000) || 'Cancelled on Amazon' };
    const res = await this.client.request<{ cancelOrder: ErrorResultShape }>('cancelOrder', Q.cancel, { input });
    if (!res.ok) return res;
    const done = unwrap(res.value.cancelOrder, ['Order'], 'cancelOrder');
    if (!done.ok) return done;
    return note.trim() === '' ? ok(undefined) : this.addOrderNote(order, note);
  }

  async addOrderNote(order: StoreOrderRef, note: string): Promise<Result<void>> {
    const input = { id: order.ref, note, isPublic: false };
    const res = await this.client.request('addNoteToOrder', Q.addNote, { input });
    return res.ok ? ok(undefined) : res;
  }

  readStock(productRefs: readonly string[]): Promise<Result<Map<string, number>>> {
    return readStock(this.client, productRefs);
  }

  adjustStock(productRef: string, delta: number, key: string): Promise<Result<number>> {
    return adjustStock(this.client, productRef, delta, key);
  }

  pollEvents(cursor: string | null): Promise<Result<StoreEventPage>> {
    return pollEvents(this.client, cursor, Date.parse(this.deps.now()));
  }

  parseWebhook(webhook: IncomingWebhook): Result<StoreEvent[]> {
    const secret = this.secrets.webhookSecret ?? this.settings.webhookSecret;
    return parseVendureWebhook(webhook, secret, this.deps.now());
  }
}
