import { add, equals, roundTo, sub } from '../../domain/money.js';
import { ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft, StoreOrderRef } from '../store-connector.js';
import { RECONCILIATION_FEE_NAME, toCreateBody } from './woocommerce-order.mapper.js';
import type { WooClient } from './woocommerce.client.js';
import { META, metaValue, type WooNote, type WooOrder } from './woocommerce.types.js';

/** How far back findOrder looks when it has no purchase date (orders created by OrderBridge). */
export const FIND_ORDER_LOOKBACK_MS = 30 * 86_400_000;
/** Margin before Amazon's purchase date for the idempotency scan (clock skew). */
const SCAN_MARGIN_MS = 3_600_000;
const MAX_SCAN_PAGES = 100;

export interface CreatorConfig {
  orderStatus: 'processing' | 'on-hold';
  shippingMethodId: string;
  nowMs(): number;
}

/** "2026-11-29T03:00:00" — sent with dates_are_gmt=true. */
const gmtParam = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
const decimalsOf = (amount: string): number => amount.split('.')[1]?.length ?? 0;
const toRef = (o: WooOrder): StoreOrderRef => ({ ref: String(o.id), number: o.number || String(o.id) });

/**
 * Idempotent order creation WITHOUT server support (WooCommerce has no idempotency key and no meta
 * filter): before every POST, scan the orders created since Amazon's purchase date for meta
 * `_orderbridge_order_id`; after a POST with an unknown outcome (timeout, dropped connection, 5xx)
 * scan again before giving up. A created order stays `pending` until `finalize` has reconciled its
 * total, written the notes and set the configured status — so a `pending` order found by a scan
 * is finished, not duplicated.
 */
export class WooOrderCreator {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly client: WooClient,
    private readonly config: CreatorConfig,
  ) {}

  async find(orderId: string, sinceMs: number | null = null): Promise<Result<WooOrder | null>> {
    const cached = this.known.get(orderId);
    if (cached !== undefined) {
      const res = await this.client.get<WooOrder>(`/wc/v3/orders/${cached}`);
      if (res.ok) return ok(res.value.data);
      if (res.error.code !== 'woocommerce_not_found') return res;
      this.known.delete(orderId);
    }
    const after = sinceMs ?? this.config.nowMs() - FIND_ORDER_LOOKBACK_MS;
    const params = {
      after: gmtParam(after),
      dates_are_gmt: true,
      orderby: 'date',
      order: 'desc',
      include_meta: META.orderId,
    };
    for (let page = 1; page <= MAX_SCAN_PAGES; page++) {
      const res = await this.client.get<WooOrder[]>('/wc/v3/orders', { ...params, per_page: 100, page });
      if (!res.ok) return res;
      const hit = res.value.data.find((o) => metaValue(o.meta_data, META.orderId) === orderId);
      if (hit) {
        this.known.set(orderId, hit.id);
        const full = await this.client.get<WooOrder>(`/wc/v3/orders/${hit.id}`);
        return full.ok ? ok(full.value.data) : full;
      }
      if (res.value.data.length < 100 || page >= (res.value.totalPages ?? page)) break;
    }
    return ok(null);
  }

  async create(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    const since = Date.parse(draft.createdTime) - SCAN_MARGIN_MS;
    const sinceMs = Number.isNaN(since) ? null : Math.min(since, this.config.nowMs() - SCAN_MARGIN_MS);
    const existing = await this.find(draft.orderId, sinceMs);
    if (!existing.ok) return existing;
    if (existing.value) return this.finishIfPending(existing.value, draft);
    const posted = await this.client.post<WooOrder>('/wc/v3/orders', toCreateBody(draft, this.config.shippingMethodId));
    if (posted.ok) {
      this.known.set(draft.orderId, posted.value.data.id);
      return this.finalize(posted.value.data, draft);
    }
    if (!posted.error.retryable) return posted;
    // Outcome unknown: the order may exist although the answer was lost.
    const after = await this.find(draft.orderId, sinceMs);
    if (after.ok && after.value) return this.finishIfPending(after.value, draft);
    return posted;
  }

  private finishIfPending(order: WooOrder, draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    return order.status === 'pending' ? this.finalize(order, draft) : Promise.resolve(ok(toRef(order)));
  }

  /** Reconciliation fee (exact Amazon gross), notes, then status (+ paid) in one PUT; FBA orders become `completed`. */
  private async finalize(order: WooOrder, draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    const target = roundTo(draft.totals.gross, decimalsOf(order.total));
    const diff = sub(target, order.total);
    // Amazon ships FBA orders: they arrive already fulfilled (completed, paid), never as orders to ship.
    const status = draft.fulfilledByAmazon === true ? 'completed' : this.config.orderStatus;
    const body: Record<string, unknown> = { status };
    if (status === 'processing') body.set_paid = true;
    if (!equals(diff, '0')) {
      const fee = order.fee_lines.find((f) => f.name === RECONCILIATION_FEE_NAME);
      body.fee_lines = [
        fee
          ? { id: fee.id, total: add(fee.total, diff) }
          : {
              name: RECONCILIATION_FEE_NAME,
              total: diff,
              tax_status: 'none',
              meta_data: [{ key: '_amazon_charge_kind', value: 'adjustment' }],
            },
      ];
    }
    const notes = await this.addMissingNotes(order.id, draft.notes);
    if (!notes.ok) return notes;
    // The merchant may already have acted on the pending order (e.g. cancelled it): never undo that.
    const current = await this.client.get<WooOrder>(`/wc/v3/orders/${order.id}`);
    if (!current.ok) return current;
    if (current.value.data.status !== 'pending') return ok(toRef(current.value.data));
    const put = await this.client.put<WooOrder>(`/wc/v3/orders/${order.id}`, body);
    if (!put.ok) return put;
    if (!equals(put.value.data.total, target)) {
      const note = `OrderBridge: the store total ${put.value.data.total} differs from Amazon's ${target} ${draft.currency}.`;
      const res = await this.client.post(`/wc/v3/orders/${order.id}/notes`, { note, customer_note: false });
      if (!res.ok) return res;
    }
    return ok(toRef(put.value.data));
  }

  /** One private note per draft note, skipping texts the order already has (retries). */
  private async addMissingNotes(orderId: number, notes: readonly string[]): Promise<Result<void>> {
    if (notes.length === 0) return ok(undefined);
    const existing = await this.client.get<WooNote[]>(`/wc/v3/orders/${orderId}/notes`);
    if (!existing.ok) return existing;
    const have = new Set(existing.value.data.map((n) => n.note));
    for (const note of notes) {
      if (have.has(note)) continue;
      const res = await this.client.post(`/wc/v3/orders/${orderId}/notes`, { note, customer_note: false });
      if (!res.ok) return res;
    }
    return ok(undefined);
  }
}
