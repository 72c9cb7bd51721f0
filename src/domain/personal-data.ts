import type { AmazonAddress, AmazonBuyer } from './amazon-order.js';

/**
 * Buyer personal data of an order (Amazon's data-protection policy): what counts as personal,
 * how an order looks without it, and how copies of it are blanked out in other texts.
 */

/** What replaces a personal value found in a copy (timeline payloads, webhook bodies, errors…). */
export const REMOVED = '[removed]';

/** Shorter values ("DE", "5") are not searched for in copies: they would match unrelated text. */
const MIN_SEARCHED_LENGTH = 4;

const ADDRESS_PERSONAL: readonly (keyof AmazonAddress)[] = [
  'name',
  'companyName',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'districtOrCounty',
  'municipality',
  'postalCode',
  'phone',
];
const BUYER_PERSONAL: readonly (keyof AmazonBuyer)[] = [
  'name',
  'email',
  'companyName',
  'purchaseOrderNumber',
  'taxRegistrationId',
];

/** Keys of Amazon's order JSON (v2026 and older models) whose whole value is personal. */
const RAW_PERSONAL_KEYS = new Set([
  'buyer',
  'recipient',
  'buyerInfo',
  'BuyerInfo',
  'shippingAddress',
  'ShippingAddress',
  'deliveryAddress',
  'DefaultShipFromLocationAddress',
  'buyerTaxInformation',
  'BuyerTaxInformation',
  'giftMessage',
  'GiftMessageText',
  'giftMessageText',
]);

export interface PersonalDataHolder {
  buyer: AmazonBuyer | null;
  shippingAddress: AmazonAddress | null;
  raw: unknown;
  /** Line data (`data_json`), where gift messages live. */
  lineData: Record<string, unknown>[];
}

/** Every personal value of the order, to find its copies elsewhere. */
export function personalValues(order: PersonalDataHolder): string[] {
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.trim().length >= MIN_SEARCHED_LENGTH) found.add(value);
  };
  for (const key of BUYER_PERSONAL) add(order.buyer?.[key]);
  for (const key of ADDRESS_PERSONAL) add(order.shippingAddress?.[key]);
  for (const data of order.lineData) add(giftOf(data)?.message);
  collectPersonalRaw(order.raw, false, add);
  return [...found].sort((a, b) => b.length - a.length); // longest first: a name inside an address goes too
}

function collectPersonalRaw(value: unknown, personal: boolean, add: (value: unknown) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) collectPersonalRaw(v, personal, add);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const buyerTax = record.entityType === 'BUYER';
    for (const [key, v] of Object.entries(record)) {
      if (isCountryOrType(key)) continue;
      collectPersonalRaw(v, personal || buyerTax || RAW_PERSONAL_KEYS.has(key), add);
    }
  } else if (personal) add(value);
}

const isCountryOrType = (key: string): boolean => /countryCode|addressType|entityType|Type$/i.test(key);

/** The address kept after the purge: only the country (reports by country still add up). */
export function purgedAddress(address: AmazonAddress | null): AmazonAddress | null {
  if (!address) return null;
  const blank = Object.fromEntries(Object.keys(address).map((k) => [k, null])) as unknown as AmazonAddress;
  return { ...blank, countryCode: address.countryCode };
}

/** Amazon's order JSON without the buyer, the recipient, buyer tax registrations and gift messages. */
export function purgedRaw(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((v) => !(v !== null && typeof v === 'object' && (v as Record<string, unknown>).entityType === 'BUYER'))
      .map(purgedRaw);
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !RAW_PERSONAL_KEYS.has(key))
      .map(([key, v]) => [key, purgedRaw(v)]),
  );
}

/** A line's data without its gift message (whether it was a gift and its wrap level stay). */
export function purgedLineData(data: Record<string, unknown>): Record<string, unknown> {
  const gift = giftOf(data);
  return gift && gift.message !== null && gift.message !== undefined
    ? { ...data, gift: { ...gift, message: null } }
    : data;
}

function giftOf(data: Record<string, unknown>): Record<string, unknown> | null {
  const gift = data.gift;
  return gift !== null && typeof gift === 'object' ? (gift as Record<string, unknown>) : null;
}

/** `text` with every personal value (as written, and as escaped inside JSON) replaced by REMOVED. */
export function blankPersonalValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) {
    const escaped = JSON.stringify(value).slice(1, -1);
    out = out.split(value).join(REMOVED);
    if (escaped !== value) out = out.split(escaped).join(REMOVED);
  }
  return out;
}
