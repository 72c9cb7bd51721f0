import { randomBytes } from 'node:crypto';
import { applyAddress, applyFeeLines, applyLineItems, applyShippingLines, emptyAddress } from './order-input.js';
import { paymentComplete, setStatus, type LifecycleEnv } from './order-lifecycle.js';
import { recalculateOrder } from './order-totals.js';
import type { TaxTable } from './tax-table.js';
import { applyMetaInput } from './woo-context.js';
import { WooHttpError, invalidOrderId, invalidParam } from './woo-errors.js';
import { ORDER_STATUSES, type OrderRecord, type OrderStatus } from './woo-model.js';

type Json = Record<string, unknown>;
export type OrderChange = (order: OrderRecord, event: 'created' | 'updated' | 'deleted') => void;

const RECALC_KEYS = ['billing', 'shipping', 'line_items', 'shipping_lines', 'fee_lines', 'coupon_lines'];

function parseStatus(value: unknown): OrderStatus {
  const allowed = ORDER_STATUSES.filter((s) => s !== 'trash');
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidParam('status', `status is not one of ${allowed.join(', ')}.`);
  }
  return value as OrderStatus;
}

/** Orders with WooCommerce's create/update semantics. No idempotency key: every POST is a new order. */
export class OrderStore {
  private byId = new Map<number, OrderRecord>();

  constructor(
    private readonly env: LifecycleEnv,
    private readonly taxes: TaxTable,
    private readonly changed: OrderChange,
  ) {}

  clear(): void {
    this.byId.clear();
  }

  all(): OrderRecord[] {
    return [...this.byId.values()];
  }

  get(id: number): OrderRecord {
    const order = this.byId.get(id);
    if (!order) throw invalidOrderId();
    return order;
  }

  create(body: Json): OrderRecord {
    const { ctx } = this.env;
    const now = ctx.nowMs();
    if (body.coupon_lines !== undefined && Array.isArray(body.coupon_lines) && body.coupon_lines.length > 0) {
      throw new WooHttpError(400, 'woocommerce_rest_invalid_coupon', 'Coupon code is not valid.');
    }
    const status = body.status === undefined ? 'pending' : parseStatus(body.status);
    const order: OrderRecord = {
      id: ctx.ids.next('post'),
      orderKey: `wc_order_${randomBytes(7).toString('hex').slice(0, 13)}`,
      status: 'pending',
      currency: typeof body.currency === 'string' && body.currency !== '' ? body.currency : ctx.settings.currency,
      createdMs: now,
      modifiedMs: now,
      paidMs: null,
      completedMs: null,
      customerNote: typeof body.customer_note === 'string' ? body.customer_note : '',
      paymentMethod: typeof body.payment_method === 'string' ? body.payment_method : '',
      paymentMethodTitle: typeof body.payment_method_title === 'string' ? body.payment_method_title : '',
      transactionId: typeof body.transaction_id === 'string' ? body.transaction_id : '',
      billing: emptyAddress(true),
      shipping: emptyAddress(false),
      lineItems: [],
      shippingLines: [],
      feeLines: [],
      taxLines: [],
      meta: [],
      notes: [],
      totals: { discountTotal: '0', shippingTotal: '0', shippingTax: '0', cartTax: '0', totalTax: '0', total: '0' },
    };
    this.applyContent(order, body);
    recalculateOrder(ctx, this.taxes, order);
    this.byId.set(order.id, order);
    this.applyStatus(order, status, body.set_paid === true);
    this.changed(order, 'created');
    return order;
  }

  update(id: number, body: Json): OrderRecord {
    const order = this.get(id);
    const status = body.status === undefined ? null : parseStatus(body.status);
    this.applyContent(order, body);
    if (typeof body.customer_note === 'string') order.customerNote = body.customer_note;
    if (typeof body.transaction_id === 'string') order.transactionId = body.transaction_id;
    if (typeof body.currency === 'string' && body.currency !== '') order.currency = body.currency;
    if (RECALC_KEYS.some((k) => body[k] !== undefined)) recalculateOrder(this.env.ctx, this.taxes, order);
    this.applyStatus(order, status, body.set_paid === true);
    order.modifiedMs = this.env.ctx.nowMs();
    this.changed(order, 'updated');
    return order;
  }

  /** Without force the order goes to the trash (status `trash`), like WooCommerce. */
  delete(id: number, force: boolean): OrderRecord {
    const order = this.get(id);
    if (force) this.byId.delete(id);
    else {
      order.status = 'trash';
      order.modifiedMs = this.env.ctx.nowMs();
    }
    this.changed(order, 'deleted');
    return order;
  }

  /** For control actions that change an order outside a REST request (ship, cancel). */
  touch(order: OrderRecord): void {
    order.modifiedMs = this.env.ctx.nowMs();
    this.changed(order, 'updated');
  }

  private applyContent(order: OrderRecord, body: Json): void {
    const { ctx, products } = this.env;
    applyAddress(order.billing, body.billing, 'billing');
    applyAddress(order.shipping, body.shipping, 'shipping');
    applyLineItems(ctx, products, order, body.line_items);
    applyShippingLines(ctx, order, body.shipping_lines);
    applyFeeLines(ctx, order, body.fee_lines);
    applyMetaInput(ctx, order.meta, body.meta_data);
  }

  private applyStatus(order: OrderRecord, status: OrderStatus | null, setPaid: boolean): void {
    if (status !== null) setStatus(this.env, order, status);
    if (setPaid) paymentComplete(this.env, order);
  }
}
