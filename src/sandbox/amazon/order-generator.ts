import Big from 'big.js';
import type { Order, OrderItem } from '@sp-api-sdk/orders-api-2026-01-01';
import { buildParties } from './address-generator.js';
import { buildOrderProceeds } from './item-money.js';
import type { MarketplaceInfo } from './marketplace-catalog.js';
import { isoSeconds } from './iso-time.js';
import { newOrderId } from './order-ids.js';
import { pickFeatures, type OrderFeatures } from './order-features.js';
import { generateItems, type ItemSpec } from './order-item-generator.js';
import type { SeededRandom } from './seeded-random.js';

/** The fixed facts of one order to generate; everything else is drawn from the seed. */
export interface OrderBlueprint {
  mp: MarketplaceInfo;
  afn: boolean;
  createdMs: number;
  lines: number;
  /** A partially shipped order needs at least two units. */
  minUnits: number;
  specs: readonly ItemSpec[];
}

const DAY_MS = 86_400_000;

/** A complete, freshly released (UNSHIPPED) v2026 order; order-status-shaper moves it on. */
export function buildOrder(
  rng: SeededRandom,
  bp: OrderBlueprint,
  taken: (id: string) => boolean,
): { order: Order; features: OrderFeatures } {
  const { mp } = bp;
  const f = pickFeatures(rng, mp, bp.afn);
  const orderId = newOrderId(rng, mp.orderIdPrefixes, taken);
  const parties = buildParties(rng, mp, f);
  const orderItems = generateItems({ rng, mp, f, lines: bp.lines, minUnits: bp.minUnits, specs: bp.specs });
  const proceeds = buildOrderProceeds(
    orderItems.flatMap((i) => (i.proceeds ? [i.proceeds] : [])),
    mp.currency,
  );
  if (f.taxCollection === 'UK_DEEMED' && new Big(proceeds.grandTotal?.amount ?? '0').gt(135)) dropItemTax(orderItems);
  const programs = [
    ...(f.prime ? ['PRIME'] : []),
    ...(f.business ? ['AMAZON_BUSINESS'] : []),
    ...(f.preorder ? ['PREORDER'] : []),
  ];
  const order: Order = {
    orderId,
    ...(f.sellerOrderAlias ? { orderAliases: [{ aliasId: `SO-${rng.digits(8)}`, aliasType: 'SELLER_ORDER_ID' }] } : {}),
    createdTime: isoSeconds(bp.createdMs),
    lastUpdatedTime: isoSeconds(bp.createdMs),
    ...(programs.length > 0 ? { programs } : {}),
    ...(f.replacement
      ? {
          associatedOrders: [
            { orderId: newOrderId(rng, mp.orderIdPrefixes, taken), associationType: 'REPLACEMENT_ORIGINAL_ID' },
          ],
        }
      : {}),
    salesChannel: { channelName: 'AMAZON', marketplaceId: mp.id, marketplaceName: mp.name },
    buyer: parties.buyer,
    recipient: { deliveryAddress: parties.deliveryAddress },
    proceeds,
    ...(f.cod && proceeds.grandTotal
      ? { payment: { paymentExecutions: [{ paymentMethod: 'CashOnDelivery', paymentAmount: proceeds.grandTotal }] } }
      : {}),
    ...(parties.tax ? { tax: parties.tax } : {}),
    fulfillment: {
      fulfillmentStatus: 'UNSHIPPED',
      fulfilledBy: bp.afn ? 'AMAZON' : 'MERCHANT',
      fulfillmentServiceLevel: f.serviceLevel,
      shipByWindow: { earliestDateTime: isoSeconds(bp.createdMs), latestDateTime: endOfDay(bp.createdMs + 2 * DAY_MS) },
      ...(bp.afn
        ? {}
        : {
            deliverByWindow: {
              earliestDateTime: startOfDay(bp.createdMs + 3 * DAY_MS),
              latestDateTime: endOfDay(bp.createdMs + 7 * DAY_MS),
            },
          }),
    },
    orderItems,
  };
  return { order, features: f };
}

function dropItemTax(items: OrderItem[]): void {
  for (const item of items) delete item.tax;
}

const startOfDay = (ms: number): string => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;
const endOfDay = (ms: number): string => `${new Date(ms).toISOString().slice(0, 10)}T23:59:59Z`;
