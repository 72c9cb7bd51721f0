import { LanguageCode, ShippingCalculator, ShippingEligibilityChecker } from '@vendure/core';

type Fields = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Shipping price = Order.orderBridgeShippingPrice (Amazon's gross shipping, minor units) taxed at
 * Order.orderBridgeShippingTaxRate; orders without it get the configured fallback price.
 */
export const orderBridgeShippingCalculator = new ShippingCalculator({
  code: 'orderbridge-shipping-calculator',
  description: [{ languageCode: LanguageCode.en, value: 'OrderBridge: the shipping price Amazon charged' }],
  args: {
    fallbackPrice: { type: 'int', defaultValue: 0 },
    fallbackTaxRate: { type: 'float', defaultValue: 0 },
  },
  calculate: (ctx, order, args) => {
    const fields = (order.customFields ?? {}) as Fields;
    const price = num(fields.orderBridgeShippingPrice);
    if (price !== null) {
      return { price, priceIncludesTax: true, taxRate: num(fields.orderBridgeShippingTaxRate) ?? 0 };
    }
    return { price: args.fallbackPrice, priceIncludesTax: ctx.channel.pricesIncludeTax, taxRate: args.fallbackTaxRate };
  },
});

/** Makes a shipping method eligible only for orders OrderBridge creates (hidden from shoppers). */
export const orderBridgeShippingEligibilityChecker = new ShippingEligibilityChecker({
  code: 'orderbridge-orders-only',
  description: [{ languageCode: LanguageCode.en, value: 'Only orders created by OrderBridge' }],
  args: {},
  check: (_ctx, order) => typeof (order.customFields as Fields | undefined)?.orderBridgeOrderId === 'string',
});
