import { refundOrder } from './order-refund.js';
import { addComment, cancelOrder, invoiceOrder, shipOrder, type ShipInput } from './order-actions.js';
import { asArray, isJsonObject, numberOf, textOf, type Json } from './magento-format.js';
import { intParam, type MagentoRoute, type RouteContext } from './magento-route.js';
import { DUPLICATE_INCREMENT_ID, type OrderRecord } from './order-store.js';
import { MagentoHttpError } from './magento-errors.js';
import { orderSearchFields, orderView } from './order-view.js';
import { applySearch, parseSearchCriteria, searchCriteriaView } from './search-criteria.js';

/** POST /V1/orders and PUT /V1/orders/create: a new order, or a partial update of an existing entity_id. */
function saveOrder(ctx: RouteContext): Json {
  const { sandbox } = ctx;
  const entity = ctx.body.entity as Json;
  // An entity_id names an existing order to update (an unknown one is a 404: our assumption).
  const existing = entity.entity_id !== undefined;
  let order: OrderRecord;
  try {
    order = existing ? sandbox.orders.update(entity) : sandbox.orders.create(entity);
  } catch (error) {
    if (error instanceof MagentoHttpError && error.template === DUPLICATE_INCREMENT_ID)
      sandbox.stats.count('duplicateIncrementIdRefused');
    throw error;
  }
  sandbox.stats.count(existing ? 'ordersUpdated' : 'ordersCreated');
  return orderView(order);
}

function shipInput(body: Json): ShipInput {
  const args = isJsonObject(body.arguments) ? body.arguments : {};
  const ext = isJsonObject(args.extension_attributes) ? args.extension_attributes : {};
  const comment = isJsonObject(body.comment) && typeof body.comment.comment === 'string' ? body.comment.comment : null;
  return {
    items: asArray(body.items)
      .filter(isJsonObject)
      .map((i) => ({ order_item_id: numberOf(i.order_item_id), qty: numberOf(i.qty) })),
    tracks: asArray(body.tracks)
      .filter(isJsonObject)
      .map((t) => ({
        track_number: textOf(t.track_number),
        title: textOf(t.title),
        carrier_code: textOf(t.carrier_code),
      })),
    comment,
    ...(typeof ext.source_code === 'string' ? { sourceCode: ext.source_code } : {}),
  };
}

export const ORDER_ROUTES: readonly MagentoRoute[] = [
  {
    method: 'GET',
    pattern: '/V1/orders',
    resource: 'Magento_Sales::actions_view',
    run: (ctx) => {
      const criteria = parseSearchCriteria(ctx.query, ctx.sandbox.maxPageSize);
      const { items, total } = applySearch(ctx.sandbox.orders.all(), orderSearchFields, criteria);
      return { items: items.map(orderView), search_criteria: searchCriteriaView(criteria), total_count: total };
    },
  },
  { method: 'POST', pattern: '/V1/orders', resource: 'Magento_Sales::create', run: saveOrder },
  { method: 'PUT', pattern: '/V1/orders/create', resource: 'Magento_Sales::create', run: saveOrder },
  {
    method: 'GET',
    pattern: '/V1/orders/{id}',
    resource: 'Magento_Sales::actions_view',
    run: (ctx) => orderView(ctx.sandbox.orders.require(intParam(ctx, 'id'))),
  },
  {
    method: 'POST',
    pattern: '/V1/orders/{id}/cancel',
    resource: 'Magento_Sales::cancel',
    run: (ctx) => {
      const done = cancelOrder(ctx.sandbox.actionEnv(), ctx.sandbox.orders.require(intParam(ctx, 'id')));
      if (done) ctx.sandbox.stats.count('ordersCanceled');
      return done;
    },
  },
  {
    method: 'GET',
    pattern: '/V1/orders/{id}/comments',
    resource: 'Magento_Sales::actions_view',
    run: (ctx) => {
      const order = ctx.sandbox.orders.require(intParam(ctx, 'id'));
      const items = asArray(orderView(order).status_histories);
      return { items, search_criteria: { filter_groups: [] }, total_count: items.length };
    },
  },
  {
    method: 'POST',
    pattern: '/V1/orders/{id}/comments',
    resource: 'Magento_Sales::comment',
    run: (ctx) => {
      addComment(
        ctx.sandbox.actionEnv(),
        ctx.sandbox.orders.require(intParam(ctx, 'id')),
        ctx.body.statusHistory as Json,
      );
      return true;
    },
  },
  {
    method: 'POST',
    pattern: '/V1/order/{orderId}/invoice',
    resource: 'Magento_Sales::invoice',
    run: (ctx) => {
      const id = invoiceOrder(ctx.sandbox.actionEnv(), ctx.sandbox.orders.require(intParam(ctx, 'orderId')), ctx.body);
      ctx.sandbox.stats.count('invoicesCreated');
      return id;
    },
  },
  {
    method: 'POST',
    pattern: '/V1/order/{orderId}/refund',
    resource: 'Magento_Sales::creditmemo',
    run: (ctx) => {
      const id = refundOrder(ctx.sandbox.actionEnv(), ctx.sandbox.orders.require(intParam(ctx, 'orderId')), ctx.body);
      ctx.sandbox.stats.count('creditMemosCreated');
      return id;
    },
  },
  {
    method: 'POST',
    pattern: '/V1/order/{orderId}/ship',
    resource: 'Magento_Sales::ship',
    run: (ctx) => {
      const order = ctx.sandbox.orders.require(intParam(ctx, 'orderId'));
      const shipment = shipOrder(ctx.sandbox.actionEnv(), order, shipInput(ctx.body));
      ctx.sandbox.stats.count('shipmentsCreated');
      return shipment.entity_id;
    },
  },
];
