import { AppError } from '../lib/errors.js';

export interface AmazonErrorEntry {
  code: string;
  message: string;
  details?: string;
}

/** Amazon's `{ errors: [{ code, message, details }] }` body, when the body is one. */
export function amazonErrors(body: unknown): AmazonErrorEntry[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
    .map((e) => ({
      code: text(e.code),
      message: text(e.message),
      ...(e.details !== undefined && { details: text(e.details) }),
    }));
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A final (non-retried) SP-API failure as a specific AppError. */
export function spApiError(
  operation: string,
  status: number,
  body: unknown,
  requestId: string | null,
  hadPageToken: boolean,
): AppError {
  const errors = amazonErrors(body);
  const first = errors[0];
  const text =
    errors.map((e) => `${e.code}: ${e.message}${e.details ? ` (${e.details})` : ''}`).join('; ') || `HTTP ${status}`;
  const details = { operation, status, requestId, errors };
  if (status === 400 && hadPageToken && /token/i.test(text)) {
    return new AppError(
      'amazon_pagination_token_expired',
      `Amazon no longer accepts the page token (${text}); the window is read again`,
      { kind: 'invalid', retryable: true, details },
    );
  }
  if (status === 400)
    return new AppError('amazon_invalid_input', `Amazon rejected ${operation}: ${text}`, {
      kind: 'invalid',
      retryable: false,
      details,
    });
  if (status === 401 || status === 403) {
    if (/role|not authori[sz]ed to access|restricted/i.test(text)) {
      return new AppError(
        'amazon_forbidden_role',
        `The SP-API app lacks a role Amazon requires for ${operation}: ${text}`,
        { kind: 'auth', retryable: false, details },
      );
    }
    return new AppError(
      'amazon_auth_token_invalid',
      `Amazon refused the access token for ${operation} (${text}). If the credentials are right, the connection may point at the wrong region: the seller's marketplace must be served by its SP-API endpoint.`,
      { kind: 'auth', retryable: false, details },
    );
  }
  if (status === 404)
    return new AppError(
      'amazon_not_found',
      `Amazon has no such resource for ${operation}: ${first?.message ?? 'not found'}`,
      { kind: 'not_found', retryable: false, details },
    );
  if (status === 429)
    return new AppError(
      'amazon_throttled',
      `Amazon throttled ${operation} after every retry; the run keeps its cursor and resumes later`,
      { kind: 'rate_limited', details },
    );
  if (status >= 500)
    return new AppError('amazon_unavailable', `Amazon failed ${operation} with HTTP ${status} after every retry`, {
      kind: 'upstream',
      details,
    });
  return new AppError('amazon_request_failed', `Amazon answered ${operation} with HTTP ${status}: ${text}`, {
    kind: 'upstream',
    retryable: false,
    details,
  });
}
