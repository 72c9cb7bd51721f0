import {
  add,
  allocate,
  compare,
  div,
  isNegative,
  isZero,
  minorUnits,
  mul,
  roundTo,
  sub,
  sum,
} from '../../domain/money.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderCharge, StoreOrderDraft, StoreOrderItem } from '../store-connector.js';
import { invalid } from './shopify.errors.js';

/** One tax line: the tax of the whole line (Shopify's orderCreate takes line totals). */
export interface PlannedTax {
  amount: string;
  rate: string; // decimal fraction, "0.19"
  title: string;
}

export interface PlannedLine {
  orderItemId: string | null;
  item: StoreOrderItem | null;
  title: string;
  quantity: number;
  unitPrice: string;
  taxes: PlannedTax[];
}

export interface MoneyPlan {
  lines: PlannedLine[];
  shipping: { price: string; taxes: PlannedTax[] } | null;
  /** Amazon's discounts, folded into the prices above (kept on the order as a custom attribute). */
  discounts: { title: string; amount: string }[];
  total: string;
}

interface Part {
  amount: string; // price basis: gross when taxes are included, else net
  tax: string;
  rate: string | null; // percent
}

/** "0.190000" → "0.19", "19.00" → "19", "10" stays. */
const trimZeros = (v: string): string => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

const isShippingDiscount = (c: StoreOrderCharge): boolean => c.kind === 'discount' && /^shipping/i.test(c.title);
const partOf = (incl: boolean, c: { net: string; tax: string; gross: string; taxRate: string | null }): Part => ({
  amount: incl ? c.gross : c.net,
  tax: c.tax,
  rate: c.taxRate,
});

function taxesOf(parts: readonly Part[], incl: boolean, d: number): PlannedTax[] {
  const byRate = new Map<string, Part[]>();
  for (const p of parts) {
    if (isZero(p.tax) && p.rate === null) continue;
    const net = incl ? sub(p.amount, p.tax) : p.amount;
    const rate = p.rate ?? (isZero(net) ? '0' : roundTo(mul(div(p.tax, net, 6), '100'), 2));
    byRate.set(rate, [...(byRate.get(rate) ?? []), p]);
  }
  return [...byRate].map(([rate, ps]) => ({
    amount: roundTo(sum(ps.map((p) => p.tax)), d),
    rate: trimZeros(div(rate, '100', 6)),
    title: `${incl ? 'VAT' : 'Tax'} ${trimZeros(rate)}%`,
  }));
}

/** A line whose amount does not divide by its quantity → two lines of the same product that add up exactly. */
function split(
  base: Omit<PlannedLine, 'quantity' | 'unitPrice' | 'taxes'>,
  part: Part,
  qty: number,
  incl: boolean,
  d: number,
): PlannedLine[] {
  const unit = d === 0 ? '1' : `0.${'0'.repeat(d - 1)}1`;
  const units = Number(div(part.amount, unit, 0));
  const low = Math.floor(units / qty);
  const extra = units - low * qty;
  const price = (n: number): string => roundTo(mul(String(n), unit), d);
  const rows =
    extra === 0
      ? [{ q: qty, u: low }]
      : [
          { q: qty - extra, u: low },
          { q: extra, u: low + 1 },
        ];
  const weights = rows.map((r) => String(r.q * r.u));
  const taxes = taxesOf([part], incl, d);
  const shares = taxes.map((t) =>
    allocate(t.amount, weights.some((w) => w !== '0') ? weights : weights.map(() => '1'), d),
  );
  return rows.map((r, i) => ({
    ...base,
    quantity: r.q,
    unitPrice: price(r.u),
    taxes: taxes.map((t, ti) => ({ ...t, amount: shares[ti]?.[i] ?? '0' })),
  }));
}

/** Spreads `total` (negative: a discount) over the parts in proportion to their amounts. */
function spread(parts: Part[], total: Part): Part[] {
  if (isZero(total.amount) && isZero(total.tax)) return parts;
  const weights = parts.map((p) => (isNegative(p.amount) ? '0' : p.amount));
  const d = Math.max(...[total.amount, total.tax].map((v) => v.split('.')[1]?.length ?? 0));
  const amounts = allocate(total.amount, weights, d);
  const taxes = allocate(total.tax, weights, d);
  return parts.map((p, i) => ({ ...p, amount: add(p.amount, amounts[i] ?? '0'), tax: add(p.tax, taxes[i] ?? '0') }));
}

/**
 * Amazon's amounts as orderCreate prices: unit prices (gross when taxes are included), line tax,
 * one shipping line; discounts folded into the item and shipping prices (orderCreate takes one
 * discount code only); gift wrap, COD fee and other charges as extra custom lines. The total must
 * equal Amazon's gross to the cent — nothing is invented to make it so. A discount naming its item
 * (`orderItemId`) lowers that item; one that does not is spread over the items by amount.
 */
export function planMoney(draft: StoreOrderDraft): Result<MoneyPlan> {
  const incl = draft.pricesIncludeTax;
  const d = minorUnits(draft.currency);
  const itemDiscount: Part = { amount: '0', tax: '0', rate: null };
  const itemParts = draft.items.map((i) => partOf(incl, { ...i, net: i.lineNet, tax: i.lineTax, gross: i.lineGross }));
  const shippingParts: Part[] = [];
  const extras: StoreOrderCharge[] = [];
  const discounts: MoneyPlan['discounts'] = [];
  const addTo = (target: Part, p: Part): void => {
    target.amount = add(target.amount, p.amount);
    target.tax = add(target.tax, p.tax);
  };
  for (const c of draft.charges) {
    const p = partOf(incl, c);
    const own = draft.items.findIndex((i) => c.orderItemId && i.orderItemId === c.orderItemId);
    if (c.kind === 'shipping' || isShippingDiscount(c)) shippingParts.push(p);
    else if (isNegative(c.gross))
      addTo(own >= 0 ? (itemParts[own] as Part) : itemDiscount, p); // its item, else spread
    else extras.push(c);
    if (isNegative(c.gross)) discounts.push({ title: c.title, amount: c.gross });
  }
  let shipping: MoneyPlan['shipping'] = null;
  const shippingAmount = sum(shippingParts.map((p) => p.amount));
  if (isNegative(shippingAmount)) {
    addTo(itemDiscount, { amount: shippingAmount, tax: sum(shippingParts.map((p) => p.tax)), rate: null });
  } else if (shippingParts.length > 0) {
    shipping = { price: roundTo(shippingAmount, d), taxes: taxesOf(shippingParts, incl, d) };
  }
  const spreadParts = spread(itemParts, itemDiscount);
  const lines: PlannedLine[] = [];
  for (const [i, item] of draft.items.entries()) {
    const part = spreadParts[i] as Part;
    if (isNegative(part.amount) || item.quantity <= 0) {
      return err(
        invalid(
          'shopify_order_unrepresentable',
          `Item ${item.orderItemId} would cost less than 0 after Amazon's discounts; Shopify prices cannot be negative.`,
        ),
      );
    }
    lines.push(...split({ orderItemId: item.orderItemId, item, title: item.title }, part, item.quantity, incl, d));
  }
  for (const c of extras) {
    lines.push(...split({ orderItemId: null, item: null, title: c.title }, partOf(incl, c), 1, incl, d));
  }
  const taxTotal = (ts: PlannedTax[]): string => (incl ? '0' : sum(ts.map((t) => t.amount)));
  const total = roundTo(
    sum([
      ...lines.map((l) => add(mul(l.unitPrice, String(l.quantity)), taxTotal(l.taxes))),
      shipping ? add(shipping.price, taxTotal(shipping.taxes)) : '0',
    ]),
    d,
  );
  if (compare(total, roundTo(draft.totals.gross, d)) !== 0) {
    return err(
      invalid(
        'shopify_total_mismatch',
        `The Shopify order for ${draft.amazonOrderId} would total ${total}, Amazon's total is ${draft.totals.gross}.`,
        {
          expected: draft.totals.gross,
          actual: total,
        },
      ),
    );
  }
  return ok({ lines, shipping, discounts, total });
}
