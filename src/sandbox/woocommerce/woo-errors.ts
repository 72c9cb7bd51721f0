/** WordPress/WooCommerce REST errors: `{code, message, data: {status, …}}` with the HTTP status. */
export class WooHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WooHttpError';
  }

  body(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: { status: this.status, ...this.data } };
  }
}

/** WordPress core's schema validation error (one parameter). */
export function invalidParam(param: string, why: string): WooHttpError {
  return new WooHttpError(400, 'rest_invalid_param', `Invalid parameter(s): ${param}`, {
    params: { [param]: why },
    details: { [param]: { code: 'rest_invalid_param', message: why, data: null } },
  });
}

export function missingParam(param: string): WooHttpError {
  return new WooHttpError(400, 'rest_missing_callback_param', `Missing parameter(s): ${param}`, { params: [param] });
}

export const invalidOrderId = (): WooHttpError =>
  new WooHttpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');

export const invalidProductId = (): WooHttpError =>
  new WooHttpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');

export const noRoute = (): WooHttpError =>
  new WooHttpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
