import { err, ok, type Result } from '../../lib/result.js';
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
import { CatalogIndex } from './woocommerce-catalog.index.js';
import { pollEvents } from './woocommerce-events.poller.js';
import { WooOrderCreator } from './woocommerce-order.creator.js';
import { findProductByRef, findProducts, searchProducts } from './woocommerce-product.finder.js';
import { unlinkedRefError } from './woocommerce-product.mapper.js';
import { adjustStock, readStock } from './woocommerce-stock.js';
import { WooClient } from './woocommerce.client.js';
import { wooSecretsSchema, wooSettingsSchema, type WooSecrets, type WooSettings } from './woocommerce.settings.js';
import type { WooNote, WooOrder } from './woocommerce.types.js';
import { parseWooWebhook } from './woocommerce.webhook.js';

/** The WooCommerce REST API v3 connector (README.md in this folder explains the choices). */
export class WooCommerceConnector implements StoreConnector {
  static readonly id = 'woocommerce';
  readonly platform = WooCommerceConnector.id;
  private readonly client: WooClient;
  private readonly settings: WooSettings;
  private readonly secrets: WooSecrets;
  private readonly catalog: CatalogIndex;
  private readonly creator: WooOrderCreator;

  constructor(
    config: StoreConfig,
    private readonly deps: StoreConnectorDeps,
  ) {
    this.settings = wooSettingsSchema.parse(config.settings);
    this.secrets = wooSecretsSchema.parse(config.secrets);
    this.client = new WooClient({
      baseUrl: config.baseUrl,
      consumerKey: this.secrets.consumerKey,
      consumerSecret: this.secrets.consumerSecret,
      timeoutMs: deps.timeoutMs,
      ...(deps.agents && { agents: deps.agents }),
    });
    const nowMs = (): number => Date.parse(deps.now());
    this.catalog = new CatalogIndex(this.client, nowMs);
    this.creator = new WooOrderCreator(this.client, {
      orderStatus: this.settings.orderStatus,
      shippingMethodId: this.settings.shippingMethodId ?? 'flat_rate',
      nowMs,
    });
  }

  /** The site index names the store; one authenticated list call proves the key works. */
  async test(): Promise<Result<{ storeName: string }>> {
    const auth = await this.client.get<WooOrder[]>('/wc/v3/orders', { per_page: 1 });
    if (!auth.ok) return auth;
    const site = await this.client.get<{ name?: unknown }>('/');
    const name = site.ok && typeof site.value.data.name === 'string' ? site.value.data.name : '';
    return ok({ storeName: name || 'WooCommerce' });
  }

  findProducts(attribute: string, values: readonly string[]): Promise<Result<Map<string, StoreProduct>>> {
    return findProducts(this.client, this.catalog, attribute, values);
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
    return ok(res.value ? { ref: String(res.value.id), number: res.value.number || String(res.value.id) } : null);
  }

  createOrder(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    // A line linked to something that is no product id must fail, never become a fee line.
    const bad = unlinkedRefError(draft.items);
    if (bad) return Promise.resolve(err(bad));
    return this.creator.create(draft);
  }

  /** PUT status cancelled (WooCommerce restores stock) unless already cancelled; the note once. */
  async cancelOrder(order: StoreOrderRef, note: string): Promise<Result<void>> {
    const current = await this.client.get<WooOrder>(`/wc/v3/orders/${order.ref}`);
    if (!current.ok) return current;
    if (current.value.data.status !== 'cancelled') {
      const put = await this.client.put(`/wc/v3/orders/${order.ref}`, { status: 'cancelled' });
      if (!put.ok) return put;
    }
    if (note.trim() === '') return ok(undefined);
    const notes = await this.client.get<WooNote[]>(`/wc/v3/orders/${order.ref}/notes`);
    if (!notes.ok) return notes;
    if (notes.value.data.some((n) => n.note === note)) return ok(undefined);
    return this.addOrderNote(order, note);
  }

  async addOrderNote(order: StoreOrderRef, note: string): Promise<Result<void>> {
    const res = await this.client.post(`/wc/v3/orders/${order.ref}/notes`, { note, customer_note: false });
    return res.ok ? ok(undefined) : res;
  }

  readStock(productRefs: readonly string[]): Promise<Result<Map<string, number>>> {
    return readStock(this.client, productRefs);
  }

  async adjustStock(productRef: string, delta: number, key: string): Promise<Result<number>> {
    const res = await adjustStock(this.client, productRef, delta, key);
    if (res.ok) this.catalog.invalidate();
    return res;
  }

  pollEvents(cursor: string | null): Promise<Result<StoreEventPage>> {
    return pollEvents(this.client, cursor, Date.parse(this.deps.now()));
  }

  parseWebhook(webhook: IncomingWebhook): Result<StoreEvent[]> {
    return parseWooWebhook(webhook, this.secrets.webhookSecret ?? this.settings.webhookSecret);
  }
}
