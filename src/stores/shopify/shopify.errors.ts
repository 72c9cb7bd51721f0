import { AppError } from '../../lib/errors.js';

/**
 * Shopify failures as AppErrors with stable codes (README.md in this folder, docs/errors.md).
 * Messages never contain tokens or secrets.
 */
export interface GraphQLErrorShape {
  message?: string;
  extensions?: { code?: string };
}

export interface UserErrorShape {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

export function httpError(status: number, where: string): AppError {
  const details = { status, request: where };
  if (status === 401 || status === 403) {
    const why = status === 401 ? 'the access token is not valid' : 'the app lacks an access scope';
    return new AppError('shopify_auth_failed', `Shopify refused ${where} (${status}): ${why}.`, {
      kind: 'auth',
      retryable: false,
      details,
    });
  }
  if (status === 402 || status === 423) {
    const why = status === 402 ? 'frozen (unpaid plan)' : 'locked';
    return new AppError('shopify_shop_unavailable', `The Shopify shop is ${why} (${status}).`, {
      kind: 'upstream',
      retryable: false,
      details,
    });
  }
  if (status === 404) {
    return new AppError('shopify_not_found', `Shopify answered 404 for ${where}: check the shop address.`, {
      kind: 'not_found',
      retryable: false,
      details,
    });
  }
  if (status === 429 || status >= 500) return unavailable(where, `answered ${status}`, { status });
  return new AppError('shopify_invalid_request', `Shopify rejected ${where} (${status}).`, {
    kind: 'invalid',
    retryable: false,
    details,
  });
}

/** Network failure, timeout, 5xx, throttling beyond the wait budget: retry later. */
export function unavailable(where: string, reason: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('shopify_unavailable', `Shopify is unavailable for ${where}: ${reason}.`, {
    kind: 'upstream',
    retryable: true,
    details: { request: where, reason, ...details },
  });
}

export function graphQLError(errors: readonly GraphQLErrorShape[], where: string): AppError {
  const first = errors[0] ?? {};
  const code = first.extensions?.code ?? 'UNKNOWN';
  const message = errors.map((e) => e.message ?? 'unknown error').join('; ');
  const details = { shopifyCode: code, request: where };
  if (code === 'ACCESS_DENIED') {
    return new AppError('shopify_auth_failed', `Shopify denied ${where}: ${message}`, {
      kind: 'auth',
      retryable: false,
      details,
    });
  }
  if (code === 'INTERNAL_SERVER_ERROR') return unavailable(where, message, { shopifyCode: code });
  return new AppError('shopify_graphql_error', `Shopify rejected ${where}: ${message}`, {
    kind: 'invalid',
    retryable: false,
    details,
  });
}

export function userError(errors: readonly UserErrorShape[], where: string): AppError {
  const text = errors
    .map((e) => `${e.message}${e.field?.length ? ` (${e.field.join('.')})` : ''}${e.code ? ` [${e.code}]` : ''}`)
    .join('; ');
  return new AppError('shopify_user_error', `Shopify rejected ${where}: ${text}`, {
    kind: 'invalid',
    retryable: false,
    details: { request: where, userErrors: errors.map((e) => ({ field: e.field ?? null, code: e.code ?? null })) },
  });
}

export function invalidResponse(where: string, why: string): AppError {
  return new AppError('shopify_invalid_response', `Shopify answered ${where} with ${why}.`, {
    kind: 'upstream',
    retryable: true,
  });
}

export function invalid(code: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { kind: 'invalid', retryable: false, details });
}

export function notFound(message: string): AppError {
  return new AppError('shopify_not_found', message, { kind: 'not_found', retryable: false });
}
