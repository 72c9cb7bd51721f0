import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft, StoreOrderRef } from '../store-connector.js';
import { unwrap, type VendureClient } from './vendure.client.js';
import { invalidResponse, orderMismatch, type ErrorResultShape } from './vendure.errors.js';
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

type R = ErrorResultShape & { id?: string };
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
      return winner.value ? this.resume(winner.value, draft, false) : tagged;
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
  private async resume(found: VendureOrder, draft: StoreOrderDraft, mayRecreate = true) {
    if (found.state === 'Draft') {
      const age = this.options.nowMs() - Date.parse(found.updatedAt);
      if (!mayRecreate || !(age >= this.options.staleDraftMs)) return err(inProgress(draft, found));
      const del = await this.client.request('deleteDraftOrder', Q.deleteDraft, { id: found.id });
      return del.ok ? ('recreate' as const) : del;
    }
    if (found.state === 'ArrangingPayment') {
      const paid = await this.pay(found.id, draft);
      return paid.ok ? ok(toRef(found)) : paid;
    }
    return ok(toRef(found));
  }

  private async fill(id: string, plan: VendureOrderPlan, draft: StoreOrderDraft): Promise<Result<void>> {
    for (const line of plan.lines) {
      const res = await this.mutate('addItemToDraftOrder', Q.addItem, { id, input: line }, ['Order']);
      if (!res.ok) return res;
    }
    const customer = await this.setCustomer(id, plan.customer);
    if (!customer.ok) return customer;
    const ship = await this.client.request('setDraftOrderShippingAddress', Q.shippingAddress, {
      id,
      input: plan.shippingAddress,
    });
    if (!ship.ok) return ship;
    const bill = await this.client.request('setDraftOrderBillingAddress', Q.billingAddress, {
      id,
      input: plan.billingAddress,
    });
    if (!bill.ok) return bill;
    const method = await this.setShipping(id, draft);
    if (!method.ok) return method;
    const charged = await this.setCharges(id, plan.charges);
    if (!charged.ok) return charged;
    const fix = reconciliation(plan.totalWithTax, charged.value);
    if (fix !== null) {
      const again = await this.setCharges(id, [...plan.charges, fix]);
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

  private async setCustomer(id: string, customer: VendureOrderPlan['customer']): Promise<Result<void>> {
    const res = await this.mutate('setCustomerForDraftOrder', Q.setCustomer, { id, input: customer }, ['Order']);
    if (res.ok || res.error.details.errorCode !== 'EMAIL_ADDRESS_CONFLICT_ERROR') return res.ok ? ok(undefined) : res;
    const found = await this.client.request<{ customers: { items: { id: string }[] } }>(
      'customers',
      Q.customerByEmail,
      { email: customer.emailAddress },
    );
    if (!found.ok) return found;
    const customerId = found.value.customers.items[0]?.id;
    if (customerId === undefined) return res;
    const set = await this.mutate('setCustomerForDraftOrder', Q.setCustomer, { id, customerId }, ['Order']);
    return set.ok ? ok(undefined) : set;
  }

  private async setShipping(id: string, draft: StoreOrderDraft): Promise<Result<void>> {
    const quotes = await this.client.request<{ eligibleShippingMethodsForDraftOrder: { id: string; code: string }[] }>(
      'eligibleShippingMethodsForDraftOrder',
      Q.shippingMethods,
      { id },
    );
    if (!quotes.ok) return quotes;
    const list = quotes.value.eligibleShippingMethodsForDraftOrder;
    const wanted = this.options.shippingMethodCode;
    const method = wanted === undefined ? list[0] : list.find((m) => m.code === wanted);
    if (method === undefined) {
      const message = `No eligible Vendure shipping method ${wanted ? `"${wanted}" ` : ''}for order ${draft.amazonOrderId}.`;
      return err(
        new AppError('vendure_shipping_method_missing', message, {
          kind: 'invalid',
          retryable: false,
          details: { eligible: list.map((m) => m.code) },
        }),
      );
    }
    const res = await this.mutate('setDraftOrderShippingMethod', Q.setShippingMethod, { id, methodId: method.id }, [
      'Order',
    ]);
    return res.ok ? ok(undefined) : res;
  }

  private async setCharges(id: string, charges: VendureOrderPlan['charges']): Promise<Result<number>> {
    const res = await this.client.request<{ orderBridgeSetOrderCharges: { totalWithTax: number } | null }>(
      'orderBridgeSetOrderCharges',
      Q.setCharges,
      { id, charges },
    );
    if (!res.ok) return res;
    return ok(res.value.orderBridgeSetOrderCharges?.totalWithTax ?? 0);
  }

  private async place(id: string, draft: StoreOrderDraft): Promise<Result<void>> {
    const moved = await this.mutate('transitionOrderToState', Q.transition, { id, state: 'ArrangingPayment' }, [
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
    const res = await this.mutate('addManualPaymentToOrder', Q.addPayment, { input }, ['Order']);
    return res.ok ? ok(undefined) : res;
  }

  private async mutate(name: string, query: string, variables: Record<string, unknown>, okTypes: string[]) {
    const res = await this.client.request<Record<string, R>>(name, query, variables);
    if (!res.ok) return res;
    const value = res.value[name];
    if (value === undefined) return err(invalidResponse(name, 'no result'));
    return unwrap(value, okTypes, name);
  }
}

function inProgress(draft: StoreOrderDraft, found: VendureOrder): AppError {
  return new AppError(
    'vendure_order_in_progress',
    `Vendure order ${found.code} for ${draft.amazonOrderId} is still being created by another attempt.`,
    { kind: 'conflict', retryable: true, details: { vendureOrderId: found.id } },
  );
}
