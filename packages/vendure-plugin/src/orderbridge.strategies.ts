import {
  type CalculateTaxLinesArgs,
  type Injector,
  type Order,
  type OrderState,
  type OrderItemPriceCalculationStrategy,
  type PriceCalculationResult,
  type ProductVariant,
  type RequestContext,
  type StockAllocationStrategy,
  type TaxLineCalculationStrategy,
} from '@vendure/core';

type Fields = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Unit price = OrderLine.orderBridgeUnitPrice when set (Amazon's price in minor units; gross unless
 * orderBridgeUnitPriceIncludesTax is false), otherwise whatever the wrapped strategy says.
 */
export class OrderBridgePriceCalculationStrategy implements OrderItemPriceCalculationStrategy {
  constructor(private readonly fallback: OrderItemPriceCalculationStrategy) {}

  async init(injector: Injector): Promise<void> {
    await this.fallback.init?.(injector);
  }

  async destroy(): Promise<void> {
    await this.fallback.destroy?.();
  }

  calculateUnitPrice(
    ctx: RequestContext,
    variant: ProductVariant,
    lineFields: Fields,
    order: Order,
    quantity: number,
  ): PriceCalculationResult | Promise<PriceCalculationResult> {
    const price = num(lineFields.orderBridgeUnitPrice);
    if (price === null) return this.fallback.calculateUnitPrice(ctx, variant, lineFields, order, quantity);
    return { price, priceIncludesTax: lineFields.orderBridgeUnitPriceIncludesTax !== false };
  }
}

/** Tax rate = OrderLine.orderBridgeTaxRate when set (Amazon's rate), else the wrapped strategy's. */
export class OrderBridgeTaxLineCalculationStrategy implements TaxLineCalculationStrategy {
  constructor(private readonly fallback: TaxLineCalculationStrategy) {}

  async init(injector: Injector): Promise<void> {
    await this.fallback.init?.(injector);
  }

  async destroy(): Promise<void> {
    await this.fallback.destroy?.();
  }

  calculate(args: CalculateTaxLinesArgs): ReturnType<TaxLineCalculationStrategy['calculate']> {
    const fields = (args.orderLine.customFields ?? {}) as Fields;
    const rate = num(fields.orderBridgeTaxRate);
    if (rate === null) return this.fallback.calculate(args);
    return [{ description: 'Tax (Amazon)', taxRate: rate }];
  }
}

/**
 * No stock allocation for orders with Order.orderBridgeLowerStock = false (FBA orders when
 * "FBA orders lower store stock" is off); every other order follows the wrapped strategy.
 */
export class OrderBridgeStockAllocationStrategy implements StockAllocationStrategy {
  constructor(private readonly fallback: StockAllocationStrategy) {}

  async init(injector: Injector): Promise<void> {
    await this.fallback.init?.(injector);
  }

  async destroy(): Promise<void> {
    await this.fallback.destroy?.();
  }

  shouldAllocateStock(ctx: RequestContext, from: OrderState, to: OrderState, order: Order): boolean | Promise<boolean> {
    if ((order.customFields as Fields | undefined)?.orderBridgeLowerStock === false) return false;
    return this.fallback.shouldAllocateStock(ctx, from, to, order);
  }
}
