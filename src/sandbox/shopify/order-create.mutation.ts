import { DEV_STORE_ORDERS_PER_MINUTE } from './constants.js';
import { gqlOrder } from './gql-order.js';
import { userError } from './gql-kit.js';
import { DraftReader, type DraftLine } from './order-input.js';
import { financialStatus, orderTotals } from './order-totals.js';
import type { ResolverContext } from './resolver-context.js';
import type { OrderRecord, TransactionRecord } from './shop-model.js';
import type { ShopState } from './shop-state.js';

type Input = Record<string, unknown>;

/** orderCreate: everything is checked first; on any userError nothing is saved (atomic). */
export function orderCreate(args: Input, ctx: ResolverContext): Record<string, unknown> {
  const { state } = ctx;
  const order = args.order as Input;
  const options = (args.options as Input | null) ?? {};
  const behaviour = (options.inventoryBehaviour as string | null) ?? 'BYPASS';
  const fail = (errors: { field: string[] | null; message: string; code: string }[]) => ({
    order: null,
    userErrors: errors.map((e) => userError(e.field, e.message, e.code)),
  });
  if (devStoreLimited(state)) {
    ctx.stats.count('devStoreLimited');
    return fail([
      {
        field: null,
        message: 'Too many orders created: development stores can create at most 5 orders per minute. Try again later.',
        code: 'INVALID',
      },
    ]);
  }
  const currency = (order.currency as string | null) ?? state.settings.currency;
  const taxesIncluded = order.taxesIncluded === true;
  const r = new DraftReader(state, state.settings.currency, taxesIncluded);
  if (currency !== state.settings.currency)
    r.fail(['order', 'currency'], `Currency must be ${state.settings.currency}, the shop's currency`);
  const presentment = order.presentmentCurrency as string | null | undefined;
  if (presentment != null && presentment !== state.settings.currency) {
    r.fail(['order', 'presentmentCurrency'], 'Presentment currencies other than the shop currency are not simulated');
  }
  const inputLines = (order.lineItems as Input[] | null) ?? [];
  if (inputLines.length === 0) r.fail(['order', 'lineItems'], 'Line items must have at least one line item');
  const lines = inputLines.map((l, i) => r.line(l, i)).filter((l): l is DraftLine => l !== null);
  const shipping = ((order.shippingLines as Input[] | null) ?? []).map((s, i) => {
    const f = ['order', 'shippingLines', String(i)];
    const price = r.amount(s.priceSet as never, [...f, 'priceSet']) ?? '0';
    return {
      title: String(s.title),
      code: (s.code as string | null) ?? null,
      source: (s.source as string | null) ?? null,
      price,
      taxLines: r.taxLines(s.taxLines, price, f),
    };
  });
  const orderTaxLines = r.taxLines(order.taxLines, '0', ['order']);
  const metafields = r.metafields(order.metafields);
  const transactions = ((order.transactions as Input[] | null) ?? []).map((t, i) => ({
    kind: (t.kind as string | null) ?? 'SALE',
    status: (t.status as string | null) ?? 'SUCCESS',
    amount: r.amount(t.amountSet as never, ['order', 'transactions', String(i), 'amountSet']) ?? '0',
    gateway: (t.gateway as string | null) ?? 'manual',
  }));
  if (behaviour === 'DECREMENT_OBEYING_POLICY') checkStock(state, lines, r);
  if (r.errors.length > 0) {
    if (r.errors.some((e) => e.field.includes('metafields') && e.field.includes('value')))
      ctx.stats.count('orderCreateRejectedDuplicate');
    return fail(r.errors);
  }
  const record = save(state, {
    order,
    lines,
    shipping,
    orderTaxLines,
    metafields,
    transactions,
    taxesIncluded,
    behaviour,
  });
  ctx.stats.count('ordersCreated');
  return { order: gqlOrder(state, record), userErrors: [] };
}

function devStoreLimited(state: ShopState): boolean {
  if (!state.settings.devStore) return false;
  const now = state.nowMs();
  while ((state.recentCreates[0] ?? Infinity) <= now - 60_000) state.recentCreates.shift();
  return state.recentCreates.length >= DEV_STORE_ORDERS_PER_MINUTE;
}

function checkStock(state: ShopState, lines: DraftLine[], r: DraftReader): void {
  const location = state.primaryLocation();
  lines.forEach((l, i) => {
    if (!l.variant || !l.variant.tracked || l.variant.inventoryPolicy === 'CONTINUE') return;
    const available = state.level(l.variant.inventoryItemId, location.id)?.available ?? 0;
    if (available < l.quantity) {
      r.fail(
        ['order', 'lineItems', String(i), 'quantity'],
        `Unable to claim inventory: ${l.sku ?? l.title} has ${available} available`,
        'INVENTORY_CLAIM_FAILED',
      );
    }
  });
}

interface Prepared {
  order: Input;
  lines: DraftLine[];
  shipping: {
    title: string;
    code: string | null;
    source: string | null;
    price: string;
    taxLines: OrderRecord['orderTaxLines'];
  }[];
  orderTaxLines: OrderRecord['orderTaxLines'];
  metafields: Omit<OrderRecord['metafields'][number], 'id'>[];
  transactions: Omit<TransactionRecord, 'id' | 'processedAt'>[];
  taxesIncluded: boolean;
  behaviour: string;
}

function save(state: ShopState, p: Prepared): OrderRecord {
  const now = state.clock.nowIso();
  const number = state.takeOrderNumber();
  const totals = orderTotals({
    lines: p.lines,
    shipping: p.shipping,
    orderTaxLines: p.orderTaxLines,
    taxesIncluded: p.taxesIncluded,
  });
  const transactions = p.transactions.map((t) => ({ ...t, id: state.nextId(), processedAt: now }));
  const o = p.order;
  const location = state.primaryLocation();
  const decrement = p.behaviour !== 'BYPASS';
  const record: OrderRecord = {
    id: state.nextId(),
    number,
    name: (o.name as string | null) ?? `#${number}`,
    createdAt: now,
    updatedAt: now,
    processedAt: (o.processedAt as string | null) ?? now,
    currency: state.settings.currency,
    taxesIncluded: p.taxesIncluded,
    test: o.test === true,
    email: (o.email as string | null) ?? null,
    phone: (o.phone as string | null) ?? null,
    note: (o.note as string | null) ?? null,
    tags: ((o.tags as string[] | null) ?? []).map((t) => t.trim()).filter(Boolean),
    sourceName: (o.sourceName as string | null) ?? null,
    sourceIdentifier: (o.sourceIdentifier as string | null) ?? null,
    customAttributes: ((o.customAttributes as { key: string; value: string }[] | null) ?? []).map((a) => ({
      key: a.key,
      value: a.value,
    })),
    metafields: p.metafields.map((m) => ({ ...m, id: state.nextId() })),
    lineItems: p.lines.map((l) => ({
      id: state.nextId(),
      variantId: l.variant?.id ?? null,
      sku: l.sku,
      title: l.title,
      variantTitle: l.variantTitle,
      vendor: l.vendor,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxLines: l.taxLines,
      properties: l.properties,
      requiresShipping: l.requiresShipping,
      taxable: l.taxable,
      fulfillmentOrderLineItemId: state.nextId(),
    })),
    shippingLines: p.shipping.map((s) => ({ ...s, id: state.nextId() })),
    orderTaxLines: p.orderTaxLines,
    transactions,
    totals,
    financialStatus: financialStatus(transactions, totals.total, (o.financialStatus as string | null) ?? null),
    fulfillments: [],
    fulfillmentOrderId: state.nextId(),
    locationId: location.id,
    decremented: decrement,
    cancelledAt: null,
    cancelReason: null,
    cancelJobId: null,
    closedAt: null,
    shippingAddress: (o.shippingAddress as Record<string, unknown> | null) ?? null,
    billingAddress: (o.billingAddress as Record<string, unknown> | null) ?? null,
  };
  state.orders.set(record.id, record);
  state.recentCreates.push(state.nowMs());
  for (const l of record.lineItems) {
    const v = l.variantId === null ? undefined : state.variants.get(l.variantId);
    if (decrement && v?.tracked) state.changeAvailable(v.inventoryItemId, location.id, -l.quantity, l.quantity);
  }
  state.touchOrder(record, ['orders/create']);
  return record;
}
