import type { Json } from './magento-format.js';
import { intParam, type MagentoRoute } from './magento-route.js';
import { applySearch, parseSearchCriteria, searchCriteriaView } from './search-criteria.js';
import { shipmentView } from './shipment-store.js';

export const SHIPMENT_ROUTES: readonly MagentoRoute[] = [
  {
    method: 'GET',
    pattern: '/V1/shipments',
    resource: 'Magento_Sales::shipment',
    run: (ctx) => {
      const criteria = parseSearchCriteria(ctx.query, ctx.sandbox.maxPageSize);
      const { items, total } = applySearch(ctx.sandbox.shipments.all(), (s: Json) => s, criteria);
      return { items: items.map(shipmentView), search_criteria: searchCriteriaView(criteria), total_count: total };
    },
  },
  {
    method: 'GET',
    pattern: '/V1/shipment/{id}',
    resource: 'Magento_Sales::shipment',
    run: (ctx) => shipmentView(ctx.sandbox.shipments.require(intParam(ctx, 'id'))),
  },
];
