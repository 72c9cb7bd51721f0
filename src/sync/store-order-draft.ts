import type { AmazonAddress } from '../domain/amazon-order.js';
import { customerName, buyerEmail, splitName } from '../domain/customer-names.js';
import type { Order, OrderLine } from '../domain/order.js';
import type { OrdersConfig } from '../domain/orders-config.js';
import type { StoreAddress, StoreOrderCharge, StoreOrderDraft } from '../stores/store-connector.js';

const CHARGE_KIND: Record<string, StoreOrderCharge['kind']> = {
  shipping: 'shipping',
  shipping_discount: 'discount',
  promotion: 'discount',
  gift_wrap: 'gift_wrap',
  cod_fee: 'cod_fee',
  adjustment: 'adjustment',
};

function toStoreAddress(address: AmazonAddress | null, fallbackName: string): StoreAddress {
  const name = address?.name ?? fallbackName;
  const split = splitName(name);
  return {
    name,
    firstName: split?.firstName ?? name,
    lastName: split?.lastName ?? name,
    company: address?.companyName ?? null,
    line1: address?.addressLine1 ?? '',
    line2: address?.addressLine2 ?? null,
    line3: address?.addressLine3 ?? null,
    city: address?.city ?? address?.municipality ?? '',
    district: address?.districtOrCounty ?? null,
    stateOrRegion: address?.stateOrRegion ?? null,
    postalCode: address?.postalCode ?? null,
    countryCode: address?.countryCode ?? '',
    phone: address?.phone ?? null,
  };
}

/** Charge lines are stored as `<orderItemId>:<kind>` (`order:<kind>` for the order's own). */
function chargeItemId(lineId: string): string | null {
  const cut = lineId.lastIndexOf(':');
  const item = cut > 0 ? lineId.slice(0, cut) : '';
  return item === '' || item === 'order' ? null : item;
}

export const FBA_NOTE = 'Fulfilled by Amazon (FBA): Amazon ships this order — do not ship it from the store';

/**
 * Amazon's flags as short notes for the store order (Koongo writes them as order comments). An FBA
 * order says that Amazon ships it and carries no ship-by notes: the merchant has nothing to ship.
 */
function flagNotes(order: Order, fba: boolean): string[] {
  const f = order.flags;
  const notes = [`Amazon order ${order.amazonOrderId} (${order.marketplaceId})`];
  if (fba) notes.push(FBA_NOTE);
  if (!f) return notes;
  if (f.prime) notes.push(fba ? 'Prime order' : 'Prime order: ship by the promised date');
  if (f.business)
    notes.push(
      `Amazon Business order${order.buyer?.purchaseOrderNumber ? `, PO ${order.buyer.purchaseOrderNumber}` : ''}`,
    );
  if (f.replacement) notes.push(`Replacement for Amazon order ${f.replacedOrderId ?? '?'}: no charge to the buyer`);
  if (f.gift) notes.push('Gift order');
  if (f.buyerCancelRequested) notes.push('The buyer asked Amazon to cancel this order');
  if (f.iossNumbers.length > 0) notes.push(`IOSS: ${f.iossNumbers.join(', ')} (tax collected by Amazon)`);
  if (f.latestShipDate && !fba) notes.push(`Ship by ${f.latestShipDate}`);
  return notes;
}

/**
 * The store order for one stored order: its item lines with the products found for them, the
 * charges (shipping, gift wrap, discounts, COD fee, the adjustment line), totals that equal
 * Amazon's, customer, addresses and flags. Pure: the caller has resolved the products.
 */
export function buildStoreOrderDraft(order: Order, lines: readonly OrderLine[], config: OrdersConfig): StoreOrderDraft {
  const name = customerName(order.buyer?.name ?? order.shippingAddress?.name, order.amazonOrderId);
  const shipping = toStoreAddress(order.shippingAddress, name);
  const items = lines
    .filter((l) => l.kind === 'item')
    .map((l) => ({
      orderItemId: l.amazonOrderItemId,
      productRef: l.productRef,
      sku: l.croppedSku ?? l.sellerSku,
      title: l.title,
      quantity: l.quantityOrdered,
      unitNet: l.unitNet,
      unitGross: l.unitGross,
      lineNet: l.lineNet,
      lineTax: l.lineTax,
      lineGross: l.lineGross,
      taxRate: l.taxRate,
    }));
  const charges = lines
    .filter((l) => l.kind !== 'item')
    .map((l) => ({
      kind: CHARGE_KIND[l.kind] ?? 'other',
      orderItemId: chargeItemId(l.amazonOrderItemId),
      title: l.title,
      net: l.lineNet,
      tax: l.lineTax,
      gross: l.lineGross,
      taxRate: l.taxRate,
    }));
  const fba = order.fulfillmentChannel === 'AFN';
  return {
    orderId: order.id,
    amazonOrderId: order.amazonOrderId,
    marketplaceId: order.marketplaceId,
    currency: order.currency ?? '',
    createdTime: order.createdTime ?? order.importedAt,
    pricesIncludeTax: config.taxIncluded,
    customer: {
      email: buyerEmail(order.buyer?.email, order.amazonOrderId).email,
      name,
      phone: order.shippingAddress?.phone ?? null,
      company: order.buyer?.companyName ?? order.shippingAddress?.companyName ?? null,
      vatId: order.buyer?.taxRegistrationId ?? null,
    },
    shippingAddress: shipping,
    billingAddress: shipping,
    shippingMethod: config.defaultOrderShippingMethod.trim() || order.flags?.serviceLevel || 'Amazon shipping',
    items,
    charges,
    totals: { net: order.totals.net ?? '0', tax: order.totals.tax ?? '0', gross: order.totals.gross ?? '0' },
    notes: flagNotes(order, fba),
    lowerStock: !fba || config.fbaOrdersLowerStock,
    fulfilledByAmazon: fba,
  };
}
