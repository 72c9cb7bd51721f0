import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft } from '../store-connector.js';
import { unwrap, type VendureClient } from './vendure.client.js';
import { invalidResponse, type ErrorResultShape } from './vendure.errors.js';
import type { VendureOrderPlan } from './vendure-order.mapper.js';
import { Q } from './vendure.queries.js';

/** Single steps of the draft-order flow (vendure-order.creator.ts). */
type R = ErrorResultShape & { id?: string };

/** A mutation returning an ErrorResult union: `okTypes` are the success members. */
export async function mutate(
  client: VendureClient,
  name: string,
  query: string,
  variables: Record<string, unknown>,
  okTypes: string[],
): Promise<Result<R>> {
  const res = await client.request<Record<string, R>>(name, query, variables);
  if (!res.ok) return res;
  const value = res.value[name];
  if (value === undefined) return err(invalidResponse(name, 'no result'));
  return unwrap(value, okTypes, name);
}

/** The buyer as customer; an existing customer with that e-mail is reused. */
export async function setCustomer(
  client: VendureClient,
  id: string,
  customer: VendureOrderPlan['customer'],
): Promise<Result<void>> {
  const res = await mutate(client, 'setCustomerForDraftOrder', Q.setCustomer, { id, input: customer }, ['Order']);
  if (res.ok || res.error.details.errorCode !== 'EMAIL_ADDRESS_CONFLICT_ERROR') return res.ok ? ok(undefined) : res;
  const found = await client.request<{ customers: { items: { id: string }[] } }>('customers', Q.customerByEmail, {
    email: customer.emailAddress,
  });
  if (!found.ok) return found;
  const customerId = found.value.customers.items[0]?.id;
  if (customerId === undefined) return res;
  const set = await mutate(client, 'setCustomerForDraftOrder', Q.setCustomer, { id, customerId }, ['Order']);
  return set.ok ? ok(undefined) : set;
}

export async function setShipping(
  client: VendureClient,
  id: string,
  wanted: string | undefined,
  draft: StoreOrderDraft,
): Promise<Result<void>> {
  const quotes = await client.request<{ eligibleShippingMethodsForDraftOrder: { id: string; code: string }[] }>(
    'eligibleShippingMethodsForDraftOrder',
    Q.shippingMethods,
    { id },
  );
  if (!quotes.ok) return quotes;
  const list = quotes.value.eligibleShippingMethodsForDraftOrder;
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
  const res = await mutate(client, 'setDraftOrderShippingMethod', Q.setShippingMethod, { id, methodId: method.id }, [
    'Order',
  ]);
  return res.ok ? ok(undefined) : res;
}

export async function setCharges(
  client: VendureClient,
  id: string,
  charges: VendureOrderPlan['charges'],
): Promise<Result<number>> {
  const res = await client.request<{ orderBridgeSetOrderCharges: { totalWithTax: number } | null }>(
    'orderBridgeSetOrderCharges',
    Q.setCharges,
    { id, charges },
  );
  if (!res.ok) return res;
  return ok(res.value.orderBridgeSetOrderCharges?.totalWithTax ?? 0);
}
