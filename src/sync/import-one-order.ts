import type { AmazonOrder } from '../domain/amazon-order.js';
import type { Connection } from '../domain/connection.js';
import { AppError, toAppError } from '../lib/errors.js';
import { buildOrder } from './build-order.js';
import type { ImportDeps } from './import-orders.js';
import { IMPORT_INCLUDED_DATA, missingData } from './order-completeness.js';
import type { AmazonOrdersPort } from './ports.js';
import { saveFailedOrder } from './save-failed-order.js';
import { saveOrder, type SaveContext } from './save-order.js';

export type OrderOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'skipped' | 'failed';

type Ctx = ImportDeps & { amazon: AmazonOrdersPort; connection: Connection };

/** Imports one raw Amazon order; any failure is recorded on that order and never thrown to the page loop. */
export async function importOneOrder(
  ctx: Ctx,
  raw: unknown,
  source: 'searchOrders' | 'getOrder',
): Promise<OrderOutcome> {
  const extraEvents: SaveContext['extraEvents'] = [];
  try {
    let adapted = ctx.amazon.adaptOrder(raw);
    if (!adapted.ok) return await recordFailure(ctx, raw, adapted.error);
    const missing = source === 'searchOrders' ? missingData(adapted.value) : null;
    if (missing) {
      const fetched = await ctx.amazon.getOrder(adapted.value.amazonOrderId, IMPORT_INCLUDED_DATA);
      extraEvents.push({
        direction: 'hub_to_amazon',
        kind: 'amazon.get_order',
        summary: `getOrder: ${missing} in the search result${fetched.ok ? '' : ` — failed: ${fetched.error.message}`}`,
        payload: { reason: missing, ok: fetched.ok },
      });
      if (!fetched.ok) return await recordFailure(ctx, raw, fetched.error);
      raw = fetched.value;
      adapted = ctx.amazon.adaptOrder(raw);
      if (!adapted.ok) return await recordFailure(ctx, raw, adapted.error);
    }
    return await store(ctx, adapted.value, raw, extraEvents);
  } catch (cause) {
    return recordFailure(ctx, raw, toAppError(cause));
  }
}

async function store(
  ctx: Ctx,
  order: AmazonOrder,
  raw: unknown,
  extraEvents: SaveContext['extraEvents'],
): Promise<OrderOutcome> {
  if (Date.parse(order.createdTime) < Date.parse(ctx.connection.config.syncFromDate)) return 'skipped';
  const skus = order.items.map((i) => i.sellerSku).filter((s): s is string => s !== null);
  const links = await ctx.skuLinks.linksFor(ctx.connection.id, skus);
  const saved = await saveOrder(
    {
      db: ctx.db,
      orders: ctx.orders,
      now: ctx.clock.nowIso(),
      extraEvents,
      afterChange:
        ctx.onOrderChanged &&
        ((trx, orderId) => ctx.onOrderChanged?.(trx, orderId, ctx.connection) ?? Promise.resolve()),
    },
    { connectionId: ctx.connection.id, amazonOrderId: order.amazonOrderId },
    (current) => buildOrder(ctx.connection, order, raw, current, links),
  );
  if (saved.built.order.status === 'skipped') return 'skipped';
  return saved.outcome;
}

async function recordFailure(ctx: Ctx, raw: unknown, error: AppError): Promise<OrderOutcome> {
  const amazonOrderId = orderIdOf(raw);
  ctx.logger.warn({ connectionId: ctx.connection.id, amazonOrderId, code: error.code }, 'order import failed');
  if (amazonOrderId === null) return 'failed';
  await saveFailedOrder(ctx.db, ctx.orders, {
    connectionId: ctx.connection.id,
    amazonOrderId,
    marketplaceId: ctx.connection.marketplaceId,
    raw,
    error: error instanceof AppError ? error : toAppError(error),
    now: ctx.clock.nowIso(),
  });
  return 'failed';
}

function orderIdOf(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object') return null;
  const id = (raw as { orderId?: unknown }).orderId;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}
