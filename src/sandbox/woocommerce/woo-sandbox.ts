import { systemClock, type Clock } from '../../lib/clock.js';
import { OrderStore } from './order-store.js';
import { addSystemNote, setStatus } from './order-lifecycle.js';
import { orderView } from './order-view.js';
import { ProductStore } from './product-store.js';
import { productView } from './product-view.js';
import { addTracking, trackingItems } from './shipment-tracking.js';
import { DEFAULT_TAX_RATES, TaxTable, type WooTaxRate } from './tax-table.js';
import { WebhookDispatcher, type WebhookInput } from './webhook-dispatcher.js';
import { defaultCatalog, type WooProductSeed } from './woo-catalog.js';
import { IdSequences, type WooContext } from './woo-context.js';
import { WooHttpError, invalidOrderId } from './woo-errors.js';
import { WooFaultInjector, type WooFaultConfig } from './woo-faults.js';
import { toSeconds } from './woo-format.js';
import type { TrackingItem } from './woo-model.js';
import { WooStats, type WooStatsSnapshot } from './woo-stats.js';

export const SANDBOX_CONSUMER_KEY = 'ck_orderbridge_sandbox_0000000000000000000000';
export const SANDBOX_CONSUMER_SECRET = 'cs_orderbridge_sandbox_0000000000000000000000';

export interface WooSandboxOptions {
  port?: number;
  host?: string;
  seed?: number;
  consumerKey?: string;
  consumerSecret?: string;
  /** Replaces the default catalogue (woo-catalog.ts). */
  products?: WooProductSeed[];
  /** Replaces the default tax table (tax-table.ts). */
  taxRates?: WooTaxRate[];
  faults?: WooFaultConfig;
  clock?: Clock;
  siteName?: string;
  currency?: string;
  decimals?: number;
  utcOffsetMinutes?: number;
}

export interface ShipOrderInput {
  orderId: number;
  /** A provider name from the extension's list ("DHL", "Royal Mail", "USPS"…). */
  provider?: string;
  /** A carrier not in the list; wins over `provider`. */
  customProvider?: string;
  customLink?: string;
  trackingNumber: string;
  /** YYYY-MM-DD; default today. */
  dateShipped?: string;
  /** Set status completed (default true). */
  complete?: boolean;
}

export interface StockView {
  sku: string;
  productId: number;
  variationId: number;
  manageStock: boolean;
  stockQuantity: number | null;
}

/** The sandbox's state and its control operations (the /_sandbox routes call these). */
export class WooSandbox {
  readonly ctx: WooContext;
  readonly taxes: TaxTable;
  readonly faults: WooFaultInjector;
  readonly stats = new WooStats();
  readonly products: ProductStore;
  readonly orders: OrderStore;
  readonly webhooks: WebhookDispatcher;
  readonly consumerKey: string;
  readonly consumerSecret: string;

  constructor(private readonly options: WooSandboxOptions = {}) {
    const clock = options.clock ?? systemClock;
    this.ctx = {
      settings: {
        siteName: options.siteName ?? 'OrderBridge Woo Sandbox',
        siteUrl: 'http://127.0.0.1',
        decimals: options.decimals ?? 2,
        currency: options.currency ?? 'EUR',
        utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
      },
      clock,
      ids: new IdSequences(),
      nowMs: () => toSeconds(clock.now().getTime()),
    };
    this.consumerKey = options.consumerKey ?? SANDBOX_CONSUMER_KEY;
    this.consumerSecret = options.consumerSecret ?? SANDBOX_CONSUMER_SECRET;
    this.taxes = new TaxTable(options.taxRates ?? DEFAULT_TAX_RATES);
    this.faults = new WooFaultInjector(options.seed ?? 1);
    if (options.faults) this.faults.configure(options.faults);
    this.products = new ProductStore(this.ctx);
    this.webhooks = new WebhookDispatcher(this.ctx, (resource, id) => this.payload(resource, id));
    const env = { ctx: this.ctx, products: this.products };
    this.orders = new OrderStore(env, this.taxes, (order, event) => {
      if (event === 'created') this.stats.orderCreated();
      this.webhooks.notify('order', event, order.id);
    });
    this.products.seed(options.products ?? defaultCatalog(options.seed ?? 1));
  }

  listOrders(): Record<string, unknown>[] {
    return this.orders
      .all()
      .sort((a, b) => a.id - b.id)
      .map((o) => this.getOrder(o.id));
  }

  /** Orders grouped by the (string) value of one order meta key; orders without it are left out. */
  ordersByMeta(key: string): Map<string, Record<string, unknown>[]> {
    const grouped = new Map<string, Record<string, unknown>[]>();
    for (const order of this.listOrders()) {
      const meta = order.meta_data as Array<{ key: string; value: unknown }>;
      const value = meta.find((m) => m.key === key)?.value;
      if (typeof value === 'string') grouped.set(value, [...(grouped.get(value) ?? []), order]);
    }
    return grouped;
  }

  /** The REST view plus the tracking items and note texts. */
  getOrder(id: number): Record<string, unknown> {
    const order = this.orders.get(id);
    return { ...orderView(this.ctx, order), tracking: trackingItems(order), notes: order.notes.map((n) => n.note) };
  }

  shipOrder(input: ShipOrderInput): TrackingItem {
    const order = this.orders.get(input.orderId);
    const item = addTracking(this.ctx, order, {
      tracking_number: input.trackingNumber,
      tracking_provider: input.provider ?? '',
      custom_tracking_provider: input.customProvider ?? '',
      custom_tracking_link: input.customLink ?? '',
      date_shipped: input.dateShipped ?? '',
    });
    if (input.complete !== false) setStatus(this.env(), order, 'completed');
    this.orders.touch(order);
    return item;
  }

  cancelOrder(id: number, note?: string): void {
    const order = this.orders.get(id);
    setStatus(this.env(), order, 'cancelled');
    if (note) addSystemNote(this.env(), order, note);
    this.orders.touch(order);
  }

  setStock(sku: string, quantity: number): StockView {
    const p = this.products.bySku(sku);
    if (!p) throw new WooHttpError(404, 'woocommerce_rest_product_invalid_id', `No product with SKU "${sku}".`);
    this.products.update(p, { manage_stock: true, stock_quantity: quantity });
    this.webhooks.notify('product', 'updated', p.parentId || p.id);
    return this.getStock(sku);
  }

  getStock(sku: string): StockView {
    const p = this.products.bySku(sku);
    if (!p) throw new WooHttpError(404, 'woocommerce_rest_product_invalid_id', `No product with SKU "${sku}".`);
    const variation = p.type === 'variation';
    return {
      sku,
      productId: variation ? p.parentId : p.id,
      variationId: variation ? p.id : 0,
      manageStock: p.manageStock,
      stockQuantity: p.manageStock ? p.stockQuantity : null,
    };
  }

  addWebhook(input: WebhookInput): Record<string, unknown> {
    return this.webhooks.view(this.webhooks.add(input));
  }

  setFaults(config: WooFaultConfig): void {
    this.faults.configure(config);
  }

  statsSnapshot(): WooStatsSnapshot {
    return this.stats.snapshot(this.webhooks.delivered, this.webhooks.failed);
  }

  /** Back to the seeded state: catalogue, no orders, no webhooks, no faults, zero stats. */
  reset(): void {
    this.orders.clear();
    this.products.clear();
    this.webhooks.clear();
    this.ctx.ids = new IdSequences();
    this.products.seed(this.options.products ?? defaultCatalog(this.options.seed ?? 1));
    this.faults.configure(this.options.faults ?? {});
    this.stats.reset();
  }

  private env(): { ctx: WooContext; products: ProductStore } {
    return { ctx: this.ctx, products: this.products };
  }

  private payload(resource: string, id: number): unknown {
    try {
      if (resource === 'order') return orderView(this.ctx, this.orders.get(id));
      const p = this.products.get(id);
      return p ? productView(this.ctx, p) : null;
    } catch (error) {
      if (error instanceof WooHttpError && error.code === invalidOrderId().code) return null;
      throw error;
    }
  }
}
