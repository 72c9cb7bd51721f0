import { AppError } from '../../lib/errors.js';
import type { StoreOrderItem, StoreProduct } from '../store-connector.js';
import type { WooProduct } from './woocommerce.types.js';

/**
 * Product refs: a simple (or variable parent) product is `"<productId>"`; a variation is
 * `"<parentId>:<variationId>"`, so stock and order-line calls know both ids without a lookup.
 */
export interface WooRef {
  productId: number;
  /** 0 = not a variation. */
  variationId: number;
}

export function parseRef(ref: string): WooRef | null {
  const m = /^(\d+)(?::(\d+))?$/.exec(ref);
  if (!m) return null;
  return { productId: Number(m[1]), variationId: m[2] === undefined ? 0 : Number(m[2]) };
}

export function refOf(p: WooProduct, parentId?: number): string {
  const parent = parentId ?? p.parent_id ?? 0;
  return p.type === 'variation' && parent > 0 ? `${parent}:${p.id}` : String(p.id);
}

/** Sellable quantity: stock_quantity when WooCommerce manages stock for this product, else null. */
export const availableOf = (p: WooProduct): number | null =>
  p.manage_stock === true && typeof p.stock_quantity === 'number' ? p.stock_quantity : null;

export function toStoreProduct(p: WooProduct, parentId?: number): StoreProduct {
  return { ref: refOf(p, parentId), sku: p.sku === '' ? null : p.sku, name: p.name, available: availableOf(p) };
}

/** Meta keys plugins use for identifiers (woocommerce.md §4.4). */
const GTIN_META = [
  '_global_unique_id',
  '_ts_gtin',
  '_gtin',
  'gtin',
  '_ean',
  'ean',
  '_alg_ean',
  '_wpm_gtin_code',
  '_wc_gpf_gtin',
];
const MPN_META = ['_mpn', 'mpn', '_ts_mpn', '_wc_gpf_mpn'];

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;

function attributeValues(p: WooProduct, names: readonly string[]): string[] {
  const wanted = names.map((n) => n.toLowerCase().replace(/^pa_/, ''));
  const out: string[] = [];
  for (const a of p.attributes ?? []) {
    const name = (a.slug ?? a.name).toLowerCase().replace(/^pa_/, '');
    if (!wanted.includes(name) && !wanted.includes(a.name.toLowerCase())) continue;
    if (a.option !== undefined) out.push(a.option);
    out.push(...(a.options ?? []));
  }
  return out;
}

/**
 * The identifier values of a product for an attribute: 'gtin'/'ean' = global_unique_id plus GTIN
 * meta keys and attributes; 'mpn' = MPN meta keys and attributes; anything else = a custom code
 * read as a meta key or an attribute name/slug.
 */
export function identifierValues(p: WooProduct, attribute: string): string[] {
  const metaFor = (keys: readonly string[]): string[] =>
    p.meta_data.filter((m) => keys.includes(m.key)).flatMap((m) => text(m.value) ?? []);
  let values: string[];
  if (attribute === 'gtin' || attribute === 'ean') {
    values = [p.global_unique_id ?? '', ...metaFor(GTIN_META), ...attributeValues(p, ['gtin', 'ean'])];
  } else if (attribute === 'mpn') {
    values = [...metaFor(MPN_META), ...attributeValues(p, ['mpn'])];
  } else if (attribute === 'sku') {
    values = [p.sku];
  } else if (attribute === 'global_unique_id') {
    values = [p.global_unique_id ?? ''];
  } else {
    values = [...metaFor([attribute]), ...attributeValues(p, [attribute])];
  }
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * The error for the first item whose product ref is set but is no WooCommerce product id (e.g. a
 * SKU typed into a link): such a line must fail the delivery, never go to the store as a fee line.
 */
export function unlinkedRefError(items: readonly StoreOrderItem[]): AppError | null {
  const bad = items.find((i) => i.productRef !== null && parseRef(i.productRef) === null);
  if (!bad) return null;
  return new AppError(
    'woocommerce_product_ref_invalid',
    `SKU "${bad.sku ?? bad.orderItemId}" is linked to "${bad.productRef}", which is not a WooCommerce product id: link the SKU to a store product`,
    { kind: 'invalid', retryable: false, details: { sku: bad.sku, productRef: bad.productRef } },
  );
}
