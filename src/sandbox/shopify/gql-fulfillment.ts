import { gid } from './constants.js';
import { gqlLineItem } from './gql-order.js';
import { gqlLocation } from './gql-catalog.js';
import { connection, type Args, type GqlObject } from './gql-kit.js';
import { fulfillmentOrderStatus, remainingQuantity } from './order-status.js';
import type { ShopState } from './shop-state.js';
import type { FulfillmentRecord, OrderRecord } from './shop-model.js';

/** GraphQL views of fulfilments and of the order's (single) fulfillment order. */
export function gqlFulfillment(state: ShopState, o: OrderRecord, f: FulfillmentRecord): GqlObject {
  const index = o.fulfillments.indexOf(f) + 1;
  const lineOf = (lineItemId: number) => o.lineItems.find((l) => l.id === lineItemId);
  const tracking =
    f.trackingNumber !== null || f.trackingCompany !== null || f.trackingUrl !== null
      ? [
          {
            __typename: 'FulfillmentTrackingInfo',
            company: f.trackingCompany,
            number: f.trackingNumber,
            url: f.trackingUrl,
          },
        ]
      : [];
  return {
    __typename: 'Fulfillment',
    id: gid('Fulfillment', f.id),
    legacyResourceId: String(f.id),
    name: `${o.name}-F${index}`,
    status: f.status,
    displayStatus: f.status === 'SUCCESS' ? 'FULFILLED' : 'CANCELED',
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    requiresShipping: true,
    totalQuantity: f.lines.reduce((s, l) => s + l.quantity, 0),
    trackingInfo: () => tracking,
    order: () => null,
    fulfillmentLineItems: (a: Args) =>
      connection(
        f.lines,
        a,
        (l) => [l.id],
        (l) => {
          const line = lineOf(l.lineItemId);
          return {
            __typename: 'FulfillmentLineItem',
            id: gid('FulfillmentLineItem', l.id),
            quantity: l.quantity,
            lineItem: line ? gqlLineItem(state, o, line) : null,
          };
        },
      ),
  };
}

export function gqlFulfillmentOrder(state: ShopState, o: OrderRecord): GqlObject {
  const location = state.locations.find((l) => l.id === o.locationId) ?? state.primaryLocation();
  const shippable = o.lineItems.filter((l) => l.requiresShipping);
  return {
    __typename: 'FulfillmentOrder',
    id: gid('FulfillmentOrder', o.fulfillmentOrderId),
    orderId: gid('Order', o.id),
    orderName: o.name,
    status: fulfillmentOrderStatus(o),
    requestStatus: 'UNSUBMITTED',
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    assignedLocation: () => ({
      __typename: 'FulfillmentOrderAssignedLocation',
      name: location.name,
      location: gqlLocation(state, location),
    }),
    lineItems: (a: Args) =>
      connection(
        shippable,
        a,
        (l) => [l.fulfillmentOrderLineItemId],
        (l) => ({
          __typename: 'FulfillmentOrderLineItem',
          id: gid('FulfillmentOrderLineItem', l.fulfillmentOrderLineItemId),
          sku: l.sku,
          totalQuantity: l.quantity,
          remainingQuantity: remainingQuantity(o, l),
          lineItem: gqlLineItem(state, o, l),
        }),
      ),
  };
}
