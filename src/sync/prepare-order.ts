import type { AmazonOrder } from '../domain/amazon-order.js';
import type { Connection } from '../domain/connection.js';
import { type AppError, toAppError } from '../lib/errors.js';
import { IMPORT_INCLUDED_DATA, missingData } from './order-completeness.js';
import type { ExtraEvent } from './order-write-plan.js';
import type { AmazonOrdersPort } from './ports.js';

/** One raw Amazon order made ready to store: adapted (complete), out of the sync range, or failed. */
export type PreparedOrder =
  | { kind: 'order'; amazonOrderId: string; order: AmazonOrder; raw: unknown; extraEvents: ExtraEvent[] }
  | { kind: 'out_of_range' }
  | { kind: 'failed'; amazonOrderId: string | null; raw: unknown; error: AppError };

type Ctx = { amazon: AmazonOrdersPort; connection: Connection };

/**
 * Adapts one raw order, fetching it whole (getOrder) when the search result lacked data. Runs
 * before the page's transaction, so no Amazon call is made while the database is held. Never throws.
 */
export async function prepareOrder(
  ctx: Ctx,
  raw: unknown,
  source: 'searchOrders' | 'getOrder',
): Promise<PreparedOrder> {
  const extraEvents: ExtraEvent[] = [];
  try {
    let adapted = ctx.amazon.adaptOrder(raw);
    if (!adapted.ok) return failed(raw, adapted.error);
    const missing = source === 'searchOrders' ? missingData(adapted.value) : null;
    if (missing) {
      const fetched = await ctx.amazon.getOrder(adapted.value.amazonOrderId, IMPORT_INCLUDED_DATA);
      extraEvents.push({
        direction: 'hub_to_amazon',
        kind: 'amazon.get_order',
        summary: `getOrder: ${missing} in the search result${fetched.ok ? '' : ` — failed: ${fetched.error.message}`}`,
        payload: { reason: missing, ok: fetched.ok },
      });
      if (!fetched.ok) return failed(raw, fetched.error);
      raw = fetched.value;
      adapted = ctx.amazon.adaptOrder(raw);
      if (!adapted.ok) return failed(raw, adapted.error);
    }
    const order = adapted.value;
    if (Date.parse(order.createdTime) < Date.parse(ctx.connection.config.syncFromDate)) return { kind: 'out_of_range' };
    return { kind: 'order', amazonOrderId: order.amazonOrderId, order, raw, extraEvents };
  } catch (cause) {
    return failed(raw, toAppError(cause));
  }
}

function failed(raw: unknown, error: AppError): PreparedOrder & { kind: 'failed' } {
  return { kind: 'failed', amazonOrderId: orderIdOf(raw), raw, error };
}

function orderIdOf(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object') return null;
  const id = (raw as { orderId?: unknown }).orderId;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}
