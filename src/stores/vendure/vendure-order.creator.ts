import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft, StoreOrderRef } from '../store-connector.js';
import { unwrap, type VendureClient } from './vendure.client.js';
import { invalidResponse, type ErrorResultShape } from './vendure.errors.js';
import { planOrder, reconciliation, type VendureOrderPlan } from './vendure-order.mapper.js';
import { Q } from './vendure.queries.js';
import type { VendureOrder } from './vendure.types.js';

export interface CreatorOptions {
  shippingMethodCode: string | undefined;
  paymentMethodCode: string;
}

type R = ErrorResultShape & { id?: string };
const toRef = (o: VendureOrder): StoreOrderRef => ({ ref: o.id, number: o.code });

/**
 * Draft-order flow: createDraftOrder → external reference (unique custom field) → lines with
 * Amazon's prices → customer, addresses, shipping → OrderBridge surcharges (+ reconciliation) →
 * notes → ArrangingPayment → manual payment (PaymentSettled). Idempotent: an order already
 * carrying the OrderBridge id is returned (a Draft left by a crashed attempt is deleted and
 * created again; one left in ArrangingPayment just gets its payment).
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
      if (resumed !== null) return resumed;
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
      return winner.value ? ok(toRef(winner.value)) : tagged;
    }
    const filled = await this.fill(order.id, plan.value, draft);
    if (!filled.ok) return filled;
    const placed = await this.place(order.id, draft);
    return placed.ok ? ok(toRef(order)) : placed;
  }

  /** An order with our id exists: finish it, or (Draft) delete it and return null to start over. */
  private async resume(found: VendureOrder, draft: StoreOrderDraft): Promise<Result<StoreOrderRef> | null> {
    if (found.state === 'Draft') {
      const del = await this.client.request('deleteDraftOrder', Q.deleteDraft, { id: found.id });
      return del.ok ? null : del;
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
      if (again.value !== plan.totalWithTax) return err(mismatch(draft, plan.totalWithTax, again.value));
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

function mismatch(draft: StoreOrderDraft, expected: number, actual: number): AppError {
  return new AppError(
    'vendure_order_mismatch',
    `Vendure's total for ${draft.amazonOrderId} is ${actual} minor units, Amazon's is ${expected}.`,
    { kind: 'conflict', retryable: false, details: { expected, actual } },
  );
}
