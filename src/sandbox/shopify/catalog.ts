import { PRICE_FACTORS, PRODUCTS } from '../amazon/product-catalog.js';
import { minorUnits } from '../../domain/money.js';
import { ean13 } from '../woocommerce/woo-catalog.js';

/**
 * One variant to seed the shop with. Seeds with the same `title` become variants of one product
 * (`variantTitle` tells them apart), like a merchant's T-shirt in three sizes.
 */
export interface ShopifyProductSeed {
  title: string;
  sku: string;
  /** Decimal string in the shop currency. */
  price: string;
  /** `available` at the primary location; default 100. */
  stock?: number;
  barcode?: string | null;
  variantTitle?: string;
  /** DENY (default) refuses DECREMENT_OBEYING_POLICY orders beyond stock. */
  inventoryPolicy?: 'DENY' | 'CONTINUE';
  metafields?: { namespace: string; key: string; type?: string; value: string }[];
}

/**
 * The default catalogue: every SKU of the Amazon sandbox catalogue (so generated Amazon orders match),
 * 100 in stock each, an EAN-13 barcode and a variant metafield `custom.mpn`, plus one T-shirt with
 * three size variants.
 */
export function defaultShopifyCatalog(currency = 'EUR'): ShopifyProductSeed[] {
  const factor = PRICE_FACTORS[currency]?.factor ?? 1;
  const decimals = minorUnits(currency);
  const simple = PRODUCTS.map((p, i): ShopifyProductSeed => ({
    title: p.title,
    sku: p.sku,
    price: (p.basePrice * factor).toFixed(decimals),
    stock: 100,
    barcode: ean13(`40${String(1000000000 + i * 7919).slice(0, 10)}`),
    metafields: [{ namespace: 'custom', key: 'mpn', type: 'single_line_text_field', value: `MPN-${p.asin}` }],
  }));
  const sizes = ['S', 'M', 'L'].map((size): ShopifyProductSeed => ({
    title: 'Organic Cotton T-Shirt',
    variantTitle: size,
    sku: `TSHIRT-ORG-${size}`,
    price: currency === 'JPY' ? '2990' : '19.90',
    stock: 100,
    barcode: null,
    metafields: [{ namespace: 'custom', key: 'mpn', value: `TS-ORG-${size}` }],
  }));
  return [...simple, ...sizes];
}
