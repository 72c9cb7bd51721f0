import { err, ok, type Result } from '../../lib/result.js';
import { productBySku, salableQuantity } from './magento2-catalog.js';
import type { MagentoContext } from './magento2.context.js';
import { invalid } from './magento2.errors.js';
import { searchParams } from './magento2-search.js';
import {
  ensureLedgerAttribute,
  ledgerAttribute,
  readLedger,
  withEntry,
  type LedgerEntry,
} from './magento2-stock.ledger.js';
import type { MagentoProduct, MagentoSourceItem } from './magento2.types.js';

/** Salable quantity per SKU in the configured stock; SKUs Magento cannot tell about are left out. */
export async function readStock(ctx: MagentoContext, refs: readonly string[]): Promise<Result<Map<string, number>>> {
  const out = new Map<string, number>();
  for (const sku of new Set(refs)) {
    if (sku.trim() === '') continue;
    const res = await salableQuantity({ client: ctx.client, stockId: ctx.settings.stockId }, sku);
    if (!res.ok) return res;
    if (res.value !== null) out.set(sku, res.value);
  }
  return ok(out);
}

async function sourceQuantity(ctx: MagentoContext, sku: string): Promise<Result<number | null>> {
  const res = await ctx.client.request<{ items?: MagentoSourceItem[] }>('sourceItemsSearch', {
    query: searchParams({
      groups: [[{ field: 'sku', value: sku }], [{ field: 'source_code', value: ctx.settings.sourceCode }]],
      pageSize: 1,
    }),
  });
  if (!res.ok) return res;
  const item = res.value?.items?.[0];
  return ok(item ? Number(item.quantity) : null);
}

const saveLedger = (
  ctx: MagentoContext,
  p: MagentoProduct,
  ledger: LedgerEntry[],
  extra: Record<string, unknown> = {},
) =>
  ctx.client.request<MagentoProduct>('productSave', {
    params: { sku: p.sku },
    body: { product: { sku: p.sku, custom_attributes: [ledgerAttribute(ledger)], ...extra } },
  });

/** Source `default`: the ledger entry and the legacy stock item (kept in step with it) in ONE PUT. */
async function adjustDefaultSource(
  ctx: MagentoContext,
  p: MagentoProduct,
  ledger: LedgerEntry[],
  delta: number,
  key: string,
) {
  const stockItem = p.extension_attributes?.stock_item;
  if (!stockItem || stockItem.manage_stock === false || typeof stockItem.qty !== 'number') {
    return err(notManaged(p.sku));
  }
  const next = stockItem.qty + delta;
  // The item as Magento answered it (the schema requires its fields back), without nulls Magento refuses.
  const item = Object.fromEntries(Object.entries(stockItem).filter(([, v]) => v !== null));
  const put = await saveLedger(ctx, p, withEntry(ledger, { k: key, s: 'done' }), {
    extension_attributes: { stock_item: { ...item, qty: next, is_in_stock: next > 0 } },
  });
  return put.ok ? ok(next) : put;
}

async function writeSource(ctx: MagentoContext, sku: string, quantity: number): Promise<Result<void>> {
  const res = await ctx.client.request('sourceItemsSave', {
    body: { sourceItems: [{ sku, source_code: ctx.settings.sourceCode, quantity, status: quantity > 0 ? 1 : 0 }] },
  });
  return res.ok ? ok(undefined) : res;
}

/**
 * Another source: ledger entry pending(from, to) → `POST /V1/inventory/source-items` → ledger done.
 * A retry that finds the entry pending reads the source: at `to` it was written; at `from` it was
 * not; anything else means someone changed it in between — the delta is applied to that quantity
 * (never a second time, the entry then says done).
 */
async function adjustOtherSource(
  ctx: MagentoContext,
  p: MagentoProduct,
  ledger: LedgerEntry[],
  delta: number,
  key: string,
) {
  const current = await sourceQuantity(ctx, p.sku);
  if (!current.ok) return current;
  if (current.value === null) return err(notManaged(p.sku));
  const pending = ledger.find((e) => e.k === key && e.s === 'pending');
  let target = current.value + delta;
  let log = ledger;
  if (pending === undefined) {
    log = withEntry(ledger, { k: key, s: 'pending', f: current.value, t: target });
    const marked = await saveLedger(ctx, p, log);
    if (!marked.ok) return marked;
  } else if (current.value === pending.t) {
    target = current.value; // written before the crash
  }
  if (target !== current.value) {
    const written = await writeSource(ctx, p.sku, target);
    if (!written.ok) return written;
  }
  const done = await saveLedger(ctx, p, withEntry(log, { k: key, s: 'done', f: current.value, t: target }));
  return done.ok ? ok(target) : done;
}

async function loadProduct(ctx: MagentoContext, sku: string): Promise<Result<MagentoProduct>> {
  const product = await productBySku({ client: ctx.client, stockId: ctx.settings.stockId }, sku);
  if (!product.ok) return product;
  if (product.value === null) {
    return err(invalid('magento2_product_not_found', `Magento has no product with SKU "${sku}".`, { sku }));
  }
  return ok(product.value);
}

/** The quantity after `key` when the ledger records it as applied; null when it does not. */
async function appliedQuantity(ctx: MagentoContext, p: MagentoProduct, key: string): Promise<Result<number | null>> {
  if (!readLedger(p).some((e) => e.k === key && e.s === 'done')) return ok(null);
  const qty = ctx.settings.sourceCode === 'default' ? p.extension_attributes?.stock_item?.qty : null;
  if (typeof qty === 'number') return ok(qty);
  const current = await sourceQuantity(ctx, p.sku);
  return current.ok ? ok(current.value ?? 0) : current;
}

async function attempt(ctx: MagentoContext, sku: string, delta: number, key: string): Promise<Result<number>> {
  const product = await loadProduct(ctx, sku);
  if (!product.ok) return product;
  const p = product.value;
  const ready = await ensureLedgerAttribute(ctx, p.attribute_set_id);
  if (!ready.ok) return ready;
  const applied = await appliedQuantity(ctx, p, key);
  if (!applied.ok) return applied;
  if (applied.value !== null) return ok(applied.value);
  const ledger = readLedger(p);
  return ctx.settings.sourceCode === 'default'
    ? adjustDefaultSource(ctx, p, ledger, delta, key)
    : adjustOtherSource(ctx, p, ledger, delta, key);
}

/**
 * `delta` on the configured source's quantity, once per `key`: the product's ledger attribute
 * (orderbridge_stock_log) records every key applied. A write whose answer was lost is looked up in
 * the ledger before failing. Returns the source quantity afterwards.
 */
export async function adjustStock(
  ctx: MagentoContext,
  sku: string,
  delta: number,
  key: string,
): Promise<Result<number>> {
  const first = await attempt(ctx, sku, delta, key);
  if (first.ok || !first.error.retryable) return first;
  const product = await loadProduct(ctx, sku);
  if (!product.ok) return first;
  const applied = await appliedQuantity(ctx, product.value, key);
  return applied.ok && applied.value !== null ? ok(applied.value) : first;
}

/** Whether the ledger of `sku` records `key` as applied (a cancel gives back only what was taken). */
export async function wasApplied(ctx: MagentoContext, sku: string, key: string): Promise<Result<boolean>> {
  const product = await productBySku({ client: ctx.client, stockId: ctx.settings.stockId }, sku);
  if (!product.ok) return product;
  return ok(product.value !== null && readLedger(product.value).some((e) => e.k === key && e.s === 'done'));
}

function notManaged(sku: string) {
  return invalid(
    'magento2_stock_not_managed',
    `Magento does not manage stock of "${sku}" in the source the connection uses; enable Manage Stock or assign the source.`,
    { sku },
  );
}
