import { AppError } from '../../lib/errors.js';

/**
 * Vendure failures as AppErrors with stable codes (docs/errors.md):
 * - vendure_auth_failed (auth): login rejected (INVALID_CREDENTIALS_ERROR), or FORBIDDEN/UNAUTHORIZED
 *   after a fresh login (the administrator lacks a permission).
 * - vendure_not_found (not_found): ENTITY_NOT_FOUND (order, variant, fulfilment …).
 * - vendure_invalid_request (invalid): an ErrorResult (errorCode in details), USER_INPUT_ERROR,
 *   ILLEGAL_OPERATION, a GraphQL validation error (e.g. the OrderBridge plugin is not installed).
 * - vendure_conflict (conflict): a duplicate orderBridgeOrderId (the unique custom field).
 * - vendure_unavailable (upstream, retryable): network failure, timeout, 5xx, INTERNAL_SERVER_ERROR.
 * - vendure_invalid_response (upstream): a 2xx that is not GraphQL JSON.
 * - vendure_order_mismatch (conflict): the created order's total differs from Amazon's.
 * Messages never contain credentials or tokens.
 */
export interface GraphQLErrorShape {
  message?: string;
  extensions?: { code?: string };
}

export interface ErrorResultShape {
  __typename?: string;
  errorCode?: string;
  message?: string;
}

const UNIQUE = /unique|duplicate/i;

export function graphQLError(errors: readonly GraphQLErrorShape[], where: string): AppError {
  const first = errors[0] ?? {};
  const code = first.extensions?.code ?? 'UNKNOWN';
  const message = first.message ?? 'unknown error';
  const details = { vendureCode: code, vendureMessage: message, request: where };
  if (code === 'FORBIDDEN' || code === 'UNAUTHORIZED') {
    return new AppError('vendure_auth_failed', `Vendure refused ${where}: ${message}`, { kind: 'auth', details });
  }
  if (code === 'ENTITY_NOT_FOUND') {
    return new AppError('vendure_not_found', `Vendure: ${message} (${where})`, { kind: 'not_found', details });
  }
  if (UNIQUE.test(message)) {
    return new AppError('vendure_conflict', `Vendure rejected a duplicate value in ${where}: ${message}`, {
      kind: 'conflict',
      retryable: false,
      details,
    });
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'UNKNOWN') {
    return new AppError('vendure_unavailable', `Vendure failed on ${where}: ${message}`, { kind: 'upstream', details });
  }
  return new AppError('vendure_invalid_request', `Vendure rejected ${where}: ${message}`, { kind: 'invalid', details });
}

export function errorResult(result: ErrorResultShape, where: string): AppError {
  const code = result.errorCode ?? result.__typename ?? 'UNKNOWN';
  if (code === 'INVALID_CREDENTIALS_ERROR') {
    return new AppError('vendure_auth_failed', 'Vendure rejected the administrator username or password.', {
      kind: 'auth',
      retryable: false,
      details: { errorCode: code },
    });
  }
  return new AppError('vendure_invalid_request', `Vendure rejected ${where}: ${result.message ?? code} (${code})`, {
    kind: 'invalid',
    retryable: false,
    details: { errorCode: code, request: where, result },
  });
}

export function httpError(status: number, where: string): AppError {
  if (status === 401 || status === 403) {
    return new AppError('vendure_auth_failed', `Vendure refused ${where} (${status}).`, {
      kind: 'auth',
      retryable: false,
    });
  }
  if (status === 429) {
    return new AppError('vendure_rate_limited', `Vendure throttled ${where} (429).`, { kind: 'rate_limited' });
  }
  if (status >= 500) {
    return new AppError('vendure_unavailable', `Vendure is unavailable: ${where} answered ${status}.`, {
      kind: 'upstream',
      details: { status, request: where },
    });
  }
  return new AppError('vendure_invalid_request', `Vendure rejected ${where} (${status}).`, {
    kind: 'invalid',
    details: { status, request: where },
  });
}

export function networkError(where: string, reason: string): AppError {
  return new AppError('vendure_unavailable', `Could not reach Vendure for ${where}: ${reason}.`, {
    kind: 'upstream',
    details: { request: where, reason, outcomeUnknown: true },
  });
}

export function invalidResponse(where: string, why: string): AppError {
  return new AppError('vendure_invalid_response', `Vendure answered ${where} with ${why}.`, {
    kind: 'upstream',
    retryable: false,
  });
}

export function orderMismatch(amazonOrderId: string, expected: number, actual: number): AppError {
  return new AppError(
    'vendure_order_mismatch',
    `Vendure's total for ${amazonOrderId} is ${actual} minor units, Amazon's is ${expected}.`,
    { kind: 'conflict', retryable: false, details: { expected, actual } },
  );
}
