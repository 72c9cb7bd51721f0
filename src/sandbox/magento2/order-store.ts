import { MagentoHttpError, noSuchEntity, requiredField } from './magento-errors.js';
import { asArray, isJsonObject, numberOf, type Json } from './magento-format.js';
import type { MagentoClock } from './magento-clock.js';

/** One order: the stored `sales-data-order-interface` entity plus what Magento keeps beside it. */
export interface OrderRecord {
  entity: Json;
  /** Placed through the cart (a real `place`): MSI reservations exist for its items. */
  reserved: boolean;
}

/** The stored entity's items, typed loosely (JSON from the client, completed by the store). */
export const orderItems = (order: OrderRecord): Json[] => asArray(order.entity.items).filter(isJsonObject);

/** sales_order UNIQUE (increment_id, store_id) → AlreadyExistsException (HTTP status 400: our assumption). */
export const DUPLICATE_INCREMENT_ID = 'Unique constraint violation found';
const duplicateIncrementId = (): MagentoHttpError => new MagentoHttpError(400, DUPLICATE_INCREMENT_ID);

/**
 * Orders as `OrderRepository::save` keeps them: what the client saved, plus ids, dates and Magento's own
 * bookkeeping fields. `increment_id` is unique per store (sales_order UNIQUE (increment_id, store_id)).
 */
export class OrderStore {
  private byId = new Map<number, OrderRecord>();
  private nextId = 1;
  private nextItemId = 1;
  private nextChildId = 1;
  private nextIncrement = 1;

  constructor(
    private readonly clock: MagentoClock,
    private readonly defaultStoreId: number,
  ) {}

  get(id: number): OrderRecord | null {
    return this.byId.get(id) ?? null;
  }

  require(id: number): OrderRecord {
    const order = this.byId.get(id);
    if (!order) throw noSuchEntity('orderId', id);
    return order;
  }

  all(): OrderRecord[] {
    return [...this.byId.values()];
  }

  /** Direct save of a new order (POST /V1/orders without an existing entity_id, or the cart's place). */
  create(input: Json, reserved = false): OrderRecord {
    if (asArray(input.items).length === 0) throw requiredField('items');
    if (typeof input.customer_email !== 'string' || input.customer_email === '') throw requiredField('customer_email');
    for (const item of asArray(input.items))
      if (!isJsonObject(item) || typeof item.sku !== 'string') throw requiredField('sku');
    const entity = structuredClone(input);
    const storeId = typeof entity.store_id === 'number' ? entity.store_id : this.defaultStoreId;
    const incrementId =
      typeof entity.increment_id === 'string' && entity.increment_id !== '' ? entity.increment_id : null;
    if (incrementId !== null) this.assertUniqueIncrement(incrementId, storeId, null);
    const id = this.nextId++;
    const now = this.clock.magentoNow();
    Object.assign(entity, {
      entity_id: id,
      store_id: storeId,
      increment_id: incrementId ?? this.generatedIncrement(storeId),
      state: entity.state ?? 'new',
      status: entity.status ?? 'pending',
      created_at: entity.created_at ?? now,
      updated_at: now,
    });
    this.completeChildren(entity, id, now);
    const order: OrderRecord = { entity, reserved };
    this.byId.set(id, order);
    return order;
  }

  /**
   * POST /V1/orders with the entity_id of an existing order: the given fields replace the stored ones
   * (Magento saves only the columns present in the data object); nested objects merge key by key,
   * items with an `item_id` update that item, new status histories are appended.
   */
  update(input: Json): OrderRecord {
    const id = numberOf(input.entity_id);
    const order = this.byId.get(id);
    if (!order) throw noSuchEntity('entity_id', id);
    const entity = order.entity;
    const storeId = typeof input.store_id === 'number' ? input.store_id : numberOf(entity.store_id);
    if (typeof input.increment_id === 'string' && input.increment_id !== entity.increment_id)
      this.assertUniqueIncrement(input.increment_id, storeId, id);
    for (const [key, value] of Object.entries(input)) {
      if (key === 'entity_id') continue;
      if (key === 'items') this.mergeItems(entity, asArray(value));
      else if (key === 'status_histories')
        entity.status_histories = [...asArray(entity.status_histories), ...asArray(value)];
      else if (isJsonObject(value) && isJsonObject(entity[key]))
        entity[key] = { ...entity[key], ...structuredClone(value) };
      else entity[key] = structuredClone(value);
    }
    const now = this.clock.magentoNow();
    this.completeChildren(entity, id, now);
    entity.updated_at = now;
    return order;
  }

  touch(order: OrderRecord): void {
    order.entity.updated_at = this.clock.magentoNow();
  }

  clear(): void {
    this.byId.clear();
    this.nextId = 1;
    this.nextItemId = 1;
    this.nextChildId = 1;
    this.nextIncrement = 1;
  }

  private assertUniqueIncrement(incrementId: string, storeId: number, except: number | null): void {
    for (const o of this.byId.values()) {
      const same = o.entity.increment_id === incrementId && numberOf(o.entity.store_id) === storeId;
      if (same && o.entity.entity_id !== except) throw duplicateIncrementId();
    }
  }

  private generatedIncrement(storeId: number): string {
    for (;;) {
      const candidate = String(this.nextIncrement++).padStart(9, '0');
      const taken = [...this.byId.values()].some(
        (o) => o.entity.increment_id === candidate && numberOf(o.entity.store_id) === storeId,
      );
      if (!taken) return candidate;
    }
  }

  private mergeItems(entity: Json, input: unknown[]): void {
    const items = asArray(entity.items).filter(isJsonObject);
    for (const raw of input) {
      if (!isJsonObject(raw)) continue;
      const existing = items.find((i) => raw.item_id !== undefined && i.item_id === raw.item_id);
      if (existing) Object.assign(existing, structuredClone(raw));
      else items.push(structuredClone(raw));
    }
    entity.items = items;
  }

  /** Ids, parent ids and Magento's counters on items, addresses, payment and comments. */
  private completeChildren(entity: Json, orderId: number, now: string): void {
    let totalQty = 0;
    for (const item of asArray(entity.items).filter(isJsonObject)) {
      item.item_id ??= this.nextItemId++;
      item.order_id = orderId;
      item.store_id ??= entity.store_id;
      item.product_type ??= 'simple';
      item.created_at ??= now;
      item.updated_at = now;
      for (const counter of ['qty_invoiced', 'qty_shipped', 'qty_canceled', 'qty_refunded']) item[counter] ??= 0;
      totalQty += numberOf(item.qty_ordered);
    }
    entity.total_qty_ordered = totalQty;
    entity.total_item_count = asArray(entity.items).length;
    if (isJsonObject(entity.billing_address)) {
      const address = entity.billing_address;
      address.entity_id ??= this.nextChildId++;
      address.parent_id = orderId;
      address.address_type ??= 'billing';
      entity.billing_address_id = address.entity_id;
    }
    const ext = isJsonObject(entity.extension_attributes) ? entity.extension_attributes : null;
    for (const assignment of asArray(ext?.shipping_assignments).filter(isJsonObject)) {
      const address = isJsonObject(assignment.shipping) ? assignment.shipping.address : null;
      if (!isJsonObject(address)) continue;
      address.entity_id ??= this.nextChildId++;
      address.parent_id = orderId;
      address.address_type ??= 'shipping';
    }
    if (isJsonObject(entity.payment)) {
      const payment = entity.payment;
      payment.entity_id ??= this.nextChildId++;
      payment.parent_id = orderId;
      payment.amount_ordered ??= entity.grand_total;
      payment.base_amount_ordered ??= entity.base_grand_total;
    }
    for (const history of asArray(entity.status_histories).filter(isJsonObject)) {
      history.entity_id ??= this.nextChildId++;
      history.parent_id = orderId;
      history.created_at ??= now;
      history.entity_name ??= 'order';
      history.is_customer_notified ??= 0;
      history.is_visible_on_front ??= 0;
    }
  }
}
