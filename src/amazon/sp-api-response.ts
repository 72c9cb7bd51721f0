import type { AxiosResponse } from 'axios';
import { AppError } from '../lib/errors.js';
import type { RetryReason } from './retry-policy.js';
import { spApiError, type SpApiRequestContext } from './sp-api-errors.js';

/** What one HTTP attempt came to: a usable response, a reason to try again, or a final error. */
export type AttemptOutcome =
  | { kind: 'done'; response: AxiosResponse }
  | { kind: 'retry'; reason: RetryReason; error: AppError }
  | { kind: 'fail'; error: AppError };

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * Classifies Amazon's answer. Bodies arrive as text and are parsed here, so a truncated or HTML
 * body becomes `amazon_malformed_response` instead of an exception inside axios or the SDK.
 */
export function classifyResponse(
  response: AxiosResponse<unknown>,
  ctx: SpApiRequestContext,
  attempt: number,
): AttemptOutcome {
  const status = response.status;
  const parsed = parseBody(response.data);
  if (RETRY_STATUS.has(status)) {
    const reason = status === 429 ? 'throttled' : 'server';
    return { kind: 'retry', reason, error: spApiError(status, parsed.value, ctx) };
  }
  if (status >= 200 && status < 300) {
    if (parsed.ok) return { kind: 'done', response: { ...response, data: parsed.value } };
    return { kind: 'retry', reason: 'malformed', error: malformedResponse(ctx, 'a body that is not JSON') };
  }
  const error = spApiError(status, parsed.value, ctx);
  // A refused token may just have expired early (clock skew, revoked session): one fresh try.
  if (attempt === 1 && error.code === 'amazon_auth_token_invalid') return { kind: 'retry', reason: 'auth', error };
  return { kind: 'fail', error };
}

/** The request never got an answer (refused, reset, DNS, timeout). */
export function networkFailure(cause: unknown, ctx: SpApiRequestContext): AppError {
  const code = (cause as { code?: unknown } | null)?.code;
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'amazon_unavailable',
    timedOut
      ? `Amazon did not answer ${ctx.operation} in time (${message})`
      : `Amazon could not be reached for ${ctx.operation}: ${message}`,
    {
      kind: 'upstream',
      retryable: true,
      details: { operation: ctx.operation, network: typeof code === 'string' ? code : 'error' },
    },
  );
}

export function malformedResponse(ctx: Pick<SpApiRequestContext, 'operation' | 'requestId'>, what: string): AppError {
  return new AppError('amazon_malformed_response', `Amazon sent ${what} for ${ctx.operation}`, {
    kind: 'upstream',
    retryable: true,
    details: { operation: ctx.operation, requestId: ctx.requestId },
  });
}

export function headerOf(response: AxiosResponse<unknown>, name: string): string | null {
  const value: unknown = (response.headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

/** `x-amzn-RateLimit-Limit` as a positive number, or null. */
export function rateLimitOf(response: AxiosResponse<unknown>): number | null {
  const rate = Number(headerOf(response, 'x-amzn-ratelimit-limit') ?? NaN);
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

function parseBody(data: unknown): { ok: boolean; value: unknown } {
  if (data === undefined || data === null || data === '') return { ok: true, value: null };
  if (typeof data !== 'string') return { ok: true, value: data };
  try {
    return { ok: true, value: JSON.parse(data) as unknown };
  } catch {
    return { ok: false, value: null };
  }
}
