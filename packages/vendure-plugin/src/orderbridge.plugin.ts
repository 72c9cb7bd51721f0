import { PluginCommonModule, type Type, VendurePlugin } from '@vendure/core';
import { addOrderBridgeCustomFields } from './custom-fields';
import { EventForwarderService } from './event-forwarder.service';
import { OrderChargesService } from './order-charges.service';
import { adminApiExtensions, OrderBridgeAdminResolver } from './orderbridge-admin.api';
import {
  OrderBridgePriceCalculationStrategy,
  OrderBridgeStockAllocationStrategy,
  OrderBridgeTaxLineCalculationStrategy,
} from './orderbridge.strategies';
import { orderBridgeShippingCalculator, orderBridgeShippingEligibilityChecker } from './orderbridge-shipping';
import { ORDERBRIDGE_PLUGIN_OPTIONS, type OrderBridgePluginOptions } from './orderbridge.options';
import { OrderBridgeStockAdjustment } from './stock-adjustment.entity';
import { StockAdjustmentService } from './stock-adjustment.service';

/**
 * OrderBridge ↔ Vendure (see README.md): custom fields for the external references and Amazon's
 * prices, price/tax strategies and a shipping calculator that reproduce Amazon's amounts, signed
 * webhooks for fulfilments and cancellations, and an idempotent stock adjustment mutation.
 */
@VendurePlugin({
  imports: [PluginCommonModule],
  entities: [OrderBridgeStockAdjustment],
  providers: [
    { provide: ORDERBRIDGE_PLUGIN_OPTIONS, useFactory: () => OrderBridgePlugin.options },
    StockAdjustmentService,
    OrderChargesService,
    EventForwarderService,
  ],
  adminApiExtensions: { schema: adminApiExtensions, resolvers: [OrderBridgeAdminResolver] },
  configuration: (config) => {
    addOrderBridgeCustomFields(config);
    const orderOptions = config.orderOptions;
    orderOptions.orderItemPriceCalculationStrategy = new OrderBridgePriceCalculationStrategy(
      orderOptions.orderItemPriceCalculationStrategy,
    );
    orderOptions.stockAllocationStrategy = new OrderBridgeStockAllocationStrategy(orderOptions.stockAllocationStrategy);
    config.taxOptions.taxLineCalculationStrategy = new OrderBridgeTaxLineCalculationStrategy(
      config.taxOptions.taxLineCalculationStrategy,
    );
    config.shippingOptions.shippingCalculators = [
      ...(config.shippingOptions.shippingCalculators ?? []),
      orderBridgeShippingCalculator,
    ];
    config.shippingOptions.shippingEligibilityCheckers = [
      ...(config.shippingOptions.shippingEligibilityCheckers ?? []),
      orderBridgeShippingEligibilityChecker,
    ];
    return config;
  },
  compatibility: '^3.0.0',
})
export class OrderBridgePlugin {
  static options: OrderBridgePluginOptions = {};

  static init(options: OrderBridgePluginOptions): Type<OrderBridgePlugin> {
    OrderBridgePlugin.options = options;
    return OrderBridgePlugin;
  }
}
