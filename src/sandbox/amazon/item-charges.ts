import Big from 'big.js';
import type { ItemExpense } from '@sp-api-sdk/orders-api-2026-01-01';
import type { ItemCharges } from './item-money.js';
import type { MarketplaceInfo } from './marketplace-catalog.js';
import { amountFromMinorUnits, currencyDecimals, formatAmount, roundToCurrency, toMoney } from './money-math.js';
import type { OrderFeatures } from './order-features.js';
import { PRICE_FACTORS } from './product-catalog.js';
import type { SeededRandom } from './seeded-random.js';

/** A price in the marketplace currency from a USD-like base, on the currency's usual price steps. */
export function localPrice(rng: SeededRandom, base: number, currency: string, jitter = true): string {
  const { factor, step } = PRICE_FACTORS[currency] ?? { factor: 1, step: 1 };
  const scale = 10 ** currencyDecimals(currency);
  // Floats only pick a random integer count of minor units; the money itself is exact from here on.
  const raw = base * factor * (jitter ? 0.8 + 0.4 * rng.next() : 1) * scale;
  let minor = Math.max(step, Math.round(raw / step) * step);
  if (step === 1 && minor > 100 && rng.chance(0.5)) minor = Math.floor(minor / 100) * 100 + 99;
  return formatAmount(amountFromMinorUnits(minor, currency), currency);
}

/** Line total above which the buyer must sign (150 in USD-like units). */
export function isHighValue(unitPrice: string, quantity: number, currency: string): boolean {
  const factor = PRICE_FACTORS[currency]?.factor ?? 1;
  return new Big(unitPrice).times(quantity).gt(new Big(150).times(factor));
}

/** Shipping, gift wrap, COD fee and discounts of one line. */
export function drawCharges(
  rng: SeededRandom,
  mp: MarketplaceInfo,
  f: OrderFeatures,
  line: { index: number; unitPrice: string; quantity: number },
): ItemCharges {
  const cur = mp.currency;
  const charges: ItemCharges = {
    currency: cur,
    taxInclusive: mp.taxInclusive,
    taxRate: f.replacement ? '0' : f.taxRate,
    unitPrice: line.unitPrice,
    quantity: line.quantity,
  };
  if (f.replacement) return charges;
  if (rng.chance(f.afn ? 0.3 : 0.8)) charges.shipping = localPrice(rng, line.index === 0 ? 4.99 : 1.99, cur);
  if (rng.chance(0.05)) charges.giftWrap = localPrice(rng, 3.99, cur, false);
  if (f.cod && line.index === 0 && mp.codFee) charges.codFee = mp.codFee;
  const itemTotal = new Big(line.unitPrice).times(line.quantity);
  if (rng.chance(0.15) && itemTotal.gt(0)) {
    const share = rng.pick(['0.05', '0.1', '0.15', '0.2', '0.25']);
    const discount = roundToCurrency(itemTotal.times(share), cur);
    const minimum = amountFromMinorUnits(1, cur);
    charges.promotionDiscount = formatAmount(discount.gt(minimum) ? discount : minimum, cur);
  }
  if (charges.shipping !== undefined && rng.chance(0.2)) {
    const partial = localPrice(rng, 1, cur, false);
    const full = rng.chance(0.5) || new Big(partial).gte(charges.shipping);
    charges.shippingDiscount = full ? charges.shipping : partial;
  }
  return charges;
}

/** Amazon Points (JP): 1 % of the line, one point = one yen. Not part of the proceeds. */
export function jpPoints(unitPrice: string, quantity: number): ItemExpense {
  const points = new Big(unitPrice).times(quantity).div(100).round(0, Big.roundDown);
  return {
    pointsCost: {
      pointsGranted: { pointsNumber: points.toNumber(), pointsMonetaryValue: toMoney(points, 'JPY') },
    },
  };
}
