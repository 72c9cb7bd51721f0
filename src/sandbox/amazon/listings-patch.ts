/**
 * What the sandbox understands of a listings change (patchListingsItem patches, JSON_LISTINGS_FEED
 * messages): the DEFAULT-channel (seller-fulfilled) quantity in `fulfillment_availability`. Other
 * attributes are accepted and ignored (the sandbox keeps no catalog data beyond the quantity).
 */
export interface ListingIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames?: string[];
  categories: string[];
}

export const FULFILLMENT_AVAILABILITY_PATH = '/attributes/fulfillment_availability';
const ATTRIBUTE = 'fulfillment_availability';

/** Our picks (Amazon's codes for these cases are not documented; README of this folder). */
export const ISSUE_NOT_FOUND = '4000001';
export const ISSUE_INVALID_ATTRIBUTE = '90000900';

export const listingIssue = (code: string, message: string, attribute?: string): ListingIssue => ({
  code,
  message,
  severity: 'ERROR',
  ...(attribute === undefined ? {} : { attributeNames: [attribute] }),
  categories: attribute === undefined ? [] : ['INVALID_ATTRIBUTE'],
});

export interface QuantityIntent {
  /** null: the change does not touch the DEFAULT quantity. */
  quantity: number | null;
  issues: ListingIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The DEFAULT quantity among `fulfillment_availability` values, or an issue. */
function fromValues(values: unknown, requireSelector: boolean): QuantityIntent {
  if (!Array.isArray(values)) {
    return {
      quantity: null,
      issues: [listingIssue(ISSUE_INVALID_ATTRIBUTE, `${ATTRIBUTE} must be an array.`, ATTRIBUTE)],
    };
  }
  let quantity: number | null = null;
  for (const value of values) {
    if (!isRecord(value)) continue;
    const channel = value.fulfillment_channel_code;
    if (channel === undefined && requireSelector) {
      const message = `merge on ${ATTRIBUTE} needs the selector fulfillment_channel_code.`;
      return { quantity: null, issues: [listingIssue(ISSUE_INVALID_ATTRIBUTE, message, ATTRIBUTE)] };
    }
    if (channel !== undefined && channel !== 'DEFAULT') continue; // FBA quantities are Amazon's
    if (value.quantity === undefined) continue;
    if (typeof value.quantity !== 'number' || !Number.isInteger(value.quantity) || value.quantity < 0) {
      const message = `The quantity of ${ATTRIBUTE} must be an integer ≥ 0; got ${JSON.stringify(value.quantity)}.`;
      return { quantity: null, issues: [listingIssue(ISSUE_INVALID_ATTRIBUTE, message, ATTRIBUTE)] };
    }
    quantity = value.quantity;
  }
  return { quantity, issues: [] };
}

/** JSON Patch operations (patchListingsItem body, PATCH messages of the JSON feed). */
export function quantityFromPatches(patches: readonly unknown[]): QuantityIntent {
  let quantity: number | null = null;
  for (const patch of patches) {
    if (!isRecord(patch) || patch.path !== FULFILLMENT_AVAILABILITY_PATH) continue;
    if (patch.op === 'delete') {
      const message = `delete of ${ATTRIBUTE} is not supported by the sandbox; set quantity 0 instead.`;
      return { quantity: null, issues: [listingIssue(ISSUE_INVALID_ATTRIBUTE, message, ATTRIBUTE)] };
    }
    const intent = fromValues(patch.value, patch.op === 'merge');
    if (intent.issues.length > 0) return intent;
    if (intent.quantity !== null) quantity = intent.quantity;
  }
  return { quantity, issues: [] };
}

/** UPDATE / PARTIAL_UPDATE messages of the JSON feed: `attributes.fulfillment_availability`. */
export function quantityFromAttributes(attributes: unknown): QuantityIntent {
  if (!isRecord(attributes) || attributes[ATTRIBUTE] === undefined) return { quantity: null, issues: [] };
  return fromValues(attributes[ATTRIBUTE], false);
}
