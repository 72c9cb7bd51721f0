import { LanguageCode, type RuntimeVendureConfig } from '@vendure/core';

const en = (value: string) => [{ languageCode: LanguageCode.en, value }];

/**
 * The custom fields OrderBridge reads and writes. All are admin-only (`public: false`) and
 * nullable, so orders created by the storefront are unaffected. `orderBridgeOrderId` is unique:
 * a second order carrying the same OrderBridge id cannot exist, which makes creation idempotent.
 */
export function addOrderBridgeCustomFields(config: RuntimeVendureConfig): void {
  const cf = config.customFields;
  cf.Order = cf.Order ?? [];
  cf.OrderLine = cf.OrderLine ?? [];
  cf.Order.push(
    {
      name: 'orderBridgeOrderId',
      type: 'string',
      unique: true,
      nullable: true,
      public: false,
      label: en('OrderBridge order id'),
    },
    { name: 'amazonOrderId', type: 'string', nullable: true, public: false, label: en('Amazon order id') },
    {
      name: 'orderBridgeShippingPrice',
      type: 'int',
      nullable: true,
      public: false,
      label: en('Amazon shipping price (gross, minor units)'),
    },
    {
      name: 'orderBridgeShippingTaxRate',
      type: 'float',
      nullable: true,
      public: false,
      label: en('Amazon shipping tax %'),
    },
    {
      name: 'orderBridgeLowerStock',
      type: 'boolean',
      nullable: true,
      public: false,
      label: en('Allocate stock (false = Amazon ships from its own warehouse)'),
    },
  );
  cf.OrderLine.push(
    { name: 'amazonOrderItemId', type: 'string', nullable: true, public: false, label: en('Amazon order item id') },
    {
      name: 'orderBridgeUnitPrice',
      type: 'int',
      nullable: true,
      public: false,
      label: en('Amazon unit price (minor units)'),
    },
    {
      name: 'orderBridgeUnitPriceIncludesTax',
      type: 'boolean',
      nullable: true,
      public: false,
      label: en('Amazon unit price includes tax'),
    },
    { name: 'orderBridgeTaxRate', type: 'float', nullable: true, public: false, label: en('Amazon tax %') },
  );
}
