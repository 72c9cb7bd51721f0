/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- assertions on raw REST JSON */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMagentoSandbox, type StartedMagentoSandbox } from './index.js';
import { magentoFetcher } from './magento-sandbox.test-support.js';

let started: StartedMagentoSandbox;
let call: ReturnType<typeof magentoFetcher>;

beforeAll(async () => {
  started = await startMagentoSandbox({
    products: [
      { sku: 'MUG', name: 'Mug', price: '8.40', quantity: 10 },
      { sku: 'LAMP', name: 'Lamp', price: '33.33', quantity: 1 },
    ],
  });
  call = magentoFetcher(started.url);
});
afterAll(() => started.close());
beforeEach(() => started.sandbox.reset());

const address = (country: string, region?: string) => ({
  firstname: 'Erika',
  lastname: 'Muster',
  street: ['Hauptstr. 1', 'Hinterhaus'],
  city: 'Berlin',
  postcode: '10115',
  country_id: country,
  ...(region ? { region_code: region, region } : {}),
  telephone: '030 123',
  email: 'erika@marketplace.amazon.de',
});

async function cartWith(
  lines: [string, number][],
  country = 'DE',
  region?: string,
  carrier = 'flatrate',
): Promise<number> {
  const cart = (await call('POST', '/V1/carts/')).body as number;
  for (const [sku, qty] of lines) {
    const res = await call('POST', `/V1/carts/${cart}/items`, { cartItem: { sku, qty, quote_id: String(cart) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const info = await call('POST', `/V1/carts/${cart}/shipping-information`, {
    addressInformation: {
      shipping_address: address(country, region),
      billing_address: address(country, region),
      shipping_carrier_code: carrier,
      shipping_method_code: carrier,
    },
  });
  expect(info.status, JSON.stringify(info.body)).toBe(200);
  return cart;
}

describe('admin cart flow: Magento prices, taxes, numbers and reserves', () => {
  it('prices a DE cart from the catalogue and the sandbox tax table (19 %), flat rate 5.00 per item', async () => {
    const cart = (await call('POST', '/V1/carts/')).body as number;
    const item = await call('POST', `/V1/carts/${cart}/items`, {
      cartItem: { sku: 'MUG', qty: 3, quote_id: String(cart) },
    });
    expect(item.body).toEqual({
      item_id: 1,
      sku: 'MUG',
      qty: 3,
      name: 'Mug',
      price: 8.4,
      product_type: 'simple',
      quote_id: String(cart),
    });
    const info = await call('POST', `/V1/carts/${cart}/shipping-information`, {
      addressInformation: {
        shipping_address: address('DE'),
        shipping_carrier_code: 'flatrate',
        shipping_method_code: 'flatrate',
      },
    });
    expect(info.body.totals).toMatchObject({
      subtotal: 25.2,
      tax_amount: 4.79,
      shipping_amount: 15,
      grand_total: 44.99,
      base_currency_code: 'EUR',
    });
    expect(info.body.payment_methods.map((p: { code: string }) => p.code)).toContain('checkmo');
    const placed = await call('PUT', `/V1/carts/${cart}/order`, { paymentMethod: { method: 'checkmo' } });
    expect(placed.status).toBe(200);
    const order = started.sandbox.getOrder(placed.body as number);
    expect(order).toMatchObject({
      increment_id: '000000001',
      state: 'new',
      status: 'pending',
      grand_total: 44.99,
      tax_amount: 4.79,
      customer_email: 'erika@marketplace.amazon.de',
    });
    expect(order?.items[0]).toMatchObject({
      sku: 'MUG',
      qty_ordered: 3,
      price: 8.4,
      price_incl_tax: 10,
      row_total: 25.2,
      tax_percent: 19,
    });
    expect(order?.extension_attributes?.shipping_assignments?.[0]?.shipping.method).toBe('flatrate_flatrate');
    // A real `place`: reservation made, source untouched.
    expect(started.sandbox.salableQuantity('MUG')).toBe(7);
    expect(started.sandbox.getStock('MUG')).toBe(10);
    expect(started.sandbox.statsSnapshot().cartsPlaced).toBe(1);
    // The cart is closed.
    expect((await call('PUT', `/V1/carts/${cart}/order`, { paymentMethod: { method: 'checkmo' } })).status).toBe(404);
  });

  it('untaxed US outside California, 8.25 % in California; free shipping', async () => {
    const ny = await cartWith([['MUG', 1]], 'US', 'NY', 'freeshipping');
    const nyOrder = started.sandbox.getOrder(
      (await call('PUT', `/V1/carts/${ny}/order`, { paymentMethod: { method: 'checkmo' } })).body,
    );
    expect(nyOrder).toMatchObject({ tax_amount: 0, grand_total: 8.4, shipping_amount: 0 });
    const ca = await cartWith([['MUG', 1]], 'US', 'CA', 'freeshipping');
    const caOrder = started.sandbox.getOrder(
      (await call('PUT', `/V1/carts/${ca}/order`, { paymentMethod: { method: 'checkmo' } })).body,
    );
    expect(caOrder).toMatchObject({ tax_amount: 0.69, grand_total: 9.09 });
  });

  it('ship of a placed order deducts the source and compensates the reservation; cancel gives the reservation back', async () => {
    const cart = await cartWith([['MUG', 2]]);
    const id = (await call('PUT', `/V1/carts/${cart}/order`, { paymentMethod: { method: 'checkmo' } })).body as number;
    started.sandbox.shipOrder({ orderId: id, trackNumber: 'T1', carrierCode: 'dhl', title: 'DHL' });
    expect([started.sandbox.getStock('MUG'), started.sandbox.salableQuantity('MUG')]).toEqual([8, 8]);
    const other = await cartWith([['MUG', 3]]);
    const id2 = (await call('PUT', `/V1/carts/${other}/order`, { paymentMethod: { method: 'checkmo' } }))
      .body as number;
    expect(started.sandbox.salableQuantity('MUG')).toBe(5);
    expect((await call('POST', `/V1/orders/${id2}/cancel`)).body).toBe(true);
    expect([started.sandbox.getStock('MUG'), started.sandbox.salableQuantity('MUG')]).toEqual([8, 8]);
  });

  it('refuses more than salable, an unknown carrier, placing without shipping, an unknown payment method or cart', async () => {
    const cart = (await call('POST', '/V1/carts/')).body as number;
    expect(
      (await call('POST', `/V1/carts/${cart}/items`, { cartItem: { sku: 'LAMP', qty: 2, quote_id: String(cart) } }))
        .body,
    ).toEqual({
      message: 'The requested qty is not available',
    });
    await call('POST', `/V1/carts/${cart}/items`, { cartItem: { sku: 'LAMP', qty: 1, quote_id: String(cart) } });
    const carrier = await call('POST', `/V1/carts/${cart}/shipping-information`, {
      addressInformation: {
        shipping_address: address('DE'),
        shipping_carrier_code: 'dhl',
        shipping_method_code: 'express',
      },
    });
    expect(carrier.body).toEqual({
      message: 'Carrier with such method not found: %1, %2',
      parameters: ['dhl', 'express'],
    });
    expect((await call('PUT', `/V1/carts/${cart}/order`, { paymentMethod: { method: 'checkmo' } })).status).toBe(400);
    await call('POST', `/V1/carts/${cart}/shipping-information`, {
      addressInformation: {
        shipping_address: address('DE'),
        shipping_carrier_code: 'flatrate',
        shipping_method_code: 'flatrate',
      },
    });
    expect(
      (await call('PUT', `/V1/carts/${cart}/order`, { paymentMethod: { method: 'paypal_express' } })).body.message,
    ).toBe('The requested Payment Method is not available.');
    expect(
      (await call('POST', '/V1/carts/99/items', { cartItem: { sku: 'MUG', qty: 1, quote_id: '99' } })).status,
    ).toBe(404);
  });
});
