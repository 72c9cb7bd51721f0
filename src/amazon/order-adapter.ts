import type { z } from 'zod';
import {
  AMAZON_ORDER_STATUSES,
  type AmazonAddress,
  type AmazonOrder,
  type AmazonOrderItem,
  type AmazonOrderStatus,
} from '../domain/amazon-order.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { adaptItemMoney } from './item-money-adapter.js';
import { orderSchema, type RawItem, type RawOrder } from './order-schema.js';

/**
 * Orders API v2026-01-01 order → OrderBridge's version-neutral AmazonOrder. A malformed order or an
 * unknown status fails with a specific error for that order only; unknown programs or money types
 * are kept or counted as "other", with a warning.
 */
export function adaptOrder(raw: unknown): Result<AmazonOrder> {
  const parsed = orderSchema.safeParse(raw);
  if (!parsed.success) return err(malformed(raw, parsed.error));
  const o = parsed.data;
  const warnings: string[] = [];
  const status = o.fulfillment?.fulfillmentStatus;
  if (status === undefined)
    return err(
      orderError(
        o.orderId,
        'amazon_order_malformed',
        'fulfillment.fulfillmentStatus is missing (ask Amazon with includedData=FULFILLMENT)',
      ),
    );
  if (!AMAZON_ORDER_STATUSES.includes(status as AmazonOrderStatus)) {
    return err(
      orderError(
        o.orderId,
        'amazon_order_unknown_status',
        `Amazon sent the unknown order status "${status}"; the order is kept with this error until OrderBridge knows it`,
      ),
    );
  }
  const fulfilledBy = o.fulfillment?.fulfilledBy;
  if (fulfilledBy !== 'MERCHANT' && fulfilledBy !== 'AMAZON')
    warnings.push(`fulfilledBy "${fulfilledBy ?? '(missing)'}" treated as MERCHANT`);
  const programs = o.programs ?? [];
  const replaced = o.associatedOrders?.find((a) => a.associationType === 'REPLACEMENT_ORIGINAL_ID');
  const buyerTax = o.tax?.taxRegistrations?.find((t) => t.entityType === 'BUYER');
  return ok({
    amazonOrderId: o.orderId,
    sellerOrderId: o.orderAliases?.find((a) => a.aliasType === 'SELLER_ORDER_ID')?.aliasId ?? null,
    marketplaceId: o.salesChannel.marketplaceId ?? '',
    marketplaceName: o.salesChannel.marketplaceName ?? null,
    createdTime: new Date(o.createdTime).toISOString(),
    lastUpdatedTime: new Date(o.lastUpdatedTime).toISOString(),
    status: status as AmazonOrderStatus,
    fulfillmentChannel: fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
    serviceLevel: o.fulfillment?.fulfillmentServiceLevel ?? null,
    currency: currencyOf(o, raw),
    amazonTotal: o.proceeds?.grandTotal?.amount ?? null,
    programs,
    isPrime: programs.includes('PRIME'),
    isBusiness: programs.includes('AMAZON_BUSINESS'),
    isReplacement: replaced !== undefined,
    replacedOrderId: replaced?.orderId ?? null,
    paymentMethod: o.payment?.paymentExecutions?.[0]?.paymentMethod ?? null,
    earliestShipDate: o.fulfillment?.shipByWindow?.earliestDateTime ?? null,
    latestShipDate: o.fulfillment?.shipByWindow?.latestDateTime ?? null,
    earliestDeliveryDate: o.fulfillment?.deliverByWindow?.earliestDateTime ?? null,
    latestDeliveryDate: o.fulfillment?.deliverByWindow?.latestDateTime ?? null,
    buyer: o.buyer
      ? {
          name: o.buyer.buyerName ?? null,
          email: o.buyer.buyerEmail ?? null,
          companyName: o.buyer.buyerCompanyName ?? null,
          purchaseOrderNumber: o.buyer.buyerPurchaseOrderNumber ?? null,
          taxRegistrationId: buyerTax?.taxRegistrationNumber ?? null,
          taxRegistrationType: buyerTax?.taxRegistrationType ?? null,
        }
      : null,
    shippingAddress: o.recipient?.deliveryAddress ? adaptAddress(o.recipient.deliveryAddress) : null,
    items: o.orderItems.map((i) => adaptItem(i, warnings)),
    warnings,
  });
}

function adaptItem(i: RawItem, warnings: string[]): AmazonOrderItem {
  const scheme =
    i.tax?.taxCalculationBreakdowns?.map((b) => b.reportingScheme).find((s) => s === 'IOSS' || s === 'UOSS') ?? null;
  const cancelledBy = i.cancellation?.cancellationExecution?.cancelledBy;
  const gift = i.fulfillment?.packing?.giftOption;
  return {
    orderItemId: i.orderItemId,
    asin: i.product.asin ?? null,
    sellerSku: i.product.sellerSku ?? null,
    title: i.product.title ?? null,
    quantityOrdered: i.quantityOrdered,
    quantityShipped: i.fulfillment?.quantityFulfilled ?? 0,
    unitPrice: i.product.price?.unitPrice?.amount ?? null,
    money: adaptItemMoney(i, warnings),
    taxCollectedByAmazon:
      scheme !== null || (i.tax?.taxCollections ?? []).some((c) => c.model === 'MARKETPLACE_FACILITATOR'),
    taxReportingScheme: scheme,
    iossNumber: i.fulfillment?.shipping?.internationalShipping?.iossNumber || null,
    promotionIds: (i.promotion?.breakdowns ?? []).map((p) => p.promotionId).filter((p): p is string => Boolean(p)),
    buyerCancelRequested: i.cancellation?.cancellationRequest !== undefined,
    buyerCancelReason: i.cancellation?.cancellationRequest?.cancelReason ?? null,
    cancelledBy: cancelledBy === 'BUYER' || cancelledBy === 'MERCHANT' || cancelledBy === 'AMAZON' ? cancelledBy : null,
    isGift: gift !== undefined,
    giftMessage: gift?.giftMessage ?? null,
    giftWrapLevel: gift?.giftWrapLevel ?? null,
    condition: i.product.condition?.conditionType ?? null,
    conditionNote: i.product.condition?.conditionNote ?? null,
    priceDesignation: i.product.price?.priceDesignation ?? null,
    serialNumbers: i.product.serialNumbers ?? [],
  };
}

function adaptAddress(a: NonNullable<NonNullable<RawOrder['recipient']>['deliveryAddress']>): AmazonAddress {
  const v = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s);
  const type = a.addressType?.toUpperCase();
  return {
    name: v(a.name),
    companyName: v(a.companyName),
    addressLine1: v(a.addressLine1),
    addressLine2: v(a.addressLine2),
    addressLine3: v(a.addressLine3),
    city: v(a.city),
    districtOrCounty: v(a.districtOrCounty),
    stateOrRegion: v(a.stateOrRegion),
    municipality: v(a.municipality),
    postalCode: v(a.postalCode),
    countryCode: v(a.countryCode),
    phone: v(a.phone),
    addressType: type === 'RESIDENTIAL' || type === 'COMMERCIAL' ? type : null,
  };
}

/** grandTotal's currency, else the first Money anywhere in the order (document order), else null. */
function currencyOf(o: RawOrder, raw: unknown): string | null {
  return o.proceeds?.grandTotal?.currencyCode ?? firstCurrency(raw, 0);
}

function firstCurrency(value: unknown, depth: number): string | null {
  if (value === null || typeof value !== 'object' || depth > 12) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.currencyCode === 'string' && typeof record.amount === 'string') return record.currencyCode;
  for (const child of Array.isArray(value) ? value : Object.values(record)) {
    const found = firstCurrency(child, depth + 1);
    if (found) return found;
  }
  return null;
}

function malformed(raw: unknown, error: z.ZodError): AppError {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const id = (raw as { orderId?: unknown } | null)?.orderId;
  const where = issues.map((i) => `${i.path || '(order)'}: ${i.message}`).join('; ');
  return new AppError(
    'amazon_order_malformed',
    `Amazon order ${typeof id === 'string' ? id : '(no id)'} is malformed: ${where}`,
    {
      kind: 'upstream',
      retryable: false,
      details: { issues },
    },
  );
}

function orderError(orderId: string, code: string, message: string): AppError {
  return new AppError(code, `Amazon order ${orderId}: ${message}`, {
    kind: 'upstream',
    retryable: false,
    details: { orderId },
  });
}
