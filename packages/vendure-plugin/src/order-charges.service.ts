import { Inject, Injectable } from '@nestjs/common';
import { type ID, IllegalOperationError, type Order, OrderService, type RequestContext } from '@vendure/core';
import { CHARGE_SKU_PREFIX } from './orderbridge.options';

export interface OrderBridgeChargeInput {
  /** Short kind, e.g. gift_wrap, cod_fee, discount, adjustment (stored as `orderbridge:<sku>`). */
  sku: string;
  description: string;
  /** Gross amount in minor units; negative for discounts. */
  priceWithTax: number;
  /** Percent, e.g. 19. */
  taxRate: number;
}

/**
 * Replaces the order's OrderBridge surcharges (gift wrap, COD fee, discounts, the reconciliation
 * adjustment) while the order is a Draft. Vendure has no admin mutation for surcharges outside
 * order modification, so the plugin calls OrderService.addSurchargeToOrder.
 */
@Injectable()
export class OrderChargesService {
  constructor(@Inject(OrderService) private readonly orders: OrderService) {}

  async setCharges(ctx: RequestContext, orderId: ID, charges: OrderBridgeChargeInput[]): Promise<Order | undefined> {
    const order = await this.orders.findOne(ctx, orderId, ['surcharges']);
    if (!order) return undefined;
    if (order.state !== 'Draft') {
      throw new IllegalOperationError(`OrderBridge charges can only be set on a Draft order (is ${order.state})`);
    }
    for (const surcharge of order.surcharges ?? []) {
      if (surcharge.sku.startsWith(CHARGE_SKU_PREFIX))
        await this.orders.removeSurchargeFromOrder(ctx, orderId, surcharge.id);
    }
    for (const charge of charges) {
      await this.orders.addSurchargeToOrder(ctx, orderId, {
        description: charge.description,
        sku: `${CHARGE_SKU_PREFIX}${charge.sku}`,
        listPrice: charge.priceWithTax,
        listPriceIncludesTax: true,
        taxLines: [{ description: charge.description, taxRate: charge.taxRate }],
      });
    }
    return this.orders.findOne(ctx, orderId);
  }
}
