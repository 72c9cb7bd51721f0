import type { ItemFulfillment, ItemProduct, OrderItem } from '@sp-api-sdk/orders-api-2026-01-01';
import { drawCharges, isHighValue, jpPoints, localPrice } from './item-charges.js';
import { buildItemProceeds, type ItemCharges } from './item-money.js';
import type { MarketplaceInfo } from './marketplace-catalog.js';
import { toMoney } from './money-math.js';
import { newOrderItemId } from './order-ids.js';
import { itemTaxBlock, type OrderFeatures } from './order-features.js';
import { PRODUCTS, pickSku, type CatalogProduct } from './product-catalog.js';
import type { SeededRandom } from './seeded-random.js';

/** What a caller may fix for one line (createOrder); everything else is generated. */
export interface ItemSpec {
  sellerSku?: string;
  asin?: string;
  title?: string;
  quantity?: number;
  unitPrice?: string;
}

export interface ItemContext {
  rng: SeededRandom;
  mp: MarketplaceInfo;
  f: OrderFeatures;
  lines: number;
  /** At least this many units in the order (a partially shipped order needs two). */
  minUnits: number;
  specs: readonly ItemSpec[];
}

const QUANTITIES: readonly (readonly [number, number])[] = [
  [1, 70],
  [2, 18],
  [3, 7],
  [4, 2],
  [5, 1],
  [6, 1],
  [10, 1],
];
const GIFT_MESSAGES = [
  'Happy birthday! 🎂',
  'Alles Gute zum Geburtstag!',
  'お誕生日おめでとう',
  'Joyeux Noël — bisous',
];
const CONDITION_NOTES = ['Minor scuff on the box', 'Like new, opened once', 'Cover slightly worn'];
const JP_PRODUCTS = PRODUCTS.filter((p) => p.sku.startsWith('JP-'));
const OTHER_PRODUCTS = PRODUCTS.filter((p) => !p.sku.startsWith('JP-'));

export function generateItems(ctx: ItemContext): OrderItem[] {
  const used = new Set<string>();
  const specs = [...ctx.specs];
  // A partially shipped order needs two units; the first line gets them unless the caller fixed it.
  const needsMore = ctx.minUnits > 1 && ctx.lines === 1 && specs[0]?.quantity === undefined;
  if (needsMore) specs[0] = { ...specs[0], quantity: ctx.rng.int(2, 3) };
  return Array.from({ length: ctx.lines }, (_, i) => generateItem({ ...ctx, specs }, i, used));
}

function generateItem(ctx: ItemContext, index: number, used: Set<string>): OrderItem {
  const { rng, mp, f } = ctx;
  const spec = ctx.specs[index] ?? {};
  const cur = mp.currency;
  const product = rng.pick(mp.country === 'JP' && rng.chance(0.4) ? JP_PRODUCTS : OTHER_PRODUCTS);
  const quantity = spec.quantity ?? rng.weighted(QUANTITIES);
  const unitPrice = f.replacement
    ? toMoney('0', cur).amount
    : (spec.unitPrice ?? localPrice(rng, product.basePrice, cur));
  let orderItemId = newOrderItemId(rng);
  while (used.has(orderItemId)) orderItemId = newOrderItemId(rng);
  used.add(orderItemId);
  const charges = drawCharges(rng, mp, f, { index, unitPrice, quantity });
  const promotionIds = [
    ...(charges.promotionDiscount ? [`PLM_${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10)}`] : []),
    ...(charges.shippingDiscount ? [`Core Free Shipping ${rng.digits(8)}`] : []),
  ];
  const tax = itemTaxBlock(f.taxCollection);
  const programs = product.transparency ? ['TRANSPARENCY'] : rng.chance(0.03) ? ['SUBSCRIBE_AND_SAVE'] : null;
  return {
    orderItemId,
    quantityOrdered: quantity,
    ...(rng.chance(0.03) ? { measurement: { unit: 'KILOGRAMS', value: 0.5 } } : {}),
    ...(programs ? { programs } : {}),
    product: buildProduct(ctx, spec, product, unitPrice, quantity),
    proceeds: buildItemProceeds(charges),
    ...(mp.country === 'JP' && !f.replacement && rng.chance(0.5) ? { expense: jpPoints(unitPrice, quantity) } : {}),
    ...(promotionIds.length > 0
      ? { promotion: { breakdowns: promotionIds.map((promotionId) => ({ promotionId })) } }
      : {}),
    fulfillment: buildFulfillment(ctx, charges, quantity),
    ...(tax ? { tax } : {}),
  };
}

function buildProduct(
  ctx: ItemContext,
  spec: ItemSpec,
  product: CatalogProduct,
  unitPrice: string,
  quantity: number,
): ItemProduct {
  const { rng, mp, f } = ctx;
  const condition = rng.weighted([
    ['NEW', 90],
    ['USED', 8],
    ['REFURBISHED', 2],
  ] as const);
  const subtype = condition === 'USED' ? rng.pick(['VERY_GOOD', 'GOOD', 'ACCEPTABLE']) : condition;
  return {
    asin: spec.asin ?? product.asin,
    title: spec.title ?? product.title,
    sellerSku: spec.sellerSku ?? pickSku(rng, product, mp.country),
    condition:
      condition === 'NEW'
        ? { conditionType: 'NEW', conditionSubtype: 'NEW' }
        : { conditionType: condition, conditionSubtype: subtype, conditionNote: rng.pick(CONDITION_NOTES) },
    price: {
      unitPrice: toMoney(unitPrice, mp.currency),
      ...(f.business && rng.chance(0.5) ? { priceDesignation: 'BUSINESS_PRICE' } : {}),
    },
    ...(f.afn && rng.chance(0.3)
      ? { serialNumbers: Array.from({ length: Math.min(quantity, 20) }, () => `SN${rng.digits(10)}`) }
      : {}),
    ...(rng.chance(0.02)
      ? { customization: { customizedUrl: `https://zme-caps.amazon.com/t/${rng.chars('abcdef0123456789', 12)}` } }
      : {}),
  };
}

function buildFulfillment(ctx: ItemContext, charges: ItemCharges, quantity: number): ItemFulfillment {
  const { rng, mp, f } = ctx;
  const gift = charges.giftWrap !== undefined || rng.chance(0.02);
  const signature = isHighValue(charges.unitPrice, quantity, mp.currency) && rng.chance(0.5);
  const constraints = {
    ...(signature ? { signatureConfirmation: 'MANDATORY' as const } : {}),
    ...(f.cod ? { cashOnDelivery: 'MANDATORY' as const } : {}),
  };
  const giftOption = {
    giftMessage: rng.pick(GIFT_MESSAGES),
    ...(charges.giftWrap === undefined ? {} : { giftWrapLevel: rng.pick(['STANDARD', 'PREMIUM']) }),
  };
  const shipping = {
    ...(signature || f.cod ? { shippingConstraints: constraints } : {}),
    ...(f.taxCollection === 'IOSS' ? { internationalShipping: { iossNumber: 'IM4420001201' } } : {}),
  };
  return {
    quantityFulfilled: 0,
    quantityUnfulfilled: quantity,
    ...(gift ? { packing: { giftOption } } : {}),
    ...(Object.keys(shipping).length > 0 ? { shipping } : {}),
  };
}
