import type { ProductStore } from './product-store.js';
import { deleteMeta, getMeta, setMeta, type WooContext } from './woo-context.js';
import { STOCK_REDUCED_META_KEY, type OrderRecord, type OrderStatus } from './woo-model.js';

/** Status changes with WooCommerce's side effects: stock hooks, dates and system notes. */
export interface LifecycleEnv {
  ctx: WooContext;
  products: ProductStore;
}

const LABELS: Record<OrderStatus, string> = {
  pending: 'Pending payment',
  processing: 'Processing',
  'on-hold': 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  failed: 'Failed',
  trash: 'Trash',
};
const REDUCE_ON: readonly OrderStatus[] = ['processing', 'on-hold', 'completed'];
const RESTORE_ON: readonly OrderStatus[] = ['cancelled', 'pending', 'refunded'];

export function addSystemNote(env: LifecycleEnv, order: OrderRecord, note: string, customerNote = false): void {
  order.notes.push({
    id: env.ctx.ids.next('note'),
    note,
    customerNote,
    addedByUser: false,
    createdMs: env.ctx.nowMs(),
  });
}

export function setStatus(env: LifecycleEnv, order: OrderRecord, to: OrderStatus): void {
  const from = order.status;
  if (from === to) return;
  order.status = to;
  const now = env.ctx.nowMs();
  if (to === 'completed') order.completedMs = now;
  if ((to === 'processing' || to === 'completed') && order.paidMs === null) order.paidMs = now;
  addSystemNote(env, order, `Order status changed from ${LABELS[from]} to ${LABELS[to]}.`);
  if (REDUCE_ON.includes(to)) reduceStock(env, order);
  if (RESTORE_ON.includes(to)) restoreStock(env, order);
}

/** WC_Order::payment_complete: pending/on-hold/failed/cancelled → processing, date_paid, stock. */
export function paymentComplete(env: LifecycleEnv, order: OrderRecord): void {
  if (!['pending', 'on-hold', 'failed', 'cancelled'].includes(order.status)) return;
  order.paidMs ??= env.ctx.nowMs();
  setStatus(env, order, 'processing');
  reduceStock(env, order);
}

/** wc_maybe_reduce_stock_levels: once per order (the `_order_stock_reduced` flag). */
function reduceStock(env: LifecycleEnv, order: OrderRecord): void {
  if (getMeta(order.meta, STOCK_REDUCED_META_KEY) === 'yes') return;
  const changes: string[] = [];
  for (const line of order.lineItems) {
    const product = env.products.get(line.variationId || line.productId);
    if (!product || !product.manageStock || product.stockQuantity === null) continue;
    const before = product.stockQuantity;
    env.products.changeStock(product, -line.quantity);
    setMeta(env.ctx, line.meta, '_reduced_stock', String(line.quantity));
    changes.push(`${product.name} (${product.sku || product.id}) ${before}→${product.stockQuantity}`);
  }
  setMeta(env.ctx, order.meta, STOCK_REDUCED_META_KEY, 'yes');
  if (changes.length > 0) addSystemNote(env, order, `Stock levels reduced: ${changes.join(', ')}`);
}

/** wc_maybe_increase_stock_levels: gives back what this order reduced. */
function restoreStock(env: LifecycleEnv, order: OrderRecord): void {
  if (getMeta(order.meta, STOCK_REDUCED_META_KEY) !== 'yes') return;
  const changes: string[] = [];
  for (const line of order.lineItems) {
    const reduced = Number(getMeta(line.meta, '_reduced_stock') ?? 0);
    const product = env.products.get(line.variationId || line.productId);
    deleteMeta(line.meta, '_reduced_stock');
    if (!product || reduced <= 0 || product.stockQuantity === null) continue;
    const before = product.stockQuantity;
    env.products.changeStock(product, reduced);
    changes.push(`${product.name} (${product.sku || product.id}) ${before}→${product.stockQuantity}`);
  }
  setMeta(env.ctx, order.meta, STOCK_REDUCED_META_KEY, 'no');
  if (changes.length > 0) addSystemNote(env, order, `Stock levels increased: ${changes.join(', ')}`);
}
