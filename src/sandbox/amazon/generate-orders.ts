import type { FulfillmentStatus } from '@sp-api-sdk/orders-api-2026-01-01';
import { AppError } from '../../lib/errors.js';
import { parseIsoDateTime } from './iso-time.js';
import { MARKETPLACES, findMarketplace, type MarketplaceInfo } from './marketplace-catalog.js';
import { buildOrder } from './order-generator.js';
import { Timeline, shapeStatus } from './order-status-shaper.js';
import { SeededRandom } from './seeded-random.js';
import type { StoredOrder } from './stored-order.js';

export interface GenerateOrdersOptions {
  sellerId?: string;
  count: number;
  marketplaceId?: string;
  seed?: number;
  /** ISO range for createdTime; default: the last 6 hours, every order at least 3 minutes old. */
  createdAfter?: string;
  createdBefore?: string;
  /** Relative weights per status, e.g. { UNSHIPPED: 3, SHIPPED: 1 }. */
  statuses?: Partial<Record<FulfillmentStatus, number>>;
  fulfillment?: 'MFN' | 'AFN' | 'mixed';
  /** Exact number of lines per order (e.g. 1000); default 1–5. */
  lines?: number;
}

export const DEFAULT_STATUS_WEIGHTS: Readonly<Partial<Record<FulfillmentStatus, number>>> = {
  UNSHIPPED: 40,
  SHIPPED: 30,
  PENDING: 10,
  PARTIALLY_SHIPPED: 8,
  CANCELLED: 7,
};

const LINE_COUNTS: readonly (readonly [number, number])[] = [
  [1, 60],
  [2, 20],
  [3, 10],
  [4, 6],
  [5, 4],
];
const MIN_AGE_MS = 3 * 60_000;
const invalid = (message: string): AppError => new AppError('invalid_generate_options', message, { kind: 'invalid' });

export interface GenerateContext {
  sellerId: string;
  sellerMarketplaceIds: readonly string[];
  nowMs: number;
  seed: number;
  taken: (orderId: string) => boolean;
}

/** Generates `count` orders for one seller (nothing is stored here). */
export function generateOrderBatch(options: GenerateOrdersOptions, ctx: GenerateContext): StoredOrder[] {
  if (!Number.isInteger(options.count) || options.count < 0) throw invalid('count must be a non-negative integer.');
  if (options.lines !== undefined && (!Number.isInteger(options.lines) || options.lines < 1)) {
    throw invalid('lines must be a positive integer.');
  }
  const mode = options.fulfillment ?? 'mixed';
  if (!['MFN', 'AFN', 'mixed'].includes(mode)) throw invalid("fulfillment must be 'MFN', 'AFN' or 'mixed'.");
  const rng = new SeededRandom(options.seed ?? ctx.seed);
  const markets = pickMarketplaces(options.marketplaceId, ctx.sellerMarketplaceIds);
  const [fromMs, toMs] = createdRange(options, ctx.nowMs);
  const weights = statusWeights(options.statuses);
  const batch: StoredOrder[] = [];
  const ids = new Set<string>();
  const taken = (id: string): boolean => ids.has(id) || ctx.taken(id);
  for (let i = 0; i < options.count; i++) {
    const orderRng = rng.fork(`order-${i}`);
    const mp = orderRng.weighted(markets.map((m) => [m, m.weight] as const));
    const status = orderRng.weighted(weights);
    const afn = status === 'UNFULFILLABLE' || drawAfn(orderRng, mode);
    const createdMs = fromMs + Math.floor(orderRng.next() * (toMs - fromMs + 1));
    const lines = options.lines ?? orderRng.weighted(LINE_COUNTS);
    const bp = { mp, afn, createdMs, lines, minUnits: status === 'PARTIALLY_SHIPPED' ? 2 : 1, specs: [] };
    const { order } = buildOrder(orderRng, bp, taken);
    ids.add(order.orderId);
    const stored: StoredOrder = { sellerId: ctx.sellerId, order, concealed: null };
    const cap = Math.max(createdMs, ctx.nowMs - MIN_AGE_MS);
    shapeStatus(stored, status, orderRng, mp, new Timeline(createdMs, cap));
    batch.push(stored);
  }
  return batch;
}

function drawAfn(rng: SeededRandom, mode: 'MFN' | 'AFN' | 'mixed'): boolean {
  if (mode === 'MFN' || mode === 'AFN') return mode === 'AFN';
  return rng.chance(0.25);
}

function pickMarketplaces(marketplaceId: string | undefined, sellerMarkets: readonly string[]): MarketplaceInfo[] {
  if (marketplaceId !== undefined) {
    const mp = findMarketplace(marketplaceId);
    if (!mp) throw invalid(`The generator does not sell in marketplace ${marketplaceId}.`);
    return [mp];
  }
  const markets = MARKETPLACES.filter((mp) => sellerMarkets.includes(mp.id));
  if (markets.length === 0) throw invalid('The seller has no marketplace the generator sells in.');
  return markets;
}

function createdRange(options: GenerateOrdersOptions, nowMs: number): [number, number] {
  const parse = (name: string, value: string): number => {
    const ms = parseIsoDateTime(value);
    if (ms === null) throw invalid(`${name} must be an ISO 8601 date-time.`);
    return ms;
  };
  const after = options.createdAfter === undefined ? null : parse('createdAfter', options.createdAfter);
  // Only createdAfter (e.g. "from now on"): the range ends there or at now − 3 min, whichever is later.
  const to =
    options.createdBefore === undefined
      ? Math.max(after ?? -Infinity, nowMs - MIN_AGE_MS)
      : parse('createdBefore', options.createdBefore);
  const from = after ?? Math.min(to, nowMs - 6 * 3_600_000);
  if (from > to) throw invalid('createdAfter must not be after createdBefore.');
  return [from, to];
}

const STATUSES: readonly FulfillmentStatus[] = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
];

function statusWeights(given: GenerateOrdersOptions['statuses']): [FulfillmentStatus, number][] {
  const source = given ?? DEFAULT_STATUS_WEIGHTS;
  const entries = Object.entries(source) as [FulfillmentStatus, number][];
  for (const [status, weight] of entries) {
    if (!STATUSES.includes(status)) throw invalid(`Unknown status ${status}.`);
    if (typeof weight !== 'number' || !(weight >= 0)) throw invalid(`The weight of ${status} must be a number ≥ 0.`);
  }
  const positive = entries.filter(([, w]) => w > 0);
  if (positive.length === 0) throw invalid('statuses needs at least one positive weight.');
  return positive;
}
