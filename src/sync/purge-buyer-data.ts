import type { BuyerDataRepository, OrderWithPersonalData } from '../db/buyer-data.repository.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { personalValues, purgedAddress, purgedLineData, purgedRaw } from '../domain/personal-data.js';
import type { BuyerDataRetentionService } from './buyer-data-retention.service.js';

/** The daily job that removes buyer personal data past retention. */
export const PURGE_BUYER_DATA_JOB = 'orders.purge_buyer_data';

const DAY_MS = 86_400_000;
const BATCH = 200;

export interface PurgeBuyerDataDeps {
  buyerData: BuyerDataRepository;
  retention: BuyerDataRetentionService;
  clock: Clock;
  logger: Logger;
  /** Stops between orders (shutdown); the next run continues. */
  signal?: AbortSignal | undefined;
}

/**
 * Removes buyer personal data (names, addresses, phone, e-mail, tax ids, gift messages, Amazon's raw
 * JSON holding them, and their copies) from orders that ended longer ago than their account's
 * retention. The order stays: ids, lines, money, statuses and timeline. Returns how many were purged.
 */
export async function purgeBuyerData(deps: PurgeBuyerDataDeps): Promise<number> {
  const maxDays = await deps.retention.maxDays();
  let purged = 0;
  for (const account of await deps.buyerData.accountsRetention()) {
    const days = deps.retention.effectiveDays(account.days, maxDays);
    const cutoff = new Date(deps.clock.now().getTime() - days * DAY_MS).toISOString();
    for (;;) {
      const due = await deps.buyerData.dueForPurge(account.accountId, cutoff, BATCH);
      for (const order of due) {
        if (deps.signal?.aborted) return purged;
        if (await purgeOrder(deps, order, days)) purged++;
      }
      if (due.length < BATCH) break;
    }
  }
  if (purged > 0) deps.logger.info({ purged }, 'buyer personal data purged');
  return purged;
}

/** False when the order changed meanwhile (an import): it stays, its retention starts again. */
async function purgeOrder(deps: PurgeBuyerDataDeps, order: OrderWithPersonalData, days: number): Promise<boolean> {
  const lines = await deps.buyerData.lineData(order.id);
  const values = personalValues({ ...order, lineData: lines.map((l) => l.data) });
  const purged = {
    buyer: null,
    shippingAddress: purgedAddress(order.shippingAddress),
    raw: purgedRaw(order.raw),
    lines: lines.map((l) => ({ id: l.id, data: purgedLineData(l.data) })),
  };
  return deps.buyerData.purge(order, purged, values, { now: deps.clock.nowIso(), days });
}
