import { SANDBOX_CONSUMER_KEY, SANDBOX_CONSUMER_SECRET } from './woo-sandbox.js';

/** A minimal authenticated client for the sandbox tests (the connector has the real one). */
export interface WooTestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: JSON of any shape
  body: any;
}

export function wooFetcher(baseUrl: string, key = SANDBOX_CONSUMER_KEY, secret = SANDBOX_CONSUMER_SECRET) {
  const auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  return async (method: string, path: string, body?: unknown, authed = true): Promise<WooTestResponse> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(authed ? { authorization: auth } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text (HTML fault pages)
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
}

/** A German order body: 2 × a 19 % product, shipping, an untaxed fee. */
export function germanOrderBody(productId: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    currency: 'EUR',
    billing: { first_name: 'Max', last_name: 'Muster', country: 'DE', email: 'max@example.com' },
    shipping: {
      first_name: 'Max',
      last_name: 'Muster',
      address_1: 'Hauptstr. 1',
      city: 'Berlin',
      postcode: '10115',
      country: 'DE',
    },
    line_items: [{ product_id: productId, quantity: 2, subtotal: '20.01', total: '20.01' }],
    shipping_lines: [{ method_id: 'flat_rate', method_title: 'Standard', total: '4.99' }],
    fee_lines: [{ name: 'Rounding', total: '0.05', tax_status: 'none' }],
    ...extra,
  };
}
