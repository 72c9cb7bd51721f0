import { SANDBOX_MAGENTO_ACCESS_TOKEN } from './constants.js';
import { validateMagentoResponse } from './admin-schema.js';

/** A minimal Bearer client for the sandbox tests (the connector has the real one). */
export interface MagentoTestResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: JSON of any shape
  body: any;
  /** validateMagentoResponse of this answer ([] = matches the 2.4.9 schema). */
  schemaErrors: string[];
}

export function magentoFetcher(
  baseUrl: string,
  token: string | null = SANDBOX_MAGENTO_ACCESS_TOKEN,
  store = 'default',
) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<MagentoTestResponse> => {
    const res = await fetch(`${baseUrl}/rest/${store}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return {
      status: res.status,
      body: parsed,
      schemaErrors: validateMagentoResponse(method, path, res.status, parsed),
    };
  };
}

/** `searchCriteria[filter_groups][0][filters][0][field]=…` for one eq-style filter. */
export function filterQuery(field: string, value: string, conditionType = 'eq', extra = ''): string {
  const f = 'searchCriteria[filter_groups][0][filters][0]';
  return `${f}[field]=${encodeURIComponent(field)}&${f}[value]=${encodeURIComponent(value)}&${f}[condition_type]=${conditionType}${extra}`;
}

/** A directly saved German order in the shape the connector writes (brief: "How an order is stored"). */
export function directOrderEntity(
  amazonOrderId: string,
  sku: string,
  productId: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const address = {
    firstname: 'Max',
    lastname: 'Muster',
    street: ['Hauptstr. 1'],
    city: 'Berlin',
    postcode: '10115',
    country_id: 'DE',
    region: 'Berlin',
    telephone: '-',
    email: 'buyer@marketplace.amazon.de',
  };
  return {
    increment_id: `AMZ-${amazonOrderId}`,
    ext_order_id: amazonOrderId,
    store_id: 1,
    order_currency_code: 'EUR',
    base_currency_code: 'EUR',
    store_currency_code: 'EUR',
    global_currency_code: 'EUR',
    customer_email: 'buyer@marketplace.amazon.de',
    customer_firstname: 'Max',
    customer_lastname: 'Muster',
    customer_is_guest: 1,
    state: 'new',
    status: 'pending',
    created_at: '2026-01-01 10:00:00',
    items: [
      {
        sku,
        product_id: productId,
        product_type: 'simple',
        name: 'Bottle',
        qty_ordered: 2,
        price: 10,
        base_price: 10,
        price_incl_tax: 11.9,
        base_price_incl_tax: 11.9,
        row_total: 20,
        row_total_incl_tax: 23.8,
        tax_amount: 3.8,
        tax_percent: 19,
        discount_amount: 0,
        original_price: 10,
        ext_order_item_id: '111',
      },
    ],
    subtotal: 20,
    base_subtotal: 20,
    subtotal_incl_tax: 23.8,
    tax_amount: 3.8,
    base_tax_amount: 3.8,
    shipping_amount: 4.2,
    base_shipping_amount: 4.2,
    shipping_incl_tax: 5,
    shipping_tax_amount: 0.8,
    discount_amount: 0,
    grand_total: 28.8,
    base_grand_total: 28.8,
    billing_address: { ...address, address_type: 'billing' },
    payment: {
      method: 'checkmo',
      additional_information: [
        'orderbridge_order_id:ord_1',
        `amazon_order_id:${amazonOrderId}`,
        'marketplace_id:A1PA6795UKMFR9',
      ],
    },
    status_histories: [{ comment: 'Amazon Prime order', is_customer_notified: 0, is_visible_on_front: 0 }],
    extension_attributes: {
      shipping_assignments: [
        { shipping: { address: { ...address, address_type: 'shipping' }, method: 'flatrate_flatrate' } },
      ],
    },
    ...extra,
  };
}
