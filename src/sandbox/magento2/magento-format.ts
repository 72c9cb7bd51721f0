import Big from 'big.js';

/** Magento's date format in REST answers and filters: UTC `Y-m-d H:i:s`. */
export const magentoTime = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

/** A money amount as Magento writes it in JSON: a number with at most 4 decimals (computed with big.js). */
export const moneyNumber = (value: Big | string | number): number => Number(new Big(value).round(4).toString());

/** A JSON number from a client as big.js, converted at the edge (never float arithmetic). */
export const bigOf = (value: unknown): Big =>
  new Big(typeof value === 'number' || typeof value === 'string' ? String(value) : 0);

export type Json = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const numberOf = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);

/** A scalar as text ('' for objects, null and undefined). */
export const textOf = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
