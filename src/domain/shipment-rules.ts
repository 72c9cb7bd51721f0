/**
 * Pure rules for confirming a store shipment on Amazon (PRODUCT.md §7, amazon/README §6.6 and §13).
 * No I/O: the caller loads config, the order's unshipped quantities and the shipments already sent.
 */
import { isAmazonCarrierCode } from './carrier-codes.js';
import { amazonCarrierFor } from './store-carriers.js';

/** Amazon's limit for carrier-name (Seller Central G641). */
export const CARRIER_NAME_MAX = 50;

export interface StoreCarrier {
  storeCarrier: string | null; // the store's carrier key/code, e.g. "dhl" or "DHL"
  storeCarrierName: string | null; // the store's human-readable carrier title
  storeShippingMethod: string | null;
}

export interface CarrierRules {
  mapping: Record<string, string>; // store carrier → Amazon carrier code
  defaultShippingService: string; // Orders config "Default Shipping service – store shipment"
  defaultOrderShippingMethod: string; // Orders config "Default Order Shipping method" ('' = none)
}

export interface ResolvedCarrier {
  carrierCode: string;
  carrierName: string | null; // only set when carrierCode is 'Other'
  shippingMethod: string | null;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function mappedCode(storeCarrier: string, mapping: Record<string, string>): string | null {
  const wanted = storeCarrier.toLowerCase();
  for (const [key, code] of Object.entries(mapping)) {
    if (key.trim().toLowerCase() === wanted) return code.trim();
  }
  return null;
}

/**
 * Mapping table (case-insensitive) → the Amazon code the store's carrier (or its name) stands for
 * ("dhl", "DPD.de", "UPS Germany" → DHL, DPD, UPS) → Default Shipping service. With 'Other' the
 * carrier name is the store's carrier name, else Default Order Shipping method, else the store's
 * carrier key itself, cut to 50 chars; null only when none exists (validateShipment then reports
 * `carrier_name_required`).
 */
export function resolveCarrier(input: StoreCarrier, rules: CarrierRules): ResolvedCarrier {
  const storeCarrier = clean(input.storeCarrier);
  const storeName = clean(input.storeCarrierName);
  const recognised =
    (storeCarrier === null ? null : (mappedCode(storeCarrier, rules.mapping) ?? amazonCarrierFor(storeCarrier))) ??
    (storeName === null ? null : amazonCarrierFor(storeName));
  const carrierCode = recognised ?? rules.defaultShippingService.trim();
  const shippingMethod = clean(input.storeShippingMethod);
  if (carrierCode !== 'Other') return { carrierCode, carrierName: null, shippingMethod };
  const name = storeName ?? clean(rules.defaultOrderShippingMethod) ?? storeCarrier;
  return { carrierCode, carrierName: name === null ? null : name.slice(0, CARRIER_NAME_MAX).trim(), shippingMethod };
}

export interface ShipmentItem {
  orderItemId: string;
  quantity: number;
}

export interface ShipmentDraft {
  carrierCode: string;
  carrierName: string | null;
  trackingNumber: string | null;
  packageReferenceId: string;
  shipDate: string;
  items: readonly ShipmentItem[];
}

export interface ShipmentIssue {
  code: string; // stable snake_case
  field: string;
  message: string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const POSITIVE_NUMERIC = /^[1-9]\d*$/;

export const isIsoDateTime = (value: string): boolean => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

function carrierIssues(draft: ShipmentDraft): ShipmentIssue[] {
  const issues: ShipmentIssue[] = [];
  if (!isAmazonCarrierCode(draft.carrierCode)) {
    issues.push({
      code: 'carrier_code_unknown',
      field: 'carrierCode',
      message: `"${draft.carrierCode}" is not an Amazon carrier code`,
    });
  }
  const name = draft.carrierName?.trim() ?? '';
  if (draft.carrierCode === 'Other' && name === '') {
    issues.push({
      code: 'carrier_name_required',
      field: 'carrierName',
      message:
        'carrier code Other needs a carrier name and the store named no carrier: set Default Order Shipping method (sent as the carrier name) or a Default Shipping service',
    });
  }
  if (name.length > CARRIER_NAME_MAX) {
    issues.push({
      code: 'carrier_name_too_long',
      field: 'carrierName',
      message: `carrier name is longer than ${CARRIER_NAME_MAX} characters`,
    });
  }
  return issues;
}

function itemIssues(items: readonly ShipmentItem[], unshipped: Readonly<Record<string, number>>): ShipmentIssue[] {
  if (items.length === 0)
    return [{ code: 'items_required', field: 'items', message: 'a shipment needs at least one item' }];
  const issues: ShipmentIssue[] = [];
  const totals = new Map<string, number>();
  items.forEach((item, i) => {
    const field = `items[${i}].quantity`;
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      issues.push({
        code: 'quantity_not_positive',
        field,
        message: `quantity of ${item.orderItemId} must be a whole number > 0`,
      });
    } else totals.set(item.orderItemId, (totals.get(item.orderItemId) ?? 0) + item.quantity);
  });
  for (const [orderItemId, quantity] of totals) {
    const open = unshipped[orderItemId];
    if (open === undefined) {
      issues.push({
        code: 'order_item_unknown',
        field: 'items',
        message: `order item ${orderItemId} is not in this order`,
      });
    } else if (quantity > open) {
      issues.push({
        code: 'quantity_exceeds_unshipped',
        field: 'items',
        message: `order item ${orderItemId}: ${quantity} > ${open} unshipped`,
      });
    }
  }
  return issues;
}

/** Pre-flight check before confirmShipment; `unshipped` = open quantity per Amazon orderItemId. */
export function validateShipment(draft: ShipmentDraft, unshipped: Readonly<Record<string, number>>): ShipmentIssue[] {
  const issues = carrierIssues(draft);
  if ((draft.trackingNumber?.trim() ?? '') === '') {
    issues.push({
      code: 'tracking_number_required',
      field: 'trackingNumber',
      message: 'a tracking number is required',
    });
  }
  if (!POSITIVE_NUMERIC.test(draft.packageReferenceId)) {
    issues.push({
      code: 'package_reference_not_numeric',
      field: 'packageReferenceId',
      message: 'packageReferenceId must be a positive number',
    });
  }
  if (!isIsoDateTime(draft.shipDate)) {
    issues.push({
      code: 'ship_date_invalid',
      field: 'shipDate',
      message: `"${draft.shipDate}" is not an ISO 8601 date-time`,
    });
  }
  return [...issues, ...itemIssues(draft.items, unshipped)];
}

/**
 * The ship date to send: never later than a date already sent for this order (Amazon would see the
 * shipment move backwards in time); an earlier correction is allowed. Returns the date string as given.
 */
export function nextShipDate(requested: string, alreadySent: string | readonly string[] | null): string {
  const sent = (alreadySent === null ? [] : typeof alreadySent === 'string' ? [alreadySent] : alreadySent).filter(
    isIsoDateTime,
  );
  let best = requested;
  for (const date of sent) if (Date.parse(date) < Date.parse(best)) best = date;
  return best;
}

/** Next package reference id of an order: 1 + the highest positive numeric id already used. */
export function packageReferenceIdFor(existingIds: readonly string[]): string {
  let max = 0n;
  for (const id of existingIds) {
    const trimmed = id.trim();
    if (POSITIVE_NUMERIC.test(trimmed) && BigInt(trimmed) > max) max = BigInt(trimmed);
  }
  return (max + 1n).toString();
}
