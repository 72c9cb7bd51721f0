export { OrderBridgePlugin } from './orderbridge.plugin';
export type { OrderBridgePluginOptions } from './orderbridge.options';
export { signWebhook } from './webhook.sender';
export type { WebhookLine, WebhookOrder } from './event-forwarder.service';
export { OrderBridgePriceCalculationStrategy, OrderBridgeTaxLineCalculationStrategy } from './orderbridge.strategies';
export { orderBridgeShippingCalculator, orderBridgeShippingEligibilityChecker } from './orderbridge-shipping';
