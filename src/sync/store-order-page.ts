import type { ControlledTransaction, Kysely } from 'kysely';
import { OrderPageRepository, type OrderWrite } from '../db/order-page.repository.js';
import type { StoredOrderState } from '../db/order.repository.js';
import type { Database } from '../db/schema.js';
import type { Connection } from '../domain/connection.js';
import { type AppError, toAppError } from '../lib/errors.js';
import { buildOrder } from './build-order.js';
import type { ImportDeps } from './import-orders.js';
import { decideSave, planWrite } from './order-write-plan.js';
import type { AmazonOrdersPort } from './ports.js';
import { prepareOrder, type PreparedOrder } from './prepare-order.js';
import { writeFailedOrder } from './save-failed-order.js';

export type OrderOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'skipped' | 'failed';

type Ctx = ImportDeps & { amazon: AmazonOrdersPort; connection: Connection };
type Trx = ControlledTransaction<Database>;
type Storable = Exclude<PreparedOrder, { kind: 'out_of_range' }> & { amazonOrderId: string };

/** What one order of the page writes: its rows (stored or changed) or its recorded failure. */
type Step =
  { outcome: Exclude<OrderOutcome, 'failed'>; write: OrderWrite | null } | { outcome: 'failed'; error: AppError };

const pages = new OrderPageRepository();

/**
 * Stores one page of Amazon orders in ONE transaction: one query reads (and on PostgreSQL locks)
 * the stored state of every order of the page, unchanged orders write nothing, the others are
 * written with a few statements for the whole page. If any of those fails, the page's writes are
 * rolled back to a savepoint and stored again one order per savepoint, so a bad order is recorded
 * as failed and never blocks the others. A crash before the commit loses the page, never part of
 * it: the cursor moves only after the whole window is stored, so the next run reads it again.
 * Null when `signal` stopped it before anything was written.
 */
export async function storeOrderPage(
  ctx: Ctx,
  raws: readonly unknown[],
  source: 'searchOrders' | 'getOrder',
  signal?: AbortSignal,
): Promise<OrderOutcome[] | null> {
  const prepared: PreparedOrder[] = [];
  for (const raw of raws) {
    // A stop does not wait for the page's getOrder calls: nothing of the page is stored, it is read again.
    if (signal?.aborted) return null;
    prepared.push(await prepareOrder(ctx, raw, source));
  }
  if (signal?.aborted) return null;
  const outcomes: OrderOutcome[] = prepared.map((p) => (p.kind === 'out_of_range' ? 'skipped' : 'failed'));
  const storable: Array<{ index: number; item: Storable }> = [];
  prepared.forEach((p, index) => {
    if (p.kind === 'out_of_range') return;
    if (p.amazonOrderId !== null) storable.push({ index, item: p as Storable });
    else if (p.kind === 'failed') logFailure(ctx, null, p.error); // no order id to keep it under
  });
  if (storable.length === 0) return outcomes;
  const skus = storable.flatMap(({ item }) => (item.kind === 'order' ? item.order.items : []).map((i) => i.sellerSku));
  const links = await ctx.skuLinks.linksFor(
    ctx.connection.id,
    skus.filter((s): s is string => s !== null),
  );
  const page = new PageWriter(ctx, links, ctx.clock.nowIso());
  const items = storable.map((s) => s.item);
  const trx = await ctx.db.startTransaction().execute();
  try {
    const stored = (await page.storeAll(trx, items)) ?? (await page.storeEach(trx, items));
    await trx.commit().execute();
    stored.forEach((outcome, i) => (outcomes[storable[i]!.index] = outcome));
    return outcomes;
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}

class PageWriter {
  constructor(
    private readonly ctx: Ctx,
    private readonly links: Map<string, string>,
    private readonly now: string,
  ) {}

  /** The whole page with one state query and a few writes; null (rolled back) if any write failed. */
  async storeAll(trx: Trx, items: readonly Storable[]): Promise<OrderOutcome[] | null> {
    const ids = items.map((i) => i.amazonOrderId);
    if (new Set(ids).size !== ids.length) return null; // a repeated order sees its own first write
    const states = await pages.findStates(trx, this.ctx.connection.id, ids);
    const steps = await this.plan(trx, items, states);
    const sp = await trx.savepoint('page_orders').execute();
    try {
      await pages.write(
        sp,
        steps.flatMap((s) => ('write' in s && s.write ? [s.write] : [])),
      );
      for (const [i, step] of steps.entries()) await this.afterWrite(sp, items[i]!, states, step);
      await sp.releaseSavepoint('page_orders').execute();
    } catch (error) {
      await sp.rollbackToSavepoint('page_orders').execute();
      this.ctx.logger.warn(
        { connectionId: this.ctx.connection.id, error: String(error) },
        'order page stored per order',
      );
      return null;
    }
    return steps.map((s, i) => this.reportOutcome(items[i]!, s));
  }

  /** One order per savepoint: a write that fails rolls back alone and the order is recorded as failed. */
  async storeEach(trx: Trx, items: readonly Storable[]): Promise<OrderOutcome[]> {
    const outcomes: OrderOutcome[] = [];
    for (const item of items) {
      const states = await pages.findStates(trx, this.ctx.connection.id, [item.amazonOrderId]);
      let [step] = await this.plan(trx, [item], states);
      try {
        const sp = await trx.savepoint('one_order').execute();
        try {
          if ('write' in step! && step.write) await pages.write(sp, [step.write]);
          await this.afterWrite(sp, item, states, step!);
          await sp.releaseSavepoint('one_order').execute();
        } catch (error) {
          await sp.rollbackToSavepoint('one_order').execute();
          throw error;
        }
      } catch (error) {
        // The order's own writes are undone; its failure is recorded (a failure here fails the page).
        step = { outcome: 'failed', error: toAppError(error) };
        await this.afterWrite(trx, item, states, step);
      }
      outcomes.push(this.reportOutcome(item, step!));
    }
    return outcomes;
  }

  /** Decides each order over its stored state; the stored copies of changed orders are read in one go. */
  private async plan(trx: Trx, items: readonly Storable[], states: Map<string, StoredOrderState>): Promise<Step[]> {
    const decided = items.map((item) => {
      if (item.kind === 'failed') return { item, error: item.error };
      const existing = states.get(item.amazonOrderId) ?? null;
      try {
        const build = (current: string | null) =>
          buildOrder(this.ctx.connection, item.order, item.raw, current, this.links);
        return { item, existing, decision: decideSave(existing, build, this.now) };
      } catch (error) {
        return { item, error: toAppError(error) };
      }
    });
    const rewritten = decided.flatMap((d) => ('decision' in d && d.decision.full && d.existing ? [d.existing.id] : []));
    const before = await pages.findWithLines(trx, rewritten);
    return decided.map((d): Step => {
      if (!('decision' in d)) return { outcome: 'failed', error: d.error };
      const { decision, item } = d;
      const existing = d.existing ?? null;
      const outcome = decision.built.order.status === 'skipped' ? 'skipped' : decision.outcome;
      if (!decision.full || item.kind !== 'order') return { outcome, write: null };
      const stored = existing ? (before.get(existing.id) ?? null) : null;
      try {
        const full = decision.full;
        return { outcome, write: planWrite(existing, { ...decision, full }, stored, item.extraEvents, this.now) };
      } catch (error) {
        return { outcome: 'failed', error: toAppError(error) };
      }
    });
  }

  /** After the page's rows: the outbox (delivery enqueued in this transaction) or the failure record. */
  private async afterWrite(
    db: Kysely<Database>,
    item: Storable,
    states: Map<string, StoredOrderState>,
    step: Step,
  ): Promise<void> {
    if (step.outcome === 'failed') {
      await writeFailedOrder(db, this.ctx.orders, states.get(item.amazonOrderId) ?? null, {
        connectionId: this.ctx.connection.id,
        amazonOrderId: item.amazonOrderId,
        marketplaceId: this.ctx.connection.marketplaceId,
        raw: item.raw,
        error: step.error,
        now: this.now,
      });
    } else if (step.write) {
      await this.ctx.onOrderChanged?.(db, step.write.order.id, this.ctx.connection);
    }
  }

  private reportOutcome(item: Storable, step: Step): OrderOutcome {
    if (step.outcome === 'failed') logFailure(this.ctx, item.amazonOrderId, step.error);
    return step.outcome;
  }
}

function logFailure(ctx: Ctx, amazonOrderId: string | null, error: AppError): void {
  ctx.logger.warn({ connectionId: ctx.connection.id, amazonOrderId, code: error.code }, 'order import failed');
}
