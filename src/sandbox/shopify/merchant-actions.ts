import { gid, parseGid } from './constants.js';
import { fulfil } from './fulfillment.js';
import { applyCancel, canCancel } from './order-cancel.js';
import {
  fulfillmentView,
  orderView,
  ordersByAmazonOrderId,
  type ShopifyFulfillmentView,
  type ShopifyOrderView,
} from './order-view.js';
import type { OrderRecord } from './shop-model.js';
import type { ShopState } from './shop-state.js';

/** What a merchant does in the Shopify admin, and what tests read back. Errors are thrown. */
export class SandboxActionError extends Error {
  constructor(
    message: string,
    readonly status = 422,
  ) {
    super(message);
  }
}

export interface FulfilOrderInput {
  orderId: string;
  lines?: { sku?: string; lineItemId?: string; quantity: number }[];
  trackingCompany?: string;
  trackingNumber?: string;
  trackingUrl?: string;
}

export class MerchantActions {
  constructor(readonly state: ShopState) {}

  listOrders(): ShopifyOrderView[] {
    return [...this.state.orders.values()].map(orderView);
  }

  getOrder(id: string): ShopifyOrderView | null {
    const o = this.state.orders.get(parseGid(id, 'Order') ?? 0);
    return o ? orderView(o) : null;
  }

  ordersByAmazonOrderId(amazonOrderId: string): ShopifyOrderView[] {
    return ordersByAmazonOrderId(this.state, amazonOrderId);
  }

  protected order(id: string): OrderRecord {
    const o = this.state.orders.get(parseGid(id, 'Order') ?? 0);
    if (!o) throw new SandboxActionError(`Order ${id} not found`, 404);
    return o;
  }

  fulfillOrder(input: FulfilOrderInput): ShopifyFulfillmentView {
    const o = this.order(input.orderId);
    const lines =
      input.lines?.map((l) => {
        const line = l.lineItemId
          ? o.lineItems.find((x) => x.id === parseGid(l.lineItemId, 'LineItem'))
          : o.lineItems.find((x) => x.sku === l.sku);
        if (!line) throw new SandboxActionError(`No line ${l.lineItemId ?? l.sku ?? '?'} on order ${o.name}`);
        return { lineItemId: line.id, quantity: l.quantity };
      }) ?? null;
    const result = fulfil(this.state, o, {
      lines,
      trackingCompany: input.trackingCompany ?? null,
      trackingNumber: input.trackingNumber ?? null,
      trackingUrl: input.trackingUrl ?? null,
    });
    if (!result.ok) throw new SandboxActionError(result.message);
    return fulfillmentView(o, result.fulfillment);
  }

  /** A merchant's cancel in the admin takes effect at once (the API's orderCancel is a Job). */
  cancelOrder(orderId: string, options: { reason?: string; restock?: boolean } = {}): ShopifyOrderView {
    const o = this.order(orderId);
    const check = canCancel(o);
    if (!check.ok) throw new SandboxActionError(check.message);
    applyCancel(this.state, o, (options.reason ?? 'OTHER').toUpperCase(), options.restock ?? true, null);
    return orderView(o);
  }

  /** The merchant types a new `available` quantity in the admin (fires inventory_levels/update). */
  setStock(sku: string, available: number): void {
    if (!Number.isInteger(available)) throw new SandboxActionError('available must be a whole number');
    const v = this.state.variantsBySku(sku)[0];
    if (!v) throw new SandboxActionError(`No variant with SKU ${sku}`, 404);
    const loc = this.state.primaryLocation();
    const level = this.state.level(v.inventoryItemId, loc.id);
    this.state.changeAvailable(v.inventoryItemId, loc.id, available - (level?.available ?? 0));
  }

  getStock(sku: string): number {
    const v = this.state.variantsBySku(sku)[0];
    if (!v) throw new SandboxActionError(`No variant with SKU ${sku}`, 404);
    return this.state.level(v.inventoryItemId, this.state.primaryLocation().id)?.available ?? 0;
  }

  variantBySku(sku: string): { variantId: string; inventoryItemId: string; productId: string } | null {
    const v = this.state.variantsBySku(sku)[0];
    if (!v) return null;
    return {
      variantId: gid('ProductVariant', v.id),
      inventoryItemId: gid('InventoryItem', v.inventoryItemId),
      productId: gid('Product', v.productId),
    };
  }
}
