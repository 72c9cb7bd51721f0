import type { ItemTax } from '@sp-api-sdk/orders-api-2026-01-01';
import { CA_PROVINCE_TAX, US_STATE_TAX, type MarketplaceInfo } from './marketplace-catalog.js';
import type { SeededRandom } from './seeded-random.js';

/** Who collects the tax of an item and under which scheme (the importer must not charge it twice). */
export type TaxCollectionKind = 'US_FACILITATOR' | 'UK_DEEMED' | 'IOSS' | 'UOSS' | null;

/** Order-wide traits drawn once per order; items then draw their own (gift, promotion…). */
export interface OrderFeatures {
  afn: boolean;
  business: boolean;
  prime: boolean;
  replacement: boolean;
  cod: boolean;
  taxCollection: TaxCollectionKind;
  /** Region of the delivery address (state/province), fixes the US/CA tax rate. */
  regionIndex: number;
  taxRate: string;
  serviceLevel: string;
  sellerOrderAlias: boolean;
  missingPhone: boolean;
  missingEmail: boolean;
  commercialAddress: boolean;
  preorder: boolean;
}

const SERVICE_LEVELS: readonly (readonly [string, number])[] = [
  ['STANDARD', 70],
  ['EXPEDITED', 15],
  ['NEXT_DAY', 5],
  ['SECOND_DAY', 4],
  ['PRIORITY', 3],
  ['FREE_ECONOMY', 2],
  ['SAME_DAY', 1],
];

export function pickFeatures(rng: SeededRandom, mp: MarketplaceInfo, afn: boolean): OrderFeatures {
  const replacement = rng.chance(0.02);
  const business = !replacement && rng.chance(0.1);
  const regional = mp.country === 'US' ? US_STATE_TAX : mp.country === 'CA' ? CA_PROVINCE_TAX : null;
  const regionIndex = regional ? rng.int(0, regional.length - 1) : 0;
  const taxRate = regional?.[regionIndex]?.[1] ?? mp.taxRate;
  return {
    afn,
    business,
    prime: afn ? rng.chance(0.7) : rng.chance(0.15),
    replacement,
    cod: !replacement && mp.codFee !== null && rng.chance(0.25),
    taxCollection: pickTaxCollection(rng, mp),
    regionIndex,
    taxRate,
    serviceLevel: rng.weighted(SERVICE_LEVELS),
    sellerOrderAlias: rng.chance(0.3),
    missingPhone: afn || rng.chance(0.15),
    missingEmail: afn || rng.chance(0.05),
    commercialAddress: business || rng.chance(0.08),
    preorder: rng.chance(0.02),
  };
}

function pickTaxCollection(rng: SeededRandom, mp: MarketplaceInfo): TaxCollectionKind {
  if (mp.country === 'US') return 'US_FACILITATOR';
  // UK: Amazon is the deemed supplier for goods ≤ £135 shipped from abroad; the generator checks the
  // amount afterwards and drops the flag for larger orders.
  if (mp.country === 'GB') return rng.chance(0.3) ? 'UK_DEEMED' : null;
  if (mp.region === 'EU' && mp.taxInclusive)
    return rng.weighted([
      ['IOSS', 4],
      ['UOSS', 4],
      [null, 92],
    ] as const);
  return null;
}

const FACILITATOR = 'MARKETPLACE_FACILITATOR';

/** The item `tax` block for the order's tax collection (who collects, under which EU scheme). */
export function itemTaxBlock(kind: TaxCollectionKind): ItemTax | null {
  switch (kind) {
    case 'US_FACILITATOR':
      return { taxCollections: [{ model: FACILITATOR, responsibleParty: 'Amazon Services, Inc.' }] };
    case 'UK_DEEMED':
      return { taxCollections: [{ model: FACILITATOR, responsibleParty: 'Amazon EU S.a.r.L., UK Branch' }] };
    case 'IOSS':
    case 'UOSS':
      return {
        taxCalculationBreakdowns: [{ reportingScheme: kind }],
        taxCollections: [{ model: FACILITATOR, responsibleParty: 'Amazon Services Europe S.a.r.L.' }],
      };
    default:
      return null;
  }
}
