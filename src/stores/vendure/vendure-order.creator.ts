import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft, StoreOrderRef } from '../store-connector.js';
import type { VendureClient } from './vendure.client.js';
import { orderMismatch } from './vendure.errors.js';
import { mutate, setCharges, setCustomer, setShipping } from './vendure-draft.steps.js';
import { planOrder, reconciliation, type VendureOrderPlan } from './vendure-order.mapper.js';
import { Q } from './vendure.queries.js';
import type { VendureOrder } from './vendure.types.js';

export interface CreatorOptions {
  shippingMethodCode: string | undefined;
  paymentMethodCode: string;
  nowMs(): number;
  /** A Draft carrying our id untouched this long is a crashed attempt's and is replaced. */
  staleDraftMs: number;
}

export const STALE_DRAFT_MS = 2 * 60 * 1000;

const toRef = (o: VendureOrder): StoreOrderRef => ({ ref: o.id, number: o.code });

/**
 * Draft-order flow: createDraftOrder → external reference (unique custom field) → lines with
 * Amazon's prices → customer, addresses, shipping → OrderBridge surcharges (+ reconciliation) →
 * notes → ArrangingPayment → manual payment (PaymentSettled). Idempotent: an order already
 * carrying the OrderBridge id is returned; one left in ArrangingPayment gets its payment; a Draft
 * untouched for staleDraftMs (a crashed attempt's) is deleted and created again, a younger one is
 * another attempt still at work (vendure_order_in_progress, retryable). A failed attempt deletes
 * its own Draft.
 */
export class VendureOrderCreator {
  constructor(
    private readonly client: VendureClient,
    private readonly options: CreatorOptions,
  ) {}

  async find(orderId: string): Promise<Result<VendureOrder | null>> {
    const res = await this.client.request<{ orders: { items: VendureOrder[] } }>('findOrder', Q.findOrder, {
      id: orderId,
    });
    return res.ok ? ok(res.value.orders.items[0] ?? null) : res;
  }

  async create(draft: StoreOrderDraft): Promise<Result<StoreOrderRef>> {
    const plan = planOrder(draft);
    if (!plan.ok) return plan;
    const existing = await this.find(draft.orderId);
    if (!existing.ok) return existing;
    if (existing.value !== null) {
      const resumed = await this.resume(existing.value, draft);
      if (resumed !== 'recreate') return resumed;
    }
    const created = await this.client.request<{ createDraftOrder: VendureOrder }>('createDraftOrder', Q.createDraft);
    if (!created.ok) return created;
    const order = created.value.createDraftOrder;
    const tagged = await this.client.request('setDraftOrderCustomFields', Q.setOrderFields, {
      id: order.id,
      input: { id: order.id, customFields: plan.value.orderFields },
    });
    if (!tagged.ok) {
      await this.client.request('deleteDraftOrder', Q.deleteDraft, { id: order.id });
      if (tagged.error.code !== 'vendure_conflict') return tagged;
      const winner = await this.find(draft.orderId); // a racing attempt created it first
      if (!winner.ok) return winner;
      const outcome = winner.value ? await this.resume(winner.value, draft, false) : tagged;
      return outcome === 'recreate' ? tagged : outcome;
    }
    const filled = await this.fill(order.id, plan.value, draft);
    const placed = filled.ok ? await this.place(order.id, draft) : filled;
    if (placed.ok) return ok(toRef(order));
    await this.discardIfDraft(order.id);
    return placed;
  }

  /** After a failure: a Draft is deleted (a retry starts clean); ArrangingPayment stays (resume pays). */
  private async discardIfDraft(id: string): Promise<void> {
    const current = await this.client.request<{ order: VendureOrder | null }>('order', Q.order, { id });
    if (current.ok && current.value.order?.state === 'Draft') {
      await this.client.request('deleteDraftOrder', Q.deleteDraft, { id });
    }
  }

  /** An order with our id exists: finish it, report it in progress, or (stale Draft) start over. */
  private async resume(
    found: VendureOrder,
    draft: StoreOrderDraft,
    mayRecreate = true,
  ): Promise<Result<StoreOrderRef> | 'recreate'> {
    if (found.state === 'Draft') {
      const age = this.options.nowMs() - Date.parse(found.updatedAt);
      if (!mayRecreate || !(age >= this.options.staleDraftMs)) return err(inProgress(draft, found));
      const del = await this.client.request('deleteDraftOrder', Q.deleteDraft, { id: found.id });
      return del.ok ? 'recreate' : del;
    }
    if (found.state === 'ArrangingPayment') {
      const paid = await this.pay(found.id, draft);
      return paid.ok ? ok(toRef(found)) : paid;
    }
    return ok(toRef(found));
  }

  private async fill(id: string, plan: VendureOrderPlan, draft: StoreOrderDraft): Promise<Result<void>> {
    for (const line of plan.lines) {
      const res = await mutate(this.client, 'addItemToDraftOrder', Q.addItem, { id, input: line }, ['Order']);
      if (!res.ok) return res;
    }
    const customer = await setCustomer(this.client, id, plan.customer);
    if (!customer.ok) return customer;
    for (const [name, query, input] of [
      ['setDraftOrderShippingAddress', Q.shippingAddress, plan.shippingAddress],
      ['setDraftOrderBillingAddress', Q.billingAddress, plan.billingAddress],
    ] as const) {
      if (input === null) continue;
      const res = await this.client.request(name, query, { id, input });
      if (!res.ok) return res;
    }
    const method = await setShipping(this.client, id, this.options.shippingMethodCode, draft);
    if (!method.ok) return method;
    const charged = await setCharges(this.client, id, plan.charges);
    if (!charged.ok) return charged;
    const fix = reconciliation(plan.totalWithTax, charged.value);
    if (fix !== null) {
      const again = await setCharges(this.client, id, [...plan.charges, fix]);
      if (!again.ok) return again;
      if (again.value !== plan.totalWithTax) {
        return err(orderMismatch(draft.amazonOrderId, plan.totalWithTax, again.value));
      }
    }
    for (const note of plan.notes) {
      const res = await this.client.request('addNoteToOrder', Q.addNote, { input: { id, note, isPublic: false } });
      if (!res.ok) return res;
    }
    return ok(undefined);
  }

  private async place(id: string, draft: StoreOrderDraft): Promise<Result<void>> {
    const moved = await mutate(this.client, 'transitionOrderToState', Q.transition, { id, state: 'ArrangingPayment' }, [
      'Order',
    ]);
    if (!moved.ok) return moved;
    return this.pay(id, draft);
  }

  private async pay(id: string, draft: StoreOrderDraft): Promise<Result<void>> {
    const input = {
      orderId: id,
      method: this.options.paymentMethodCode,
      transactionId: draft.amazonOrderId,
      metadata: { source: 'amazon', amazonOrderId: draft.amazonOrderId, marketplaceId: draft.marketplaceId },
    };
    const res = await mutate(this.client, 'addManualPaymentToOrder', Q.addPayment, { input }, ['Order']);
    return res.ok ? ok(undefined) : res;
  }
}

function inProgress(draft: StoreOrderDraft, found: VendureOrder): AppError {
  return new AppError(
    'vendure_order_in_progress',
    `Vendure order ${found.code} for ${draft.amazonOrderId} is still being created by another attempt.`,
    { kind: 'conflict', retryable: true, details: { vendureOrderId: found.id } },
  );
}
