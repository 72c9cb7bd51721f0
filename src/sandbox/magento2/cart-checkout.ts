import { PAYMENT_METHODS, type CartRecord, type CartStore } from './cart-store.js';
import { cartTotals } from './cart-totals.js';
import type { Inventory } from './inventory.js';
import { inputError } from './magento-errors.js';
import { isJsonObject, moneyNumber, type Json } from './magento-format.js';
import type { OrderStore } from './order-store.js';

export interface CheckoutEnv {
  carts: CartStore;
  orders: OrderStore;
  inventory: Inventory;
  stockId: number;
  currency: string;
}

const ADDRESS_FIELDS = [
  'firstname',
  'lastname',
  'middlename',
  'company',
  'street',
  'city',
  'postcode',
  'country_id',
  'region',
  'region_code',
  'region_id',
  'telephone',
  'email',
  'vat_id',
] as const;

function orderAddress(address: Json, type: 'billing' | 'shipping'): Json {
  const out: Json = { address_type: type };
  for (const field of ADDRESS_FIELDS)
    if (address[field] !== undefined && address[field] !== null) out[field] = address[field];
  return out;
}

/**
 * PUT /V1/carts/{id}/order: Magento's own `place` — prices and taxes from the catalogue and the tax
 * table, increment id generated, state new/pending, one MSI reservation per item, the cart closed.
 */
export function placeCart(env: CheckoutEnv, cart: CartRecord, paymentMethod: unknown): number {
  const method = isJsonObject(paymentMethod) && typeof paymentMethod.method === 'string' ? paymentMethod.method : '';
  if (cart.items.length === 0) throw inputError('The cart is empty. Add products to the cart and try again.');
  if (!cart.shippingAddress || !cart.carrierCode)
    throw inputError('The shipping method is missing. Select the shipping method and try again.');
  const payment = PAYMENT_METHODS.find((p) => p.code === method);
  if (!payment) throw inputError('The requested Payment Method is not available.');
  for (const item of cart.items)
    if (item.qty > env.inventory.salable(item.sku, env.stockId))
      throw inputError('Not all of your products are available in the requested quantity.');
  const billing = cart.billingAddress ?? cart.shippingAddress;
  const email = [cart.shippingAddress.email, billing.email].find((e) => typeof e === 'string' && e !== '');
  if (typeof email !== 'string') throw inputError('Email has a wrong format');
  const t = cartTotals(cart);
  const m = moneyNumber;
  const currency = env.currency;
  const order = env.orders.create(
    {
      customer_email: email,
      customer_firstname: billing.firstname,
      customer_lastname: billing.lastname,
      customer_is_guest: 1,
      base_currency_code: currency,
      order_currency_code: currency,
      store_currency_code: currency,
      global_currency_code: currency,
      state: 'new',
      status: 'pending',
      shipping_description: t.shippingDescription,
      items: t.lines.map((l) => ({
        sku: l.item.sku,
        product_id: l.item.product_id,
        product_type: l.item.product_type,
        name: l.item.name,
        qty_ordered: l.item.qty,
        price: m(l.price),
        base_price: m(l.price),
        original_price: m(l.price),
        base_original_price: m(l.price),
        price_incl_tax: m(l.priceInclTax),
        base_price_incl_tax: m(l.priceInclTax),
        row_total: m(l.rowTotal),
        base_row_total: m(l.rowTotal),
        row_total_incl_tax: m(l.rowTotal.plus(l.taxAmount)),
        base_row_total_incl_tax: m(l.rowTotal.plus(l.taxAmount)),
        tax_amount: m(l.taxAmount),
        base_tax_amount: m(l.taxAmount),
        tax_percent: m(l.taxPercent),
        discount_amount: 0,
        base_discount_amount: 0,
      })),
      subtotal: m(t.subtotal),
      base_subtotal: m(t.subtotal),
      subtotal_incl_tax: m(t.subtotal.plus(t.tax)),
      base_subtotal_incl_tax: m(t.subtotal.plus(t.tax)),
      tax_amount: m(t.tax),
      base_tax_amount: m(t.tax),
      shipping_amount: m(t.shipping),
      base_shipping_amount: m(t.shipping),
      shipping_incl_tax: m(t.shipping),
      base_shipping_incl_tax: m(t.shipping),
      shipping_tax_amount: 0,
      base_shipping_tax_amount: 0,
      discount_amount: 0,
      base_discount_amount: 0,
      grand_total: m(t.grandTotal),
      base_grand_total: m(t.grandTotal),
      billing_address: orderAddress(billing, 'billing'),
      payment: { method, additional_information: [payment.title], account_status: null, cc_last4: null },
      extension_attributes: {
        shipping_assignments: [
          {
            shipping: {
              address: orderAddress(cart.shippingAddress, 'shipping'),
              method: `${cart.carrierCode}_${cart.methodCode ?? ''}`,
            },
            items: [],
          },
        ],
      },
    },
    true,
  );
  const incrementId = String(order.entity.increment_id);
  for (const item of cart.items) env.inventory.reserve(item.sku, env.stockId, -item.qty, `order_placed:${incrementId}`);
  cart.active = false;
  return Number(order.entity.entity_id);
}
