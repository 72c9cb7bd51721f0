import { AppError } from '../lib/errors.js';

/** LWA's OAuth error body `{ error, error_description }` (amazon/README.md §2.1) as an AppError. */
export function lwaError(status: number, body: Record<string, unknown> | null): AppError {
  const code = typeof body?.error === 'string' ? body.error : null;
  const description = typeof body?.error_description === 'string' ? body.error_description : '';
  const details = { status, lwaError: code, description };
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return new AppError('amazon_auth_invalid_client', 'Amazon rejected the LWA client id or client secret', {
      kind: 'auth',
      retryable: false,
      details,
    });
  }
  if (code === 'invalid_grant') {
    return new AppError(
      'amazon_auth_refresh_revoked',
      'The refresh token is invalid or was revoked; re-authorise the connection (authorise the app again in Seller Central)',
      { kind: 'auth', retryable: false, details },
    );
  }
  if (status >= 500 || status === 429 || code === 'server_error' || code === 'temporarily_unavailable') {
    return new AppError('amazon_unavailable', `Login with Amazon is unavailable (HTTP ${status})`, {
      kind: 'upstream',
      details,
    });
  }
  if (status === 200) {
    return new AppError('amazon_malformed_response', 'Login with Amazon answered without an access token', {
      kind: 'upstream',
      details,
    });
  }
  return new AppError(
    'amazon_auth_failed',
    `Login with Amazon refused the token request: ${code ?? `HTTP ${status}`} ${description}`.trim(),
    { kind: 'auth', retryable: false, details },
  );
}

/** The network failed before LWA answered (DNS, refused, reset, timeout). */
export function lwaUnreachable(lwaUrl: string, cause: unknown): AppError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AppError('amazon_unavailable', `Login with Amazon (${hostOf(lwaUrl)}) could not be reached: ${message}`, {
    kind: 'upstream',
    // Axios errors carry the request body (with the secrets): keep only the message.
    cause: new Error(message),
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid LWA URL';
  }
}
