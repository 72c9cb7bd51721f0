/**
 * The one interface every store platform implements (PRODUCT.md §9). The sync use cases in
 * src/sync/ talk to stores only through it; a platform is one folder under src/stores/ and one line
 * in registry.ts. Every method returns a Result: expected failures (store down, bad credentials,
 * validation) are values with a stable AppError code; `retryable` tells the job runner what to do.
 */
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { Result } from '../lib/result.js';

/** A store product (or variant) as far as OrderBridge needs it. */
export interface StoreProduct {
  /** The store's own id, stable: what order lines and stock calls refer to. */
  ref: string;
  sku: string | null;
  name: string;
  /** Sellable quantity right now; null when the store does not track stock for it. */
  available: number | null;
}

export interface StoreAddress {
  name: string;
  firstName: string;
  lastName: string;
  company: string | null;
  line1: string;
  line2: string | null;
  line3: string | null;
  city: string;
  district: string | null;
  stateOrRegion: string | null;
  postalCode: string | null;
  countryCode: string;
  phone: string | null;
}

/** One product line of the order; money is decimal strings in the order's currency. */
export interface StoreOrderItem {
  /** Amazon's orderItemId: stored on the store line so shipments can name Amazon's items. */
  orderItemId: string;
  /** Store product; null = an unlinked line (unknown-SKU policy "import with unlinked line"). */
  productRef: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  unitNet: string;
  unitGross: string;
  lineNet: string;
  lineTax: string;
  lineGross: string;
  /** Percent as a decimal string ("19"), null when Amazon gave no tax. */
  taxRate: string | null;
}

/** A non-product line: shipping, gift wrap, discount, COD fee, the reconciliation adjustment. */
export interface StoreOrderCharge {
  kind: 'shipping' | 'gift_wrap' | 'discount' | 'cod_fee' | 'adjustment' | 'other';
  /** Amazon's orderItemId of the item the charge belongs to (a promotion, its shipping); null/absent = the order. */
  orderItemId?: string | null;
  title: string;
  net: string;
  tax: string;
  gross: string;
  taxRate: string | null;
}

/** Everything a connector needs to create the store order; built by src/sync/store-order-draft.ts. */
export interface StoreOrderDraft {
  /** OrderBridge's order id: the external reference that makes createOrder idempotent. */
  orderId: string;
  amazonOrderId: string;
  marketplaceId: string;
  currency: string;
  /** Amazon's purchase date (UTC ISO). */
  createdTime: string;
  /** true when the amounts below are gross (Tax is included in Prices), as configured. */
  pricesIncludeTax: boolean;
  customer: { email: string; name: string; phone: string | null; company: string | null; vatId: string | null };
  shippingAddress: StoreAddress;
  billingAddress: StoreAddress;
  /** Default Order Shipping method, or Amazon's service level when that option is empty. */
  shippingMethod: string;
  items: StoreOrderItem[];
  charges: StoreOrderCharge[];
  totals: { net: string; tax: string; gross: string };
  /** Amazon's flags (Prime, business, gift message, IBA, …), written as order notes. */
  notes: string[];
  /**
   * false for FBA orders when "FBA orders lower store stock" is off: Amazon ships from its own
   * warehouse, so the store order must not take the store's stock. Absent = true.
   */
  lowerStock?: boolean;
  /**
   * true for FBA (AFN) orders: Amazon ships them, so the store gets the order as already fulfilled
   * (WooCommerce `completed`) and must not ship it. Absent = false.
   */
  fulfilledByAmazon?: boolean;
}

export interface StoreOrderRef {
  /** The store's id of the order (for API calls). */
  ref: string;
  /** The order number the merchant sees ('' until a hub-api store acknowledges the order). */
  number: string;
  /** false when the store still has to pick the order up and acknowledge it (hub-api). Absent = true. */
  acknowledged?: boolean;
}

/** A shipped quantity of one Amazon item; `sku` when the store could not name the Amazon item. */
export interface StoreShipmentItem {
  orderItemId: string | null;
  sku: string | null;
  quantity: number;
}

/** Something that happened in the store and must reach Amazon. */
export type StoreEvent =
  | {
      kind: 'shipment';
      /** Unique per store shipment (stable across polls): the de-duplication key. */
      storeRef: string;
      /** OrderBridge's order id (the external reference on the store order). */
      orderId: string;
      carrier: string | null;
      carrierName: string | null;
      shippingMethod: string | null;
      trackingNumber: string | null;
      shipDate: string;
      /** null = every unshipped item of the order. */
      items: StoreShipmentItem[] | null;
    }
  | {
      kind: 'cancellation';
      storeRef: string;
      orderId: string;
      /** null = every open line of the order. */
      items: StoreShipmentItem[] | null;
      occurredAt: string;
    }
  | {
      kind: 'stock';
      productRef: string;
      sku: string | null;
      available: number;
      occurredAt: string;
    };

export interface StoreEventPage {
  events: StoreEvent[];
  /** Opaque; passed back on the next poll. Saved only after the events are stored. */
  cursor: string | null;
}

/** A request that reached OrderBridge's store webhook endpoint. */
export interface IncomingWebhook {
  headers: Record<string, string | undefined>;
  rawBody: string;
  receivedAt: string;
}

export interface StoreConnector {
  readonly platform: string;
  /** One cheap authenticated call; a clear error per failure. */
  test(): Promise<Result<{ storeName: string }>>;
  /** Products whose identification attribute equals one of `values`; the map key is the value. */
  findProducts(attribute: string, values: readonly string[]): Promise<Result<Map<string, StoreProduct>>>;
  /** The product whose own id (ref) is `ref`; null when the store has no such product. */
  findProductByRef(ref: string): Promise<Result<StoreProduct | null>>;
  /** Up to `limit` products whose name or SKU contains `query` (the product search when linking a SKU). */
  searchProducts(query: string, limit: number): Promise<Result<StoreProduct[]>>;
  /**
   * false when OrderBridge cannot read the store's catalogue (hub-api: the store resolves its own
   * products), so SKU links are taken as given, unchecked. Absent = true.
   */
  readonly hasCatalog?: boolean;
  /** The store order that carries `orderId` as external reference, if one exists. */
  findOrder(orderId: string): Promise<Result<StoreOrderRef | null>>;
  /** Creates the order unless findOrder already finds it (idempotent across crashes). */
  createOrder(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>>;
  /** Cancels the store order (Amazon cancelled it); cancelling a cancelled order is not an error. */
  cancelOrder(order: StoreOrderRef, note: string): Promise<Result<void>>;
  /** Adds a note to the store order (e.g. "buyer asked to cancel"). */
  addOrderNote(order: StoreOrderRef, note: string): Promise<Result<void>>;
  /** Sellable quantity per product ref (refs the store does not know are left out). */
  readStock(productRefs: readonly string[]): Promise<Result<Map<string, number>>>;
  /**
   * Changes stock by `delta` (Stock only level, reservations). `key` identifies the adjustment:
   * applying the same key twice changes stock once. Returns the new quantity.
   */
  adjustStock(productRef: string, delta: number, key: string): Promise<Result<number>>;
  /** Shipments, cancellations and stock changes since `cursor` (null = since the store was added). */
  pollEvents(cursor: string | null): Promise<Result<StoreEventPage>>;
  /**
   * Verifies and parses a webhook the store sent; absent when the platform has none. May be async
   * when the payload alone does not name OrderBridge's order (Shopify's fulfillments/*).
   */
  parseWebhook?(webhook: IncomingWebhook): Result<StoreEvent[]> | Promise<Result<StoreEvent[]>>;
}

/** The store row a connector is built from (secrets already opened). */
export interface StoreConfig {
  id: string;
  accountId: string;
  platform: string;
  name: string;
  baseUrl: string;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** One platform: its id, how to validate its settings/secrets, and how to build a connector. */
export interface StorePlatform {
  id: string;
  title: string;
  /** Throws a ZodError-like error with a clear message when settings/secrets are invalid. */
  parseSettings(settings: unknown): Record<string, unknown>;
  parseSecrets(secrets: unknown): Record<string, string>;
  /**
   * The store's canonical base URL (e.g. a pasted API URL cut back to the shop), applied before the
   * store is saved or tested, so one shop has one identity (src/domain/store-identity.ts). Absent = as given.
   */
  normaliseBaseUrl?(baseUrl: string): string;
  create(config: StoreConfig, deps: StoreConnectorDeps): StoreConnector;
}

export interface StoreConnectorDeps {
  /** Current time as UTC ISO (src/lib/clock.ts); connectors never read the wall clock directly. */
  now(): string;
  /** Per-request timeout in ms. */
  timeoutMs: number;
  /** OrderBridge's side of the hub-api platform (the store pulls from us); other platforms ignore it. */
  hub?: HubPort;
  /**
   * HTTP agents every request to the store must use (src/net/guarded-agent.ts: only public
   * addresses); absent when the installation allows private store addresses.
   */
  agents?: StoreHttpAgents;
  /**
   * OrderBridge's public webhook endpoint of this store (`<publicUrl>/api/stores/<storeId>/webhook`):
   * platforms that subscribe webhooks through their API (Shopify) register it. Absent = none.
   */
  webhookUrl?: string;
}

/** The http and https agents of a store's requests. */
export interface StoreHttpAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

/** What the hub-api connector needs from OrderBridge: its "store" is OrderBridge's own REST API. */
export interface HubPort {
  /** Queues a signed webhook to the store's endpoint (retried until delivered). */
  sendWebhook(storeId: string, topic: string, data: unknown): Promise<void>;
  /** Stock levels the store last posted, per product ref. */
  postedStock(storeId: string, productRefs: readonly string[]): Promise<Map<string, number>>;
}
