import { parseGid } from './constants.js';
import { fulfil } from './fulfillment.js';
import { gqlFulfillment } from './gql-fulfillment.js';
import { userError, type Args } from './gql-kit.js';
import { gqlOrder } from './gql-order.js';
import { applyCancel, canCancel } from './order-cancel.js';
import type { ResolverContext } from './resolver-context.js';

/** orderCancel (an async Job), orderUpdate, tagsAdd and fulfillmentCreate. */
export function orderCancel(a: Args, ctx: ResolverContext): Record<string, unknown> {
  const { state } = ctx;
  const fail = (field: string[], message: string, code: string) => ({
    job: null,
    orderCancelUserErrors: [userError(field, message, code)],
    userErrors: [userError(field, message)],
  });
  const order = state.orders.get(parseGid(a.orderId, 'Order') ?? 0);
  if (!order) return fail(['orderId'], 'Order does not exist', 'NOT_FOUND');
  if (a.refund != null && a.refundMethod != null) {
    return fail(['refund'], 'Specify either refund or refundMethod, not both', 'INVALID');
  }
  if (order.cancelJobId !== null && order.cancelledAt === null) {
    return fail(['orderId'], 'Order is already being cancelled', 'INVALID');
  }
  const check = canCancel(order);
  if (!check.ok) return fail(['orderId'], check.message, check.code);
  const reason = String(a.reason);
  const restock = a.restock === true;
  const staffNote = (a.staffNote as string | null | undefined) ?? null;
  const jobId = ctx.startJob(() => applyCancel(state, order, reason, restock, staffNote));
  order.cancelJobId = jobId;
  return { job: { __typename: 'Job', id: jobId, done: false, query: null }, orderCancelUserErrors: [], userErrors: [] };
}

export function orderUpdate(a: Args, { state }: ResolverContext): Record<string, unknown> {
  const input = a.input as Args;
  const order = state.orders.get(parseGid(input.id, 'Order') ?? 0);
  if (!order) return { order: null, userErrors: [userError(['id'], 'Order does not exist')] };
  if ('note' in input) order.note = (input.note as string | null) ?? null;
  if ('tags' in input) order.tags = ((input.tags as string[] | null) ?? []).map((t) => t.trim()).filter(Boolean);
  if ('email' in input) order.email = (input.email as string | null) ?? null;
  if ('customAttributes' in input) {
    order.customAttributes = ((input.customAttributes as { key: string; value: string | null }[] | null) ?? []).map(
      (x) => ({ key: x.key, value: x.value ?? '' }),
    );
  }
  state.touchOrder(order, ['orders/updated']);
  return { order: gqlOrder(state, order), userErrors: [] };
}

export function tagsAdd(a: Args, { state }: ResolverContext): Record<string, unknown> {
  const order = state.orders.get(parseGid(a.id, 'Order') ?? 0);
  if (!order) return { node: null, userErrors: [userError(['id'], 'Order does not exist')] };
  for (const tag of a.tags as string[]) {
    const t = tag.trim();
    if (t !== '' && !order.tags.includes(t)) order.tags.push(t);
  }
  state.touchOrder(order, ['orders/updated']);
  return { node: gqlOrder(state, order), userErrors: [] };
}

type FoInput = { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null };

export function fulfillmentCreate(a: Args, { state }: ResolverContext): Record<string, unknown> {
  const input = a.fulfillment as Args;
  const groups = input.lineItemsByFulfillmentOrder as FoInput[];
  const fail = (field: string[], message: string) => ({ fulfillment: null, userErrors: [userError(field, message)] });
  if (groups.length !== 1)
    return fail(
      ['fulfillment', 'lineItemsByFulfillmentOrder'],
      'Exactly one fulfillment order is supported by the sandbox',
    );
  const group = groups[0] as FoInput;
  const foId = parseGid(group.fulfillmentOrderId, 'FulfillmentOrder');
  const order = [...state.orders.values()].find((o) => o.fulfillmentOrderId === foId);
  if (!order)
    return fail(
      ['fulfillment', 'lineItemsByFulfillmentOrder', '0', 'fulfillmentOrderId'],
      'Fulfillment order does not exist.',
    );
  const lines = group.fulfillmentOrderLineItems?.map((x) => {
    const line = order.lineItems.find(
      (l) => l.fulfillmentOrderLineItemId === parseGid(x.id, 'FulfillmentOrderLineItem'),
    );
    return { lineItemId: line?.id ?? -1, quantity: x.quantity };
  });
  const tracking = (input.trackingInfo as Args | null) ?? {};
  const result = fulfil(state, order, {
    lines: lines && lines.length > 0 ? lines : null,
    trackingCompany: (tracking.company as string | null) ?? null,
    trackingNumber: (tracking.number as string | null) ?? (tracking.numbers as string[] | null)?.[0] ?? null,
    trackingUrl: (tracking.url as string | null) ?? (tracking.urls as string[] | null)?.[0] ?? null,
  });
  if (!result.ok) return fail(['fulfillment'], result.message);
  return { fulfillment: gqlFulfillment(state, order, result.fulfillment), userErrors: [] };
}
