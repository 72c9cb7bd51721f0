import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft, StoreOrderRef } from '../store-connector.js';
import type { ShopifyContext } from './shopify.context.js';
import { invalid, userError } from './shopify.errors.js';
import { ORDER_ID_METAFIELD, ORDER_METAFIELD, orderCreateVariables } from './shopify-order.input.js';
import { planMoney } from './shopify-order.money.js';
import type { ShopifyOrderRef, ShopifyUserError } from './shopify.types.js';

/** Shops (per base URL) whose two order metafield definitions exist: asked once per process. */
const DEFINED = new Set<string>();

const toRef = (o: ShopifyOrderRef): StoreOrderRef => ({ ref: o.id, number: o.name });

interface OrderCreatePayload {
  orderCreate: { order: ShopifyOrderRef | null; userErrors: ShopifyUserError[] };
}

/**
 * orderCreate once per Amazon order: the Amazon order id is a unique `id` metafield
 * (orderbridge.amazon_order_id), looked up with orderByIdentifier before every create and after
 * every failed or unanswered one; a second unique metafield holds OrderBridge's order id for
 * findOrder. Two OrderBridge installations delivering the same Amazon order get the same order.
 */
export class ShopifyOrderCreator {
  private shopCurrency: string | null = null;

  constructor(
    private readonly ctx: ShopifyContext,
    private readonly shopKey: string,
  ) {}

  async findByAmazonId(amazonOrderId: string): Promise<Result<StoreOrderRef | null>> {
    return this.lookup(ORDER_METAFIELD, amazonOrderId);
  }

  async findByOrderId(orderId: string): Promise<Result<StoreOrderRef | null>> {
    const defined = await this.ensureDefinitions(); // orderByIdentifier needs the definition
    if (!defined.ok) return defined;
    return this.lookup(ORDER_ID_METAFIELD, orderId);
  }

  async create(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    const plan = planMoney(draft);
    if (!plan.ok) return plan;
    const currency = await this.checkCurrency(draft);
    if (!currency.ok) return currency;
    const defined = await this.ensureDefinitions();
    if (!defined.ok) return defined;
    const existing = await this.findByAmazonId(draft.amazonOrderId);
    if (!existing.ok) return existing;
    if (existing.value !== null) return ok(existing.value);
    const variables = orderCreateVariables(draft, plan.value, this.ctx.settings);
    const res = await this.ctx.client.request<OrderCreatePayload>('orderCreate', variables);
    const failure = !res.ok ? res.error : createFailure(res.value.orderCreate, draft);
    if (res.ok && failure === null && res.value.orderCreate.order) return ok(toRef(res.value.orderCreate.order));
    // Unanswered, refused as a duplicate, or created by a racing attempt: Shopify may hold it.
    const after = await this.findByAmazonId(draft.amazonOrderId);
    if (after.ok && after.value !== null) return ok(after.value);
    return err(failure ?? invalid('shopify_invalid_response', 'orderCreate returned no order.'));
  }

  private async lookup(
    field: { namespace: string; key: string },
    value: string,
  ): Promise<Result<StoreOrderRef | null>> {
    const res = await this.ctx.client.request<{ orderByIdentifier: ShopifyOrderRef | null }>('orderByIdentifier', {
      identifier: { customId: { namespace: field.namespace, key: field.key, value } },
    });
    if (!res.ok) return res;
    return ok(res.value.orderByIdentifier ? toRef(res.value.orderByIdentifier) : null);
  }

  /** Shopify keeps orders in the shop currency here: Amazon's amounts are never converted. */
  private async checkCurrency(draft: StoreOrderDraft): Promise<Result<void>> {
    if (this.shopCurrency === null) {
      const shop = await this.ctx.client.request<{ shop: { currencyCode: string } }>('shop');
      if (!shop.ok) return shop;
      this.shopCurrency = shop.value.shop.currencyCode;
    }
    if (draft.currency.toUpperCase() === this.shopCurrency) return ok(undefined);
    return err(
      invalid(
        'shopify_currency_mismatch',
        `Amazon order ${draft.amazonOrderId} is in ${draft.currency}, the Shopify shop sells in ${this.shopCurrency}: OrderBridge does not convert amounts. Connect this marketplace to a shop in ${draft.currency}.`,
        { orderCurrency: draft.currency, shopCurrency: this.shopCurrency },
      ),
    );
  }

  /** Both `id` definitions on ORDER (unique values); "already exists" (TAKEN) is success. */
  private async ensureDefinitions(): Promise<Result<void>> {
    if (DEFINED.has(this.shopKey)) return ok(undefined);
    for (const [field, name] of [
      [ORDER_METAFIELD, 'Amazon order id'],
      [ORDER_ID_METAFIELD, 'OrderBridge order id'],
    ] as const) {
      const definition = { ownerType: 'ORDER', namespace: field.namespace, key: field.key, type: field.type, name };
      const res = await this.ctx.client.request<{
        metafieldDefinitionCreate: { userErrors: ShopifyUserError[] };
      }>('metafieldDefinitionCreate', { definition });
      if (!res.ok) return res;
      const errors = res.value.metafieldDefinitionCreate.userErrors.filter((e) => e.code !== 'TAKEN');
      if (errors.length > 0) return err(userError(errors, 'metafieldDefinitionCreate'));
    }
    DEFINED.add(this.shopKey);
    return ok(undefined);
  }
}

function createFailure(payload: OrderCreatePayload['orderCreate'], draft: StoreOrderDraft): AppError | null {
  if (payload.userErrors.length === 0)
    return payload.order ? null : invalid('shopify_invalid_response', 'orderCreate returned no order.');
  if (payload.userErrors.some((e) => /too many orders|try again later/i.test(e.message))) {
    return new AppError(
      'shopify_rate_limited',
      `Shopify limits new orders on this shop (${payload.userErrors[0]?.message ?? ''}); retrying later.`,
      {
        kind: 'rate_limited',
        retryable: true,
        details: { amazonOrderId: draft.amazonOrderId },
      },
    );
  }
  return userError(payload.userErrors, `orderCreate for ${draft.amazonOrderId}`);
}
