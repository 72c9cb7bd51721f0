import Big from 'big.js';
import type { WooContext } from './woo-context.js';
import { formatMoney, sumMoney, taxOn } from './woo-format.js';
import type { OrderRecord, TaxLineRecord, TaxShare } from './woo-model.js';
import type { ResolvedRate, TaxTable } from './tax-table.js';

/**
 * WC_Abstract_Order::calculate_totals(true): every tax amount is recomputed from the store's tax
 * table for the order's tax address (shipping, else billing), each line rounded to the store's
 * decimals. Whatever tax the client sent is ignored — the sandbox's PITFALL 1.
 */
interface RateUse {
  rate: ResolvedRate;
  tax: Big;
  shipping: Big;
}

/** The tax of one line at one rate (rounded per line), also added to the order's per-rate sums. */
function addShare(
  used: Map<number, RateUse>,
  dp: number,
  rate: ResolvedRate | null,
  total: string,
  subtotal: string,
  kind: 'tax' | 'shipping',
): TaxShare[] {
  if (rate === null) return [];
  const t = taxOn(total, rate.rate, dp);
  const entry = used.get(rate.id) ?? { rate, tax: new Big(0), shipping: new Big(0) };
  if (kind === 'tax') entry.tax = entry.tax.plus(t);
  else entry.shipping = entry.shipping.plus(t);
  used.set(rate.id, entry);
  return [{ id: rate.id, total: t, subtotal: taxOn(subtotal, rate.rate, dp) }];
}

export function recalculateOrder(ctx: WooContext, table: TaxTable, order: OrderRecord): void {
  const dp = ctx.settings.decimals;
  const address = order.shipping.country ? order.shipping : order.billing;
  const country = address.country ?? '';
  const state = address.state ?? '';
  const used = new Map<number, RateUse>();
  const share = (rate: ResolvedRate | null, total: string, subtotal: string, kind: 'tax' | 'shipping'): TaxShare[] =>
    addShare(used, dp, rate, total, subtotal, kind);
  const sumOf = (taxes: TaxShare[], field: 'total' | 'subtotal'): string =>
    sumMoney(
      taxes.map((t) => t[field]),
      dp,
    );
  for (const line of order.lineItems) {
    line.taxes = share(
      line.taxable ? table.find(country, state, line.taxClass) : null,
      line.total,
      line.subtotal,
      'tax',
    );
    line.totalTax = sumOf(line.taxes, 'total');
    line.subtotalTax = sumOf(line.taxes, 'subtotal');
  }
  for (const fee of order.feeLines) {
    const rate = fee.taxStatus === 'taxable' ? table.find(country, state, fee.taxClass) : null;
    fee.taxes = share(rate, fee.total, fee.total, 'tax');
    fee.totalTax = sumOf(fee.taxes, 'total');
  }
  for (const ship of order.shippingLines) {
    ship.taxes = share(table.find(country, state, '', true), ship.total, ship.total, 'shipping');
    ship.totalTax = sumOf(ship.taxes, 'total');
  }
  order.taxLines = [...used.values()].map((u) => taxLine(ctx, order, u, dp));
  setTotals(order, dp);
}

function taxLine(ctx: WooContext, order: OrderRecord, u: RateUse, dp: number): TaxLineRecord {
  return {
    id: order.taxLines.find((t) => t.rateId === u.rate.id)?.id ?? ctx.ids.next('item'),
    rateId: u.rate.id,
    rateCode: u.rate.code,
    label: u.rate.label,
    rate: u.rate.rate,
    taxTotal: formatMoney(u.tax, dp),
    shippingTaxTotal: formatMoney(u.shipping, dp),
  };
}

function setTotals(order: OrderRecord, dp: number): void {
  const lines = order.lineItems;
  const cartTax = sumMoney([...lines.map((l) => l.totalTax), ...order.feeLines.map((f) => f.totalTax)], dp);
  const shippingTotal = sumMoney(
    order.shippingLines.map((s) => s.total),
    dp,
  );
  const shippingTax = sumMoney(
    order.shippingLines.map((s) => s.totalTax),
    dp,
  );
  const totalTax = sumMoney([cartTax, shippingTax], dp);
  const net = sumMoney([...lines.map((l) => l.total), ...order.feeLines.map((f) => f.total), shippingTotal], dp);
  order.totals = {
    discountTotal: formatMoney(
      lines.reduce((d, l) => d.plus(l.subtotal).minus(l.total), new Big(0)),
      dp,
    ),
    shippingTotal,
    shippingTax,
    cartTax,
    totalTax,
    total: sumMoney([net, totalTax], dp),
  };
}
