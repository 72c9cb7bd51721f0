import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type {
  HubPort,
  StoreConfig,
  StoreConnector,
  StoreConnectorDeps,
  StoreEventPage,
  StoreOrderDraft,
  StoreOrderRef,
  StoreProduct,
} from '../store-connector.js';
import type { HubApiSettings } from './hub-api.settings.js';

/** Webhook topics OrderBridge sends to hub-api stores (docs/hub-api.md). */
export const HUB_TOPICS = {
  ping: 'ping',
  orderCreated: 'order.created',
  orderCancelled: 'order.cancelled',
  orderNote: 'order.note',
  stockAdjust: 'stock.adjust',
} as const;

/**
 * The hub-api "store" is OrderBridge's own REST API: the store pulls new orders, acknowledges them
 * and posts shipments, cancellations and stock (src/http/routes/hub.routes.ts). Writes towards the
 * store therefore become signed webhooks queued through the hub port; reads come from what the store
 * posted. Products are not looked up: every value is taken as the store's own product ref.
 */
export class HubApiConnector implements StoreConnector {
  static readonly id = 'hub-api';
  readonly platform = HubApiConnector.id;

  constructor(
    private readonly config: StoreConfig,
    private readonly deps: StoreConnectorDeps,
    private readonly settings: HubApiSettings,
  ) {}

  private hub(): Result<HubPort> {
    if (this.deps.hub) return ok(this.deps.hub);
    return err(
      new AppError('hub_port_missing', 'The hub-api connector needs OrderBridge’s hub port (StoreConnectorDeps.hub)', {
        kind: 'internal',
        retryable: false,
      }),
    );
  }

  private async send(topic: string, data: unknown): Promise<Result<void>> {
    const hub = this.hub();
    if (!hub.ok) return hub;
    await hub.value.sendWebhook(this.config.id, topic, data);
    return ok(undefined);
  }

  async test(): Promise<Result<{ storeName: string }>> {
    const hub = this.hub();
    if (!hub.ok) return hub;
    if (this.settings.webhookUrl) {
      const sent = await this.send(HUB_TOPICS.ping, { storeId: this.config.id, storeName: this.config.name });
      if (!sent.ok) return sent;
    }
    return ok({ storeName: this.config.name });
  }

  /** Every value is a product of the store whose ref is the value itself (the store resolves its catalogue). */
  async findProducts(attribute: string, values: readonly string[]): Promise<Result<Map<string, StoreProduct>>> {
    const hub = this.hub();
    if (!hub.ok) return hub;
    const unique = [...new Set(values)];
    const stock = await hub.value.postedStock(this.config.id, unique);
    const found = new Map<string, StoreProduct>();
    for (const value of unique) {
      found.set(value, {
        ref: value,
        sku: attribute === 'sku' ? value : null,
        name: value,
        available: stock.get(value) ?? null,
      });
    }
    return ok(found);
  }

  /** No catalogue to read: the ref is taken as the store's own (SKU links are accepted unchecked). */
  readonly hasCatalog = false;

  async findProductByRef(ref: string): Promise<Result<StoreProduct | null>> {
    const found = await this.findProducts('ref', [ref]);
    return found.ok ? ok(found.value.get(ref) ?? null) : found;
  }

  /** Nothing to search: the store never tells OrderBridge its catalogue. */
  searchProducts(): Promise<Result<StoreProduct[]>> {
    return Promise.resolve(ok([]));
  }

  /** The store acknowledges orders itself; OrderBridge never asks. */
  findOrder(): Promise<Result<StoreOrderRef | null>> {
    return Promise.resolve(ok(null));
  }

  /** Offers the order: it waits in `GET /api/hub/stores/:storeId/orders?state=new` until acknowledged. */
  async createOrder(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    const sent = await this.send(HUB_TOPICS.orderCreated, draft);
    if (!sent.ok) return sent;
    return ok({ ref: draft.orderId, number: '', acknowledged: false });
  }

  cancelOrder(order: StoreOrderRef, note: string): Promise<Result<void>> {
    return this.send(HUB_TOPICS.orderCancelled, { storeOrderRef: order.ref, storeOrderNumber: order.number, note });
  }

  addOrderNote(order: StoreOrderRef, note: string): Promise<Result<void>> {
    return this.send(HUB_TOPICS.orderNote, { storeOrderRef: order.ref, storeOrderNumber: order.number, note });
  }

  async readStock(productRefs: readonly string[]): Promise<Result<Map<string, number>>> {
    const hub = this.hub();
    if (!hub.ok) return hub;
    return ok(await hub.value.postedStock(this.config.id, productRefs));
  }

  /** Asks the store to change its stock; the store applies each `key` once. Returns the expected quantity. */
  async adjustStock(productRef: string, delta: number, key: string): Promise<Result<number>> {
    const hub = this.hub();
    if (!hub.ok) return hub;
    await hub.value.sendWebhook(this.config.id, HUB_TOPICS.stockAdjust, { productRef, delta, key });
    const posted = (await hub.value.postedStock(this.config.id, [productRef])).get(productRef);
    return ok(posted === undefined ? delta : posted + delta);
  }

  /** Nothing to poll: the store posts its shipments, cancellations and stock. */
  pollEvents(cursor: string | null): Promise<Result<StoreEventPage>> {
    return Promise.resolve(ok({ events: [], cursor }));
  }
}
