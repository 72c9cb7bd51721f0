import { mul, parseDecimal } from '../../domain/money.js';
import { parseGid } from './constants.js';
import { taxFromRate } from './order-totals.js';
import type { ShopState } from './shop-state.js';
import type { LineItemRecord, MetafieldRecord, TaxLineRecord, VariantRecord } from './shop-model.js';

/** orderCreate's input, checked against the shop (nothing is changed here). */
type Input = Record<string, unknown>;
type Bag = { shopMoney?: { amount: string | number; currencyCode: string } } | null | undefined;

/** A line item as it will be stored, before ids are given. */
export type DraftLine = Omit<LineItemRecord, 'id' | 'variantId' | 'fulfillmentOrderLineItemId'> & {
  variant: VariantRecord | null;
};

export interface OrderDraftErrors {
  errors: { field: string[]; message: string; code: string }[];
}

export class DraftReader {
  readonly errors: OrderDraftErrors['errors'] = [];

  constructor(
    private readonly state: ShopState,
    readonly currency: string,
    readonly taxesIncluded: boolean,
  ) {}

  fail(field: string[], message: string, code = 'INVALID'): void {
    this.errors.push({ field, message, code });
  }

  /** The shop-currency amount of a MoneyBagInput; another currency is refused (no conversion). */
  amount(bag: Bag, field: string[]): string | null {
    const m = bag?.shopMoney;
    if (!m) return null;
    if (m.currencyCode !== this.currency) {
      this.fail([...field, 'shopMoney', 'currencyCode'], `Currency must be ${this.currency}, the shop's currency`);
      return null;
    }
    // Shopify's Decimal accepts JSON numbers too (its own examples send 74.99).
    const amount = typeof m.amount === 'number' ? String(m.amount) : m.amount;
    if (!parseDecimal(amount).ok) {
      this.fail([...field, 'shopMoney', 'amount'], 'Amount is invalid');
      return null;
    }
    return amount;
  }

  taxLines(list: unknown, base: string, field: string[]): TaxLineRecord[] {
    return ((list as Input[] | null | undefined) ?? []).map((t, i) => {
      const f = [...field, 'taxLines', String(i)];
      const rate = String(t.rate);
      if (!parseDecimal(rate).ok) this.fail([...f, 'rate'], 'Rate is invalid', 'TAX_LINE_RATE_MISSING');
      const given = this.amount(t.priceSet as Bag, [...f, 'priceSet']);
      const amount =
        given ?? (parseDecimal(rate).ok ? taxFromRate(base, rate, this.taxesIncluded, this.currency) : '0');
      return { title: String(t.title), rate, amount, channelLiable: (t.channelLiable as boolean | null) ?? null };
    });
  }

  line(l: Input, i: number): DraftLine | null {
    const field = ['order', 'lineItems', String(i)];
    let variant: VariantRecord | null = null;
    if (l.variantId != null) {
      const id = parseGid(l.variantId, 'ProductVariant');
      variant = id === null ? null : (this.state.variants.get(id) ?? null);
      if (!variant) {
        this.fail([...field, 'variantId'], 'Variant does not exist');
        return null;
      }
    } else if (typeof l.title !== 'string' || l.title === '') {
      this.fail([...field, 'title'], 'Title is required for a custom line item');
    }
    const quantity = l.quantity as number;
    if (!Number.isInteger(quantity) || quantity <= 0)
      this.fail([...field, 'quantity'], 'Quantity must be greater than 0');
    const unitPrice = this.amount(l.priceSet as Bag, [...field, 'priceSet']) ?? variant?.price ?? null;
    if (unitPrice === null) this.fail([...field, 'priceSet'], 'Price is required for a custom line item');
    const price = unitPrice ?? '0';
    const base = Number.isInteger(quantity) && quantity > 0 ? mul(price, String(quantity)) : '0';
    return {
      variant,
      sku: (l.sku as string | null | undefined) ?? variant?.sku ?? null,
      title: (l.title as string | undefined) ?? variant?.productTitle ?? '',
      variantTitle:
        (l.variantTitle as string | undefined) ?? (variant && variant.title !== 'Default Title' ? variant.title : null),
      vendor: (l.vendor as string | null | undefined) ?? null,
      quantity,
      unitPrice: price,
      taxLines: this.taxLines(l.taxLines, base, field),
      properties: ((l.properties as { name: string; value: string }[] | null) ?? []).map((p) => ({
        name: p.name,
        value: p.value,
      })),
      // The schema defaults requiresShipping to false; a variant's line follows its inventory item.
      requiresShipping: variant !== null || l.requiresShipping === true,
      taxable: (l.taxable as boolean | null) ?? true,
    };
  }

  /** Metafields; a value already held by another order under a unique (`id`) definition is TAKEN. */
  metafields(list: unknown): Omit<MetafieldRecord, 'id'>[] {
    return ((list as Input[] | null | undefined) ?? []).map((m, i) => {
      const field = ['order', 'metafields', String(i)];
      const namespace = (m.namespace as string | null) ?? '$app';
      const key = typeof m.key === 'string' ? m.key : '';
      const def = this.state.definitions.find(
        (d) => d.ownerType === 'ORDER' && d.namespace === namespace && d.key === key,
      );
      const type = (m.type as string | null) ?? def?.type ?? 'single_line_text_field';
      const value = typeof m.value === 'string' ? m.value : '';
      if (def && def.type !== type) this.fail([...field, 'type'], `Type must be ${def.type} (the definition's type)`);
      if (def?.unique && this.valueTaken(namespace, key, value)) {
        this.fail([...field, 'value'], 'Value is already taken', 'INVALID');
      }
      if (value === '') this.fail([...field, 'value'], "Value can't be blank");
      return { namespace, key, type, value };
    });
  }

  private valueTaken(namespace: string, key: string, value: string): boolean {
    for (const o of this.state.orders.values()) {
      if (o.metafields.some((m) => m.namespace === namespace && m.key === key && m.value === value)) return true;
    }
    return false;
  }
}
