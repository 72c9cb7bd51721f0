import Big from 'big.js';
import { invalidParam } from './woo-errors.js';

/** Money and time formatting the way WooCommerce prints them. */

/** Half-up rounding to the store's decimals; never "-0.00". */
export function formatMoney(value: Big | string, decimals: number): string {
  const rounded = new Big(value).round(decimals, Big.roundHalfUp);
  return (rounded.eq(0) ? new Big(0) : rounded).toFixed(decimals);
}

export function sumMoney(values: readonly string[], decimals: number): string {
  return formatMoney(
    values.reduce((total, v) => total.plus(v), new Big(0)),
    decimals,
  );
}

/** Tax on a net amount, rounded per line like WooCommerce (`wc_round_tax_total` per line). */
export function taxOn(net: string, ratePercent: string, decimals: number): string {
  return formatMoney(new Big(net).times(ratePercent).div(100), decimals);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A money input: WooCommerce's schema types these as strings; numbers are rejected like WP does. */
export function parseMoneyInput(value: unknown, param: string, decimals: number): string {
  if (typeof value !== 'string') throw invalidParam(param, `${param} is not of type string.`);
  const trimmed = value.trim();
  if (trimmed === '') return formatMoney('0', decimals);
  if (!DECIMAL.test(trimmed)) throw invalidParam(param, `${param} is not a valid decimal.`);
  return formatMoney(trimmed, decimals);
}

/** "2026-11-29T03:00:00" (no zone), WooCommerce's `date_*` format. */
export function wooDate(ms: number, offsetMinutes = 0): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

/**
 * A date-time query parameter. WordPress accepts it with or without a zone; without one it is
 * site-local time unless `dates_are_gmt` is true (a classic pitfall: UTC cursors sent without
 * `dates_are_gmt` drift by the site's offset).
 */
export function parseDateParam(value: string, param: string, gmt: boolean, offsetMinutes: number): number {
  if (!DATE_TIME.test(value)) throw invalidParam(param, 'Invalid date.');
  const hasZone = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value.slice(19));
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  if (Number.isNaN(ms)) throw invalidParam(param, 'Invalid date.');
  return hasZone || gmt ? ms : ms - offsetMinutes * 60_000;
}

/** WooCommerce stores dates with whole seconds. */
export const toSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
