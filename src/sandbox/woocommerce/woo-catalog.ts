import { PRODUCTS } from '../amazon/product-catalog.js';
import { SeededRandom } from '../amazon/seeded-random.js';

/** A product to seed the store with; `variations` makes it a variable product. */
export interface WooProductSeed {
  name: string;
  /** '' = no SKU. */
  sku: string;
  /** Net regular price in the store currency, e.g. "28.49". */
  price: string;
  /** null = stock not managed (always "instock"). */
  stock: number | null;
  globalUniqueId?: string;
  taxClass?: string;
  meta?: Record<string, unknown>;
  attributes?: Record<string, string[]>;
  variations?: WooVariationSeed[];
}

export interface WooVariationSeed {
  sku: string;
  price: string;
  stock: number | null;
  globalUniqueId?: string;
  meta?: Record<string, unknown>;
  /** e.g. { Size: 'M' } */
  attributes: Record<string, string>;
}

/** EAN-13 with a valid check digit. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/**
 * The default catalogue: every SKU of the Amazon sandbox catalogue (so generated Amazon orders
 * match), half of them with a GTIN in `global_unique_id`, MPNs in meta `_mpn`, a Germanized-style
 * `_ts_gtin` on a few, one book in the reduced tax class, one product without stock management and
 * one variable T-shirt whose sizes are variations.
 */
export function defaultCatalog(seed: number): WooProductSeed[] {
  const rng = new SeededRandom(seed).fork('woo-catalog');
  const simple = PRODUCTS.map((p, i): WooProductSeed => {
    const gtin = ean13(`40${rng.digits(10)}`);
    const meta: Record<string, unknown> = { _mpn: `MPN-${p.asin}` };
    if (i % 4 === 1) meta._ts_gtin = gtin;
    return {
      name: p.title,
      sku: p.sku,
      price: (Math.round(p.basePrice * 0.95 * 100) / 100).toFixed(2),
      stock: p.sku.startsWith('PAPER-') ? null : rng.int(5, 60),
      ...(i % 2 === 0 ? { globalUniqueId: gtin } : {}),
      ...(p.sku === '9780241003008' ? { taxClass: 'reduced-rate' } : {}),
      meta,
      attributes: { Brand: [i % 3 === 0 ? 'Acme' : 'Globex'] },
    };
  });
  const sizes = ['S', 'M', 'L'];
  const tshirt: WooProductSeed = {
    name: 'Organic Cotton T-Shirt',
    sku: 'TSHIRT-ORG',
    price: '19.90',
    stock: null,
    meta: { _mpn: 'TS-ORG' },
    attributes: { Size: sizes },
    variations: sizes.map((size, i) => ({
      sku: `TSHIRT-ORG-${size}`,
      price: '19.90',
      stock: [12, 25, 0][i] ?? 0,
      ...(size === 'M' ? { globalUniqueId: ean13('405000000001') } : {}),
      meta: { _mpn: `TS-ORG-${size}` },
      attributes: { Size: size },
    })),
  };
  return [...simple, tshirt];
}
