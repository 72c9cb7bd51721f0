import type { BuyerDataRepository, OrderWithPersonalData } from '../db/buyer-data.repository.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
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
 * An order that cannot be purged is logged and noted on its timeline; the others go on, and it is
 * tried again on the next run.
 */
export async function purgeBuyerData(deps: PurgeBuyerDataDeps): Promise<number> {
  const maxDays = await deps.retention.maxDays();
  let purged = 0;
  let failed = 0;
  for (const account of await deps.buyerData.accountsRetention()) {
    const days = deps.retention.effectiveDays(account.days, maxDays);
    const cutoff = new Date(deps.clock.now().getTime() - days * DAY_MS).toISOString();
    // Pages by order id: an order that failed stays due and must not be read again in this run.
    let afterId: string | null = null;
    for (;;) {
      const due = await deps.buyerData.dueForPurge(account.accountId, cutoff, BATCH, afterId);
      for (const order of due) {
        if (deps.signal?.aborted) return purged;
        try {
          if (await purgeOrder(deps, order, days)) purged++;
        } catch (error) {
          failed++;
          await recordFailure(deps, order, error);
        }
      }
      if (due.length < BATCH) break;
      afterId = due[due.length - 1]?.id ?? null;
    }
  }
  if (purged > 0 || failed > 0) deps.logger.info({ purged, failed }, 'buyer personal data purged');
  return purged;
}

/**
 * Logs the order and notes it on its timeline. Only the error's code or class is kept: its message
 * may quote the order's data (a JSON parse error shows the text), which is what is being removed.
 */
async function recordFailure(deps: PurgeBuyerDataDeps, order: OrderWithPersonalData, error: unknown): Promise<void> {
  const reason = error instanceof AppError ? error.code : error instanceof Error ? error.name : 'unknown_error';
  deps.logger.error({ orderId: order.id, amazonOrderId: order.amazonOrderId, reason }, 'buyer data purge failed');
  try {
    await deps.buyerData.recordPurgeFailure(order, reason, deps.clock.nowIso());
  } catch (noted) {
    const why = noted instanceof Error ? noted.name : 'unknown_error';
    deps.logger.error({ orderId: order.id, reason: why }, 'buyer data purge failure not noted on the timeline');
  }
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
