import { createHash } from 'node:crypto';
import type { AmazonOrder } from '../domain/amazon-order.js';
import type { Connection } from '../domain/connection.js';
import type { Order, OrderFlags, OrderLine } from '../domain/order.js';
import { computeOrderMoney, type MoneyLine } from '../domain/order-money.js';
import { nextStatus } from '../domain/order-status.js';
import { cropSku } from '../domain/sku-crop.js';

export interface BuiltOrder {
  order: Omit<Order, 'id' | 'importedAt' | 'updatedAt'>;
  lines: OrderLine[];
  warnings: string[];
  illegalTransition: string | null;
}

/** Turns Amazon's order into OrderBridge's copy: status, money lines, SKU crop and links. Pure. */
export function buildOrder(
  connection: Connection,
  amazon: AmazonOrder,
  raw: unknown,
  currentStatus: string | null,
  skuLinks: Map<string, string>,
): BuiltOrder {
  const config = connection.config;
  const selected = config.orderTypes.includes(amazon.fulfillmentChannel);
  const transition = selected ? nextStatus(currentStatus as Parameters<typeof nextStatus>[0], amazon) : null;
  const status = !selected ? 'skipped' : transition?.legal ? transition.status : (currentStatus ?? 'failed');
  const money = computeOrderMoney(amazon, {
    taxIncluded: config.taxIncluded,
    ignoreAmazonTax: config.ignoreAmazonTax,
    facilitatorTax: config.facilitatorTax,
  });
  const items = new Map(amazon.items.map((i) => [i.orderItemId, i]));
  const lines = money.lines.map((m, position) => toOrderLine(m, position, items, config.skuCrop, skuLinks));
  return {
    order: {
      connectionId: connection.id,
      amazonOrderId: amazon.amazonOrderId,
      sellerOrderId: amazon.sellerOrderId,
      marketplaceId: amazon.marketplaceId,
      amazonStatus: amazon.status,
      status,
      fulfillmentChannel: amazon.fulfillmentChannel,
      createdTime: amazon.createdTime,
      lastUpdatedTime: amazon.lastUpdatedTime,
      currency: money.currency ?? amazon.currency,
      totals: { ...money.totals },
      buyer: amazon.buyer,
      shippingAddress: amazon.shippingAddress,
      flags: flagsOf(amazon),
      raw,
      contentHash: contentHash(raw, connection),
      skipReason: selected ? null : `fulfilment channel ${amazon.fulfillmentChannel} is not selected in Order types`,
      holdReason: null,
      errorCode: null,
      errorMessage: null,
      storeState: null,
      storeOrderRef: null,
    },
    lines,
    warnings: [...amazon.warnings, ...money.warnings],
    illegalTransition: transition && !transition.legal ? transition.reason : null,
  };
}

function toOrderLine(
  m: MoneyLine,
  position: number,
  items: Map<string, AmazonOrder['items'][number]>,
  rules: Connection['config']['skuCrop'],
  skuLinks: Map<string, string>,
): OrderLine {
  const item = m.orderItemId ? items.get(m.orderItemId) : undefined;
  const isItem = m.kind === 'item';
  const sku = isItem ? (item?.sellerSku ?? null) : null;
  const cropped = sku === null ? null : cropSku(sku, rules);
  return {
    amazonOrderItemId: isItem ? (m.orderItemId ?? `line-${position}`) : `${m.orderItemId ?? 'order'}:${m.kind}`,
    kind: m.kind,
    sellerSku: sku,
    croppedSku: cropped,
    asin: isItem ? (item?.asin ?? null) : null,
    title: isItem ? (item?.title ?? m.description) : m.description,
    productRef: sku === null ? null : (skuLinks.get(sku) ?? null),
    quantityOrdered: m.quantity,
    quantityShipped: isItem ? (item?.quantityShipped ?? 0) : 0,
    quantityCancelled: isItem && item?.cancelledBy ? m.quantity - (item.quantityShipped ?? 0) : 0,
    unitNet: m.unitNet,
    unitGross: m.unitGross,
    lineNet: m.lineNet,
    lineTax: m.lineTax,
    lineGross: m.lineGross,
    taxRate: m.taxRate,
    position,
    data: {
      excludedTax: m.excludedTax,
      ...(isItem && item
        ? {
            promotionIds: item.promotionIds,
            buyerCancelRequested: item.buyerCancelRequested,
            buyerCancelReason: item.buyerCancelReason,
            taxCollectedByAmazon: item.taxCollectedByAmazon,
            taxReportingScheme: item.taxReportingScheme,
            iossNumber: item.iossNumber,
            gift: item.isGift ? { message: item.giftMessage, wrapLevel: item.giftWrapLevel } : null,
            condition: item.condition,
            conditionNote: item.conditionNote,
            serialNumbers: item.serialNumbers,
          }
        : {}),
    },
  };
}

function flagsOf(a: AmazonOrder): OrderFlags {
  return {
    prime: a.isPrime,
    business: a.isBusiness,
    replacement: a.isReplacement,
    replacedOrderId: a.replacedOrderId,
    gift: a.items.some((i) => i.isGift),
    buyerCancelRequested: a.items.some((i) => i.buyerCancelRequested),
    programs: [...a.programs],
    paymentMethod: a.paymentMethod,
    serviceLevel: a.serviceLevel,
    latestShipDate: a.latestShipDate,
    latestDeliveryDate: a.latestDeliveryDate,
    iossNumbers: [...new Set(a.items.map((i) => i.iossNumber).filter((n): n is string => n !== null))],
  };
}

/** Same Amazon data + same money settings = same hash, so a re-read changes nothing. */
export function contentHash(raw: unknown, connection: Connection): string {
  const c = connection.config;
  const settings = [c.taxIncluded, c.ignoreAmazonTax, c.facilitatorTax, c.orderTypes, c.skuCrop];
  return createHash('sha256').update(canonicalJson(raw)).update(JSON.stringify(settings)).digest('hex');
}

/** Quoted object keys with their colon: an order repeats the same few dozen keys. */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 10_000;

/**
 * JSON with every object's keys sorted (UTF-16 order), so the same data hashes the same whatever
 * the key order. Written with loops, one sort per object and cached keys: it runs over every order.
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    let quoted = quotedKeys.get(key);
    if (quoted === undefined) {
      quoted = `${JSON.stringify(key)}:`;
      if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, quoted);
    }
    out += (i === 0 ? quoted : `,${quoted}`) + canonicalJson(record[key]);
  }
  return `${out}}`;
}
