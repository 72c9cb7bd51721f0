import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { memoBody } from './feeds-request-body.js';
import { feedsModelValidator } from './feeds-model-schemas.js';
import { listingIssue, quantityFromPatches, ISSUE_NOT_FOUND, type ListingIssue } from './listings-patch.js';
import type { SandboxListing } from './listings-store.js';
import { describeFirstError } from './model-schemas.js';
import { arrayParam, stringParam } from './query-params.js';
import type { AmazonSandbox } from './sandbox-state.js';
import { errorList } from './sp-api-errors.js';
import type { SpCall, SpOperation, SpReply } from './sp-api-pipeline.js';

/** Listings Items API 2021-08-01 errors use the code BAD_REQUEST (Amazon's sandbox cases, README §5). */
const badRequest = (message: string) => errorList('BAD_REQUEST', message, '');
const bad = (message: string): SpReply => ({ status: 400, body: badRequest(message) });
const LISTINGS_MODEL = 'models/listingsItems_2021-08-01.json';
const GET_DATA = [
  'summaries',
  'attributes',
  'issues',
  'offers',
  'fulfillmentAvailability',
  'procurement',
  'relationships',
  'productTypes',
];

interface Target {
  sellerId: string;
  sku: string;
}

/** sellerId must be the caller's; marketplaceIds required (one, as Amazon) and one of the seller's. */
function checkTarget(sandbox: AmazonSandbox, t: Target, q: URLSearchParams, call: SpCall): SpReply | string {
  if (t.sellerId !== call.sellerId) {
    return { status: 403, body: errorList('Unauthorized', 'Access to requested resource is denied.', '') };
  }
  const ids = arrayParam(q, 'marketplaceIds') ?? [];
  if (ids.length !== 1) return bad('marketplaceIds must name exactly one marketplace.');
  const id = ids[0] ?? '';
  const markets = sandbox.credentials.seller(call.sellerId)?.marketplaceIds ?? [];
  if (!markets.includes(id)) return bad(`Marketplace ${id} is not a marketplace of seller ${call.sellerId}.`);
  return id;
}

/** PATCH /listings/2021-08-01/items/{sellerId}/{sku} — quantity changes apply at once (README). */
export function patchListingsItemOperation(
  sandbox: AmazonSandbox,
  t: Target,
  q: URLSearchParams,
  req: IncomingMessage,
): SpOperation {
  const read = memoBody(req, badRequest);
  return {
    op: 'patchListingsItem',
    staticRequest: async () => {
      const body = await read();
      return { ...params(t, q), ...(body.ok ? { body: body.value } : {}) };
    },
    handle: async (call) => {
      const body = await read();
      if (!body.ok) return body.reply;
      const marketplaceId = checkTarget(sandbox, t, q, call);
      if (typeof marketplaceId !== 'string') return marketplaceId;
      const validate = feedsModelValidator(LISTINGS_MODEL, 'ListingsItemPatchRequest');
      if (!validate(body.value)) return bad(`Invalid request body: ${describeFirstError(validate.errors)}.`);
      const { patches } = body.value as { patches: unknown[] };
      const preview = stringParam(q, 'mode') === 'VALIDATION_PREVIEW';
      const listing = sandbox.listings.get(t.sellerId, marketplaceId, t.sku);
      const intent = quantityFromPatches(patches);
      const issues: ListingIssue[] = listing
        ? intent.issues
        : [listingIssue(ISSUE_NOT_FOUND, `SKU '${t.sku}' has no listing in marketplace ${marketplaceId}.`)];
      if (issues.length === 0 && !preview && listing && intent.quantity !== null) {
        sandbox.listings.setQuantity(listing, intent.quantity, sandbox.nowIso());
        sandbox.record.listingUpdate();
      }
      const status = issues.length > 0 ? 'INVALID' : preview ? 'VALID' : 'ACCEPTED';
      const included = arrayParam(q, 'includedData') ?? ['issues'];
      return {
        status: 200,
        body: {
          sku: t.sku,
          status,
          submissionId: randomUUID(),
          issues,
          ...(included.includes('identifiers') && {
            identifiers: listing ? [{ marketplaceId, asin: listing.asin }] : [],
          }),
        },
      };
    },
  };
}

/** GET /listings/2021-08-01/items/{sellerId}/{sku} */
export function getListingsItemOperation(sandbox: AmazonSandbox, t: Target, q: URLSearchParams): SpOperation {
  return {
    op: 'getListingsItem',
    staticRequest: () => Promise.resolve(params(t, q)),
    handle: (call) => {
      const marketplaceId = checkTarget(sandbox, t, q, call);
      if (typeof marketplaceId !== 'string') return Promise.resolve(marketplaceId);
      const included = arrayParam(q, 'includedData') ?? ['summaries'];
      const unknown = included.find((d) => !GET_DATA.includes(d));
      if (unknown !== undefined) return Promise.resolve(bad(`Unknown includedData value ${unknown}.`));
      const listing = sandbox.listings.get(t.sellerId, marketplaceId, t.sku);
      if (!listing) {
        const message = `SKU '${t.sku}' not found in marketplace ${marketplaceId}.`;
        return Promise.resolve({ status: 404, body: errorList('NOT_FOUND', message, '') });
      }
      return Promise.resolve({ status: 200, body: listingsItem(listing, included) });
    },
  };
}

function listingsItem(l: SandboxListing, included: readonly string[]): Record<string, unknown> {
  const has = (d: string): boolean => included.includes(d);
  const summary = {
    marketplaceId: l.marketplaceId,
    asin: l.asin,
    productType: l.productType,
    conditionType: 'new_new',
    status: ['BUYABLE', 'DISCOVERABLE'],
    itemName: l.itemName,
    createdDate: l.createdAt,
    lastUpdatedDate: l.updatedAt,
  };
  return {
    sku: l.sku,
    ...(has('summaries') && { summaries: [summary] }),
    ...(has('attributes') && {
      attributes: { fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: l.quantity }] },
    }),
    ...(has('issues') && { issues: [] }),
    ...(has('offers') && { offers: [] }),
    ...(has('fulfillmentAvailability') && {
      fulfillmentAvailability: [{ fulfillmentChannelCode: 'DEFAULT', quantity: l.quantity }],
    }),
    ...(has('procurement') && { procurement: [] }),
    ...(has('relationships') && { relationships: [{ marketplaceId: l.marketplaceId, relationships: [] }] }),
    ...(has('productTypes') && { productTypes: [{ marketplaceId: l.marketplaceId, productType: l.productType }] }),
  };
}

function params(t: Target, q: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = { sellerId: t.sellerId, sku: t.sku };
  for (const name of ['marketplaceIds', 'includedData']) {
    const values = arrayParam(q, name);
    if (values !== null) out[name] = values;
  }
  const mode = stringParam(q, 'mode');
  if (mode !== null) out.mode = mode;
  return out;
}
