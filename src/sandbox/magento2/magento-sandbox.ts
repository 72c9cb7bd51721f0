import { systemClock, type Clock } from '../../lib/clock.js';
import { CartStore } from './cart-store.js';
import { defaultMagentoCatalog, type MagentoProductSeed } from './catalog.js';
import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  SANDBOX_MAGENTO_CONSUMER_KEY,
  SANDBOX_MAGENTO_CONSUMER_SECRET,
  SANDBOX_MAGENTO_STORE_ID,
} from './constants.js';
import { Inventory } from './inventory.js';
import { MagentoAuthenticator } from './magento-auth.js';
import { MagentoClock } from './magento-clock.js';
import { MagentoHttpError } from './magento-errors.js';
import { MagentoFaults, type MagentoFaultConfig } from './magento-faults.js';
import { MagentoStats, type MagentoSandboxStats } from './magento-stats.js';
import { cancelOrder, invoiceOrder, shipOrder, type OrderActionEnv } from './order-actions.js';
import { OrderStore } from './order-store.js';
import { orderView, type MagentoOrderView } from './order-view.js';
import { ProductAttributes } from './product-attributes.js';
import { ProductStore } from './product-store.js';
import { ShipmentStore, shipmentView, type MagentoShipmentView } from './shipment-store.js';

export interface MagentoSandboxOptions {
  port?: number;
  host?: string;
  /** Seeds the fault draws (default 12). */
  seed?: number;
  /** Base currency of the default store (default EUR). */
  currency?: string;
  /** Default: defaultMagentoCatalog() — the Amazon sandbox catalogue SKUs. */
  products?: MagentoProductSeed[];
  /** Default true; false → an integration token as Bearer is refused (401), OAuth 1.0a works. */
  integrationAsBearer?: boolean;
  /** webapi/validation/maximum_page_size (default 300). */
  maxPageSize?: number;
  faults?: MagentoFaultConfig;
  clock?: Clock;
}

export interface ShipOrderInput {
  orderId: number;
  trackNumber: string;
  carrierCode: string;
  title: string;
  /** Omitted = everything left to ship. */
  items?: { orderItemId: number; qty: number }[];
  sourceCode?: string;
}

/** The Magento store's state and the merchant's actions on it (the /_sandbox routes call these). */
export class MagentoSandbox {
  readonly clock: MagentoClock;
  readonly stats = new MagentoStats();
  readonly faults: MagentoFaults;
  readonly attributes = new ProductAttributes();
  readonly inventory = new Inventory();
  readonly products: ProductStore;
  readonly orders: OrderStore;
  readonly shipments: ShipmentStore;
  readonly carts = new CartStore();
  readonly auth: MagentoAuthenticator;
  readonly currency: string;
  readonly maxPageSize: number;
  readonly stockId = 1;
  /** Set by the server once it listens (store configs' base URLs). */
  baseUrl = 'http://127.0.0.1';
  integrationAsBearer: boolean;
  aclResources: Set<string> | null = null;
  private invoiceCount = 0;
  private creditMemoCount = 0;

  constructor(private readonly options: MagentoSandboxOptions = {}) {
    this.clock = new MagentoClock(options.clock ?? systemClock);
    this.currency = options.currency ?? 'EUR';
    this.maxPageSize = options.maxPageSize ?? 300;
    this.integrationAsBearer = options.integrationAsBearer ?? true;
    this.faults = new MagentoFaults(options.seed ?? 12);
    if (options.faults) this.faults.configure(options.faults);
    this.products = new ProductStore(this.clock, this.attributes, this.inventory);
    this.orders = new OrderStore(this.clock, SANDBOX_MAGENTO_STORE_ID);
    this.shipments = new ShipmentStore(this.clock);
    this.auth = new MagentoAuthenticator(
      {
        consumerKey: SANDBOX_MAGENTO_CONSUMER_KEY,
        consumerSecret: SANDBOX_MAGENTO_CONSUMER_SECRET,
        accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN,
        accessTokenSecret: SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
      },
      () => this.clock.nowMs(),
    );
    this.inventory.onChange = (sku) => {
      const product = this.products.bySku(sku);
      if (product) this.products.touch(product);
    };
    this.products.seed(options.products ?? defaultMagentoCatalog());
  }

  actionEnv(): OrderActionEnv {
    return {
      orders: this.orders,
      shipments: this.shipments,
      inventory: this.inventory,
      stockId: this.stockId,
      nextInvoiceId: () => ++this.invoiceCount,
      nextCreditMemoId: () => ++this.creditMemoCount,
    };
  }

  listOrders(): MagentoOrderView[] {
    return this.orders.all().map(orderView);
  }

  getOrder(entityId: number): MagentoOrderView | null {
    const order = this.orders.get(entityId);
    return order ? orderView(order) : null;
  }

  /** Every order whose ext_order_id is this Amazon order id (a duplicate shows as two). */
  ordersByExtOrderId(amazonOrderId: string): MagentoOrderView[] {
    return this.orders
      .all()
      .filter((o) => o.entity.ext_order_id === amazonOrderId)
      .map(orderView);
  }

  /** The merchant ships in the admin: same logic as POST /V1/order/{id}/ship. */
  shipOrder(input: ShipOrderInput): MagentoShipmentView {
    const order = this.orders.require(input.orderId);
    const shipment = shipOrder(this.actionEnv(), order, {
      ...(input.items ? { items: input.items.map((i) => ({ order_item_id: i.orderItemId, qty: i.qty })) } : {}),
      tracks: [{ track_number: input.trackNumber, carrier_code: input.carrierCode, title: input.title }],
      ...(input.sourceCode ? { sourceCode: input.sourceCode } : {}),
    });
    this.stats.count('shipmentsCreated');
    return shipmentView(shipment);
  }

  /** The merchant cancels in the admin: same logic as POST /V1/orders/{id}/cancel; throws when Magento would answer false. */
  cancelOrder(orderId: number): MagentoOrderView {
    const order = this.orders.require(orderId);
    if (!cancelOrder(this.actionEnv(), order))
      throw new MagentoHttpError(400, 'The order #%1 cannot be canceled.', [String(order.entity.increment_id)]);
    this.stats.count('ordersCanceled');
    return orderView(order);
  }

  /** The merchant invoices in the admin: same logic as POST /V1/order/{id}/invoice. */
  invoiceOrder(orderId: number, capture = true): MagentoOrderView {
    const order = this.orders.require(orderId);
    invoiceOrder(this.actionEnv(), order, { capture });
    this.stats.count('invoicesCreated');
    return orderView(order);
  }

  setStock(sku: string, quantity: number, sourceCode = 'default'): void {
    this.products.requireSku(sku);
    this.inventory.set(sku, sourceCode, quantity);
  }

  getStock(sku: string, sourceCode = 'default'): number {
    return this.inventory.quantity(sku, sourceCode);
  }

  salableQuantity(sku: string, stockId = this.stockId): number {
    return this.inventory.salable(sku, stockId);
  }

  productBySku(sku: string): { id: number; sku: string; typeId: string } | null {
    const p = this.products.bySku(sku);
    return p ? { id: p.id, sku: p.sku, typeId: p.typeId } : null;
  }

  /** A product's custom attribute value (e.g. the connector's `orderbridge_stock_log`), or null. */
  customAttribute(sku: string, code: string): string | null {
    return this.products.bySku(sku)?.custom.get(code) ?? null;
  }

  listShipments(): MagentoShipmentView[] {
    return this.shipments.all().map(shipmentView);
  }

  setFaults(f: MagentoFaultConfig): void {
    this.faults.configure(f);
  }

  /** null = every ACL resource allowed (an integration with "All" resources). */
  setAclResources(resources: string[] | null): void {
    this.aclResources = resources === null ? null : new Set(resources);
  }

  setIntegrationAsBearer(on: boolean): void {
    this.integrationAsBearer = on;
  }

  statsSnapshot(): MagentoSandboxStats {
    return this.stats.snapshot();
  }

  /** Back to the seeded state: catalogue, stock, no orders, shipments or carts, no faults, zero stats. */
  reset(): void {
    this.orders.clear();
    this.shipments.clear();
    this.carts.clear();
    this.products.clear();
    this.inventory.clear();
    this.attributes.reset();
    this.invoiceCount = 0;
    this.creditMemoCount = 0;
    this.products.seed(this.options.products ?? defaultMagentoCatalog());
    this.faults.configure(this.options.faults ?? {});
    this.aclResources = null;
    this.integrationAsBearer = this.options.integrationAsBearer ?? true;
    this.stats.reset();
  }
}
