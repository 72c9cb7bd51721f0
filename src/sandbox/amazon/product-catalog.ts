import type { SeededRandom } from './seeded-random.js';

export interface CatalogProduct {
  asin: string;
  title: string;
  /** Typical price in USD-like units; converted per currency by the generator. */
  basePrice: number;
  sku: string;
  /** Needs transparency codes when shipped. */
  transparency?: boolean;
}

const P = (asin: string, sku: string, basePrice: number, title: string, transparency = false): CatalogProduct => ({
  asin,
  sku,
  basePrice,
  title,
  transparency,
});

export const PRODUCTS: readonly CatalogProduct[] = [
  P('B08N5WRWNW', 'ECHO-DOT-4-CHARCOAL', 29.99, 'Echo Dot (4th Gen) | Smart speaker with Alexa | Charcoal', true),
  P('B07XJ8C8F5', 'usb-c cable 2m/2pk', 12.99, 'USB-C Charging Cable 2 m, braided (2-pack)'),
  P('B09B8V1LZ3', 'BOTTLE-750-SS', 24.5, 'Stainless Steel Water Bottle 750 ml – Vacuum Insulated'),
  P('B0C1234567', 'TEA_GREEN_100', 8.49, 'Organic Green Tea, 100 bags'),
  P('B01N1UUKPJ', 'LEGO-10698', 54.99, 'LEGO Classic Large Creative Brick Box 10698', true),
  P('B07PGL2ZSL', 'KPW-COVER-BLK', 34.99, 'Kindle Paperwhite Leather Cover – Black'),
  P('B0BSHF7WHW', 'CHAIR-ERGO-01', 219, 'Ergonomic Office Chair with Lumbar Support'),
  P('B08L5TNJHG', 'HP-NC-BT53', 129.99, 'Noise Cancelling Headphones, Bluetooth 5.3'),
  P('B00FLYWNYQ', 'SKILLET 26CM', 39.9, 'Cast Iron Skillet 26 cm, pre-seasoned'),
  P('B09XYZ1234', 'SHOE-AIRZ-44', 89.95, 'Men\'s Running Shoes "Air Zoom" – Size 44 EU'),
  P('B0C9K5L7M2', 'BOARD-BAMBOO-3', 27.49, 'Bamboo Cutting Board Set (3 pieces)'),
  P('B07ZPKN6YR', 'PAPER-A4-80G-5X500', 29.99, 'A4 Printer Paper 80 g/m², 500 sheets × 5 reams'),
  P('B0D1ABCDEF', '9780241003008', 9.99, "Children's Picture Book: The Very Hungry Caterpillar (Hardcover)"),
  P('B0CHX1W1XY', 'CASE-IP15-CLR', 15.99, 'Phone Case for iPhone 15 – Clear, MagSafe compatible'),
  P('B08KTZ8249', 'BITSET-100', 32.5, 'Screwdriver Bit Set 100 pcs with Case'),
  P('B0CJP00001', 'JP-MATCHA-200', 19.8, '抹茶 パウダー 200g 国産 有機'),
  P('B0CJP00002', 'JP-TOWEL-IMABARI', 24, '今治タオル フェイスタオル 3枚セット'),
];

/**
 * SKU spellings sellers really use: plain, suffixed, lower case with spaces, slashes, 40 characters.
 * Importers map SKUs to store products, so odd ones must come through untouched.
 */
export function pickSku(rng: SeededRandom, product: CatalogProduct, country: string): string {
  const roll = rng.next();
  if (roll < 0.6) return product.sku;
  if (roll < 0.75) return `${product.sku}-${country}`;
  if (roll < 0.85) return product.sku.toLowerCase().replace(/-/g, ' ');
  if (roll < 0.92) return `FBA/${product.sku}`;
  return `${product.sku}-VARIANT-${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 40)}`.slice(0, 40);
}

/** Per-currency factor from the USD-like base price, and the rounding step in minor units. */
export const PRICE_FACTORS: Readonly<Record<string, { factor: number; step: number }>> = {
  USD: { factor: 1, step: 1 },
  CAD: { factor: 1.35, step: 1 },
  EUR: { factor: 0.95, step: 1 },
  GBP: { factor: 0.8, step: 1 },
  JPY: { factor: 150, step: 10 },
  INR: { factor: 85, step: 100 },
  SEK: { factor: 10.5, step: 100 },
  PLN: { factor: 4, step: 1 },
};
