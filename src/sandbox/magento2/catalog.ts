import { PRODUCTS } from '../amazon/product-catalog.js';

/** A product to seed the store with. `children` makes it a configurable parent of simple children. */
export interface MagentoProductSeed {
  sku: string;
  name: string;
  /** Net catalogue price in the base currency, e.g. "28.49" (Magento's default: prices exclude tax). */
  price: string;
  /** Default `simple`; `configurable` needs `children`. */
  typeId?: 'simple' | 'virtual' | 'configurable';
  /** Quantity in source `default` (default 100; ignored for a configurable parent). */
  quantity?: number;
  /** Value of the `ean` custom attribute. */
  ean?: string;
  /** More custom attributes (codes must be attributes of the store, see product-attributes.ts). */
  customAttributes?: Record<string, string>;
  weight?: number;
  children?: MagentoProductSeed[];
}

/** EAN-13 with a valid check digit. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** SKUs of the Amazon catalogue that the default store sells as children of a configurable parent. */
const CHILDREN_OF: Readonly<Record<string, { parentSku: string; parentName: string }>> = {
  'SHOE-AIRZ-44': { parentSku: 'SHOE-AIRZ', parentName: 'Running Shoes "Air Zoom"' },
  'CASE-IP15-CLR': { parentSku: 'CASE-IP15', parentName: 'Phone Case for iPhone 15' },
};

/**
 * The default catalogue: every SKU of the Amazon sandbox catalogue (so generated Amazon orders match),
 * 100 each in source `default`, an EAN-13 in the `ean` attribute and `MPN-<ASIN>` in `mpn`; two of them
 * are the simple children of a configurable parent (whose SKU Amazon never sells).
 */
export function defaultMagentoCatalog(): MagentoProductSeed[] {
  const seeds: MagentoProductSeed[] = [];
  const parents = new Map<string, MagentoProductSeed>();
  PRODUCTS.forEach((p, i) => {
    const seed: MagentoProductSeed = {
      sku: p.sku,
      name: p.title,
      price: (Math.round(p.basePrice * 95) / 100).toFixed(2),
      quantity: 100,
      ean: ean13(`40${String(1000000000 + i * 7919).slice(-10)}`),
      customAttributes: { mpn: `MPN-${p.asin}` },
      weight: 1,
    };
    const parent = CHILDREN_OF[p.sku];
    if (!parent) return void seeds.push(seed);
    let parentSeed = parents.get(parent.parentSku);
    if (!parentSeed) {
      parentSeed = {
        sku: parent.parentSku,
        name: parent.parentName,
        price: seed.price,
        typeId: 'configurable',
        children: [],
      };
      parents.set(parent.parentSku, parentSeed);
      seeds.push(parentSeed);
    }
    parentSeed.children?.push(seed);
  });
  return seeds;
}
