import { ok, type Result } from '../../lib/result.js';
import type {
  StoreConfig,
  StoreConnector,
  StoreConnectorDeps,
  StoreEventPage,
  StoreOrderDraft,
  StoreOrderRef,
  StoreProduct,
} from '../store-connector.js';
import { createViaCart } from './magento2-cart.creator.js';
import { findProductByRef, findProducts, searchProducts, type CatalogContext } from './magento2-catalog.js';
import { MagentoClient, type MagentoAuth, type MagentoTransport } from './magento2.client.js';
import { MagentoContext } from './magento2.context.js';
import { pollEvents } from './magento2-events.poller.js';
import { addOrderNote, cancelOrder } from './magento2-order.actions.js';
import { createDirect } from './magento2-order.creator.js';
import { orderByOrderBridgeId, toRef } from './magento2-order.lookup.js';
import {
  magento2SecretsSchema,
  magento2SettingsSchema,
  normaliseMagentoUrl,
  resolveSettings,
  type Magento2Secrets,
} from './magento2.settings.js';
import { adjustStock, readStock } from './magento2-stock.js';

export function authOf(secrets: Magento2Secrets): MagentoAuth {
  const { consumerKey, consumerSecret, accessToken, accessTokenSecret } = secrets;
  if (consumerKey && consumerSecret && accessToken && accessTokenSecret) {
    return { kind: 'oauth', credentials: { consumerKey, consumerSecret, accessToken, accessTokenSecret } };
  }
  return { kind: 'bearer', token: accessToken ?? '' };
}

/** Magento 2 / Adobe Commerce admin REST connector (README.md in this folder explains the choices). */
export class Magento2Connector implements StoreConnector {
  static readonly id = 'magento2';
  readonly platform = Magento2Connector.id;
  private readonly ctx: MagentoContext;
  private readonly catalog: CatalogContext;

  constructor(config: StoreConfig, deps: StoreConnectorDeps, options: { transport?: MagentoTransport } = {}) {
    const settings = resolveSettings(magento2SettingsSchema.parse(config.settings ?? {}));
    const secrets = magento2SecretsSchema.parse(config.secrets);
    const baseUrl = normaliseMagentoUrl(config.baseUrl);
    const nowMs = (): number => Date.parse(deps.now());
    const client = new MagentoClient({
      baseUrl,
      storeCode: settings.storeCode,
      auth: authOf(secrets),
      timeoutMs: deps.timeoutMs,
      agents: deps.agents,
      nowMs,
      transport: options.transport,
    });
    this.ctx = new MagentoContext(client, settings, nowMs, baseUrl);
    this.catalog = { client, stockId: settings.stockId };
  }

  /** The store view (name, currency) and one order search: the integration may read sales. */
  async test(): Promise<Result<{ storeName: string }>> {
    const store = await this.ctx.store();
    if (!store.ok) return store;
    const orders = await this.ctx.client.request('ordersSearch', {
      query: [
        ['searchCriteria[pageSize]', '1'],
        ['searchCriteria[currentPage]', '1'],
      ],
    });
    if (!orders.ok) return orders;
    const s = store.value;
    return ok({ storeName: `${s.base_url ?? s.code} (Magento, ${s.code}, ${s.base_currency_code ?? '?'})` });
  }

  findProducts(attribute: string, values: readonly string[]): Promise<Result<Map<string, StoreProduct>>> {
    return findProducts(this.catalog, attribute, values);
  }

  findProductByRef(ref: string): Promise<Result<StoreProduct | null>> {
    return findProductByRef(this.catalog, ref);
  }

  searchProducts(query: string, limit: number): Promise<Result<StoreProduct[]>> {
    return searchProducts(this.catalog, query, limit);
  }

  async findOrder(orderId: string): Promise<Result<StoreOrderRef | null>> {
    const res = await orderByOrderBridgeId(this.ctx, orderId);
    return res.ok ? ok(res.value ? toRef(res.value) : null) : res;
  }

  createOrder(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    return this.ctx.settings.orderCreation === 'cart' ? createViaCart(this.ctx, draft) : createDirect(this.ctx, draft);
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

  pollEvents(cursor: string | null): Promise<Result<StoreEventPage>> {
    return pollEvents(this.ctx, cursor);
  }
}
