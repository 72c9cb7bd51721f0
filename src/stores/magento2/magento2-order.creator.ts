import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft, StoreOrderRef } from '../store-connector.js';
import type { MagentoContext } from './magento2.context.js';
import { invalid } from './magento2.errors.js';
import { orderEntity } from './magento2-order.body.js';
import { deductStock, invoiceIfDue } from './magento2-order.finish.js';
import { orderByAmazonId, toRef } from './magento2-order.lookup.js';
import { planMoney } from './magento2-order.money.js';
import type { MagentoOrder, MagentoProduct } from './magento2.types.js';

/** Magento's increment_id column holds 50 characters. */
const MAX_INCREMENT_ID = 50;

export const incrementIdOf = (ctx: MagentoContext, amazonOrderId: string): string =>
  `${ctx.settings.incrementIdPrefix}${amazonOrderId}`.slice(0, MAX_INCREMENT_ID);

/** product_id and type of every linked SKU (one search); a linked SKU Magento lacks is an error. */
async function productsOf(
  ctx: MagentoContext,
  draft: StoreOrderDraft,
): Promise<Result<Map<string, { id: number; typeId: string }>>> {
  const skus = [...new Set(draft.items.map((i) => i.productRef).filter((r): r is string => r !== null))];
  const out = new Map<string, { id: number; typeId: string }>();
  if (skus.length === 0) return ok(out);
  const res = await ctx.client.searchAll<MagentoProduct>('productsSearch', {
    groups: [skus.map((value) => ({ field: 'sku', value }))],
    pageSize: 100,
  });
  if (!res.ok) return res;
  for (const sku of skus) {
    const p = res.value.find((x) => x.sku === sku) ?? res.value.find((x) => x.sku.toLowerCase() === sku.toLowerCase());
    if (!p) {
      return err(
        invalid('magento2_product_not_found', `Magento has no product with SKU "${sku}" (linked to an Amazon item).`, {
          sku,
        }),
      );
    }
    out.set(sku, { id: p.id, typeId: p.type_id ?? 'simple' });
  }
  return ok(out);
}

/**
 * Direct save (`POST /V1/orders`) once per Amazon order: `ext_order_id` = Amazon's id is looked up
 * before every create and after every failed or unanswered one (lost answer, timeout, 5xx, the
 * increment_id refused as a duplicate) — the order Magento saved is returned and finished (invoice,
 * stock deduction; both once).
 */
export async function createDirect(ctx: MagentoContext, draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
  const plan = planMoney(draft);
  if (!plan.ok) return plan;
  const currency = await ctx.checkCurrency(draft);
  if (!currency.ok) return currency;
  const existing = await orderByAmazonId(ctx, draft.amazonOrderId);
  if (!existing.ok) return existing;
  if (existing.value) return finish(ctx, existing.value, draft);
  const store = await ctx.store();
  if (!store.ok) return store;
  const products = await productsOf(ctx, draft);
  if (!products.ok) return products;
  const entity = orderEntity(draft, plan.value, {
    storeId: store.value.id,
    incrementId: incrementIdOf(ctx, draft.amazonOrderId),
    paymentMethod: ctx.settings.paymentMethod,
    shippingMethodCode: ctx.settings.cartShippingMethod,
    products: products.value,
  });
  const saved = await ctx.client.request<MagentoOrder>('orderSave', { body: { entity } });
  if (saved.ok && saved.value?.entity_id) return finish(ctx, saved.value, draft);
  const failure = saved.ok ? null : saved.error;
  if (failure === null || failure.retryable || failure.code === 'magento2_duplicate') {
    const after = await orderByAmazonId(ctx, draft.amazonOrderId);
    if (after.ok && after.value) return finish(ctx, after.value, draft);
    if (!after.ok && failure === null) return after;
  }
  if (failure?.code === 'magento2_duplicate') {
    return err(
      invalid(
        'magento2_increment_id_taken',
        `Magento already has an order number ${entity.increment_id as string} that is not Amazon order ${draft.amazonOrderId}; change incrementIdPrefix.`,
      ),
    );
  }
  return err(failure ?? invalid('magento2_invalid_response', 'POST /V1/orders returned no order.'));
}

async function finish(
  ctx: MagentoContext,
  order: MagentoOrder,
  draft: StoreOrderDraft,
): Promise<Result<StoreOrderRef>> {
  const invoiced = await invoiceIfDue(ctx, order);
  if (!invoiced.ok) return invoiced;
  const stock = await deductStock(ctx, draft);
  if (!stock.ok) return stock;
  return ok(toRef(order));
}
