import type { Clock } from '../../lib/clock.js';
import type { ShopifyProductSeed } from './catalog.js';
import { LaggedSearchIndex } from './search-index.js';
import type {
  JobRecord,
  LevelRecord,
  LocationRecord,
  MetafieldDefinitionRecord,
  OrderRecord,
  VariantRecord,
} from './shop-model.js';

/** What changed, for webhooks: order topics, or one inventory level. */
export type ShopEvent =
  | { kind: 'order'; orderId: number; topics: string[]; fulfillmentId?: number | undefined }
  | { kind: 'inventory'; inventoryItemId: number; locationId: number };

export interface ShopSettings {
  name: string;
  currency: string;
  ianaTimezone: string;
  searchIndexLagMs: number;
  devStore: boolean;
}

/** All of the shop's data; resolvers and merchant actions read and change it here. */
export class ShopState {
  readonly variants = new Map<number, VariantRecord>();
  readonly levels = new Map<string, LevelRecord>();
  readonly locations: LocationRecord[];
  readonly orders = new Map<number, OrderRecord>();
  readonly definitions: MetafieldDefinitionRecord[] = [];
  readonly jobs = new Map<string, JobRecord>();
  readonly variantIndex: LaggedSearchIndex;
  readonly orderIndex: LaggedSearchIndex;
  /** Creation times of recent orders (the dev-store limit counts a rolling minute). */
  readonly recentCreates: number[] = [];
  private nextIdValue = 1_000_001;
  private nextOrderNumber = 1001;
  private listeners: ((e: ShopEvent) => void)[] = [];

  constructor(
    readonly clock: Clock,
    readonly settings: ShopSettings,
    products: readonly ShopifyProductSeed[],
  ) {
    this.variantIndex = new LaggedSearchIndex(() => this.settings.searchIndexLagMs);
    this.orderIndex = new LaggedSearchIndex(() => this.settings.searchIndexLagMs);
    this.locations = [{ id: this.nextId(), name: 'Shop location', isPrimary: true }];
    this.seed(products);
  }

  nowMs(): number {
    return this.clock.now().getTime();
  }

  nextId(): number {
    return this.nextIdValue++;
  }

  takeOrderNumber(): number {
    return this.nextOrderNumber++;
  }

  primaryLocation(): LocationRecord {
    const loc = this.locations.find((l) => l.isPrimary) ?? this.locations[0];
    if (!loc) throw new Error('the sandbox shop has no location');
    return loc;
  }

  onEvent(listener: (e: ShopEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(event: ShopEvent): void {
    for (const l of this.listeners) l(event);
  }

  level(inventoryItemId: number, locationId: number): LevelRecord | null {
    return this.levels.get(`${inventoryItemId}:${locationId}`) ?? null;
  }

  variantByInventoryItem(inventoryItemId: number): VariantRecord | null {
    for (const v of this.variants.values()) if (v.inventoryItemId === inventoryItemId) return v;
    return null;
  }

  variantsBySku(sku: string): VariantRecord[] {
    return [...this.variants.values()].filter((v) => v.sku === sku);
  }

  /** Changes `available` (and on_hand with it), stamps the level and reports the change. */
  changeAvailable(inventoryItemId: number, locationId: number, delta: number, committedDelta = 0): LevelRecord {
    const level = this.level(inventoryItemId, locationId);
    if (!level) throw new Error(`no inventory level for item ${inventoryItemId} at ${locationId}`);
    level.available += delta;
    level.committed += committedDelta;
    level.updatedAt = this.clock.nowIso();
    const variant = this.variantByInventoryItem(inventoryItemId);
    if (variant) this.indexVariant(variant);
    if (delta !== 0) this.emit({ kind: 'inventory', inventoryItemId, locationId });
    return level;
  }

  indexVariant(v: VariantRecord, atMs = this.nowMs()): void {
    const total = this.locations.reduce((s, l) => s + (this.level(v.inventoryItemId, l.id)?.available ?? 0), 0);
    this.variantIndex.record(
      v.id,
      {
        id: v.id,
        sku: v.sku,
        barcode: v.barcode,
        title: `${v.productTitle} ${v.title}`,
        product_id: v.productId,
        inventory_quantity: total,
        updated_at: v.updatedAt,
        // `metafields.<namespace>.<key>:value` (Shopify: for admin-filterable definitions; here all).
        ...Object.fromEntries(v.metafields.map((m) => [`metafields.${m.namespace}.${m.key}`.toLowerCase(), m.value])),
      },
      atMs,
    );
  }

  /** Stamps `updatedAt`, re-indexes and reports the order's topics. */
  touchOrder(order: OrderRecord, topics: string[], fulfillmentId?: number): void {
    order.updatedAt = this.clock.nowIso();
    this.indexOrder(order);
    if (topics.length > 0) this.emit({ kind: 'order', orderId: order.id, topics, fulfillmentId });
  }

  indexOrder(o: OrderRecord): void {
    this.orderIndex.record(
      o.id,
      {
        id: o.id,
        name: o.name,
        created_at: o.createdAt,
        updated_at: o.updatedAt,
        processed_at: o.processedAt,
        tag: [...o.tags],
        source_name: o.sourceName,
        source_identifier: o.sourceIdentifier,
        status: o.cancelledAt ? 'cancelled' : o.closedAt ? 'closed' : 'open',
        financial_status: o.financialStatus.toLowerCase(),
        sku: o.lineItems.map((l) => l.sku ?? ''),
      },
      this.nowMs(),
    );
  }

  private seed(products: readonly ShopifyProductSeed[]): void {
    const productIds = new Map<string, number>();
    const now = this.clock.nowIso();
    const location = this.primaryLocation();
    for (const p of products) {
      const productId = productIds.get(p.title) ?? this.nextId();
      productIds.set(p.title, productId);
      const variant: VariantRecord = {
        id: this.nextId(),
        productId,
        productTitle: p.title,
        title: p.variantTitle ?? 'Default Title',
        sku: p.sku,
        barcode: p.barcode ?? null,
        price: p.price,
        inventoryItemId: this.nextId(),
        tracked: true,
        inventoryPolicy: p.inventoryPolicy ?? 'DENY',
        metafields: (p.metafields ?? []).map((m) => ({
          id: this.nextId(),
          namespace: m.namespace,
          key: m.key,
          type: m.type ?? 'single_line_text_field',
          value: m.value,
        })),
        createdAt: now,
        updatedAt: now,
      };
      this.variants.set(variant.id, variant);
      this.levels.set(`${variant.inventoryItemId}:${location.id}`, {
        available: p.stock ?? 100,
        committed: 0,
        updatedAt: now,
      });
      // Seeded data is indexed from the start (as if it existed long before).
      this.indexVariant(variant, -Infinity);
    }
  }
}
