import { AppError } from '../../lib/errors.js';

/**
 * WooCommerce failures as AppErrors with stable codes (docs/errors.md):
 * - woocommerce_auth_failed (auth): key/secret wrong or missing (401).
 * - woocommerce_forbidden (auth): the key lacks the permission (403; needs read_write).
 * - woocommerce_api_not_found (invalid): no WooCommerce REST API at the base URL (rest_no_route on the namespace).
 * - woocommerce_not_found (not_found): the object does not exist (404).
 * - woocommerce_invalid_request (invalid): WooCommerce rejected the request (400/413/other 4xx).
 * - woocommerce_rate_limited (rate_limited, retryable): 429 from the host/WAF.
 * - woocommerce_unavailable (upstream, retryable): 5xx, timeout or network failure.
 * - woocommerce_invalid_response (upstream): a 2xx that is not the expected JSON.
 * Messages name the method and path, never credentials or query strings.
 */
export interface WooErrorBody {
  code?: string;
  message?: string;
  data?: { status?: number; params?: unknown };
}

export function parseErrorBody(text: string): WooErrorBody | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

export function httpError(status: number, text: string, where: string, retryAfter: string | undefined): AppError {
  const body = parseErrorBody(text);
  const wcCode = body?.code ?? null;
  const wcMessage = body?.message ?? null;
  const details = {
    status,
    wooCode: wcCode,
    wooMessage: wcMessage,
    request: where,
    params: body?.data?.params ?? null,
  };
  const said = wcMessage ? `: ${wcMessage}${wcCode ? ` (${wcCode})` : ''}` : '';
  if (status === 401 || status === 403 || (status === 404 && wcCode === 'rest_no_route')) {
    return accessError(status, where, said, details);
  }
  if (status === 404) {
    return new AppError('woocommerce_not_found', `WooCommerce: not found (${where})${said}.`, {
      kind: 'not_found',
      details,
    });
  }
  if (status === 429) {
    const withRetry = { ...details, retryAfter: retryAfter ?? null };
    return new AppError('woocommerce_rate_limited', `WooCommerce throttled ${where} (429).`, {
      kind: 'rate_limited',
      details: withRetry,
    });
  }
  if (status >= 500) {
    const message = `WooCommerce is unavailable: ${where} answered ${status}${said}.`;
    return new AppError('woocommerce_unavailable', message, { kind: 'upstream', details });
  }
  const message = `WooCommerce rejected ${where} (${status})${said}.`;
  return new AppError('woocommerce_invalid_request', message, { kind: 'invalid', details });
}

/** 401, 403 and "no such route": configuration problems a retry cannot fix. */
function accessError(status: number, where: string, said: string, details: Record<string, unknown>): AppError {
  if (status === 401) {
    const message = `WooCommerce rejected the API credentials${said}. Check the consumer key and secret (WooCommerce › Settings › Advanced › REST API).`;
    return new AppError('woocommerce_auth_failed', message, { kind: 'auth', retryable: false, details });
  }
  if (status === 403) {
    const message = `The WooCommerce API key may not do ${where}${said}; it needs Read/Write permission.`;
    return new AppError('woocommerce_forbidden', message, { kind: 'auth', retryable: false, details });
  }
  const message = `No WooCommerce REST API route for ${where}; check the store URL and that WooCommerce is active.`;
  return new AppError('woocommerce_api_not_found', message, { kind: 'invalid', retryable: false, details });
}

export function networkError(where: string, timedOut: boolean, reason: string): AppError {
  const message = timedOut
    ? `WooCommerce did not answer ${where} in time.`
    : `Could not reach WooCommerce for ${where}: ${reason}.`;
  return new AppError('woocommerce_unavailable', message, {
    kind: 'upstream',
    details: { request: where, reason: timedOut ? 'timeout' : reason, outcomeUnknown: true },
  });
}

export function invalidResponse(where: string, why: string): AppError {
  return new AppError('woocommerce_invalid_response', `WooCommerce answered ${where} with ${why}.`, {
    kind: 'upstream',
    retryable: false,
  });
}
