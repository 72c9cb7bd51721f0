import { expect } from 'vitest';
import { add, equals } from './money.js';
import type { MoneyLine, MoneyOptions, OrderMoney } from './order-money.js';

/** Options and assertions shared by the order-money tests. */
export const US: MoneyOptions = { taxIncluded: false, ignoreAmazonTax: false, facilitatorTax: 'drop' };
export const EU: MoneyOptions = { taxIncluded: true, ignoreAmazonTax: false, facilitatorTax: 'drop' };

export const byKind = (m: OrderMoney, kind: MoneyLine['kind']): MoneyLine[] => m.lines.filter((l) => l.kind === kind);

/** The one line of a kind (fails when there are none or several). */
export const only = (m: OrderMoney, kind: MoneyLine['kind']): MoneyLine => {
  const found = byKind(m, kind);
  expect(found).toHaveLength(1);
  return found[0] as MoneyLine;
};

/** What the store order carries plus the tax Amazon keeps equals Amazon's total. */
export const expectInvariant = (m: OrderMoney): void => {
  expect(m.totals.amazonTotal).not.toBeNull();
  expect(equals(add(m.totals.gross, m.totals.excludedTax), m.totals.amazonTotal ?? 'x')).toBe(true);
};
