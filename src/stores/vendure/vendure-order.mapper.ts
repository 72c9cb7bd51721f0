import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import { sum } from '../../domain/money.js';
import type { StoreAddress, StoreOrderCharge, StoreOrderDraft } from '../store-connector.js';
import { toMinor, toTaxRate } from './vendure-money.mapper.js';

/** What the creator sends to Vendure for one draft; every amount already in minor units. */
export interface VendureOrderPlan {
  orderFields: Record<string, string | number | boolean | null>;
  lines: {
    productVariantId: string;
    quantity: number;
    customFields: Record<string, string | number | boolean | null>;
  }[];
  customer: { firstName: string; lastName: string; emailAddress: string; phoneNumber?: string };
  /** null when Amazon gave no country (restricted PII): the order then has no address. */
  shippingAddress: Record<string, string> | null;
  billingAddress: Record<string, string> | null;
  charges: { sku: string; description: string; priceWithTax: number; taxRate: number }[];
  totalWithTax: number;
  notes: string[];
}

function address(a: StoreAddress): Record<string, string> | null {
  if (a.countryCode.trim() === '') return null;
  const out: Record<string, string> = {
    fullName: a.name,
    streetLine1: a.line1,
    city: a.city,
    countryCode: a.countryCode,
  };
  const street2 = [a.line2, a.line3].filter((s): s is string => Boolean(s)).join(', ');
  if (street2) out.streetLine2 = street2;
  if (a.company) out.company = a.company;
  if (a.stateOrRegion) out.province = a.stateOrRegion;
  if (a.postalCode) out.postalCode = a.postalCode;
  if (a.phone) out.phoneNumber = a.phone;
  return out;
}

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: 'Amazon', lastName: 'Customer' };
  if (parts.length === 1) return { firstName: parts[0] ?? '', lastName: parts[0] ?? '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] ?? '' };
}

function unlinked(draft: StoreOrderDraft, titles: string[]): AppError {
  return new AppError(
    'vendure_unlinked_line',
    `Order ${draft.amazonOrderId} has lines without a Vendure product (${titles.join(', ')}); Vendure orders can only hold product variants. Link the SKUs and retry.`,
    { kind: 'invalid', retryable: false, details: { amazonOrderId: draft.amazonOrderId, lines: titles } },
  );
}

/**
 * Draft → Vendure inputs. Lines carry Amazon's gross unit price (the plugin's price strategy uses
 * it) and tax rate; shipping charges become Order.orderBridgeShippingPrice (the plugin's shipping
 * calculator); every other charge becomes an OrderBridge surcharge. Unlinked lines are refused.
 */
export function planOrder(draft: StoreOrderDraft): Result<VendureOrderPlan> {
  const cur = draft.currency;
  const missing = draft.items.filter((i) => i.productRef === null).map((i) => i.sku ?? i.title);
  if (missing.length > 0) return err(unlinked(draft, missing));
  const lines: VendureOrderPlan['lines'] = [];
  for (const item of draft.items) {
    const unit = toMinor(item.unitGross, cur);
    if (!unit.ok) return unit;
    lines.push({
      productVariantId: item.productRef ?? '',
      quantity: item.quantity,
      customFields: {
        amazonOrderItemId: item.orderItemId,
        orderBridgeUnitPrice: unit.value,
        orderBridgeUnitPriceIncludesTax: true,
        orderBridgeTaxRate: toTaxRate(item.taxRate),
      },
    });
  }
  const shipping = draft.charges.filter((c) => c.kind === 'shipping');
  const shippingGross = toMinor(sum(shipping.map((c) => c.gross)), cur);
  if (!shippingGross.ok) return shippingGross;
  const charges = planCharges(
    draft.charges.filter((c) => c.kind !== 'shipping'),
    cur,
  );
  if (!charges.ok) return charges;
  const total = toMinor(draft.totals.gross, cur);
  if (!total.ok) return total;
  const email = draft.customer.email.trim() || `${draft.amazonOrderId}@marketplace.amazon.invalid`;
  const phone = draft.customer.phone ?? draft.shippingAddress.phone;
  return ok({
    orderFields: {
      orderBridgeOrderId: draft.orderId,
      amazonOrderId: draft.amazonOrderId,
      orderBridgeShippingPrice: shippingGross.value,
      orderBridgeShippingTaxRate: toTaxRate(shipping[0]?.taxRate ?? null) ?? 0,
      orderBridgeLowerStock: draft.lowerStock !== false,
    },
    lines,
    customer: { ...splitName(draft.customer.name), emailAddress: email, ...(phone ? { phoneNumber: phone } : {}) },
    shippingAddress: address(draft.shippingAddress),
    billingAddress: address(draft.billingAddress),
    charges: charges.value,
    totalWithTax: total.value,
    notes: draft.notes.filter((n) => n.trim() !== ''),
  });
}

function planCharges(charges: StoreOrderCharge[], currency: string): Result<VendureOrderPlan['charges']> {
  const out: VendureOrderPlan['charges'] = [];
  for (const c of charges) {
    const gross = toMinor(c.gross, currency);
    if (!gross.ok) return gross;
    if (gross.value === 0) continue;
    out.push({ sku: c.kind, description: c.title, priceWithTax: gross.value, taxRate: toTaxRate(c.taxRate) ?? 0 });
  }
  return ok(out);
}

/** The reconciliation surcharge that makes Vendure's total equal Amazon's (null when equal). */
export function reconciliation(expected: number, actual: number): VendureOrderPlan['charges'][number] | null {
  const diff = expected - actual;
  if (diff === 0) return null;
  return { sku: 'reconciliation', description: 'Amazon total reconciliation', priceWithTax: diff, taxRate: 0 };
}
