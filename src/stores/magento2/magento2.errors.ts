import { AppError } from '../../lib/errors.js';

/**
 * Magento failures as AppErrors with stable codes (README.md in this folder, docs/errors.md).
 * Magento's error body is `{message, parameters}` with `%1` (array) or `%name` (object)
 * placeholders; the message is filled in before it is shown. Never a token or secret in a message.
 */
export interface MagentoErrorBody {
  message?: unknown;
  parameters?: unknown;
  errors?: unknown;
}

/** "The consumer isn't authorized to access %resources." + {resources: "X"} → "… access X." */
export function fillMessage(message: string, parameters: unknown): string {
  const text = (v: unknown, m: string): string =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : v === undefined
        ? m
        : JSON.stringify(v);
  if (Array.isArray(parameters)) {
    return message.replace(/%(\d+)/g, (m, n: string) => text(parameters[Number(n) - 1], m));
  }
  if (typeof parameters === 'object' && parameters !== null) {
    const named = parameters as Record<string, unknown>;
    return message.replace(/%([A-Za-z_]\w*)/g, (m, key: string) =>
      Object.hasOwn(named, key) ? text(named[key], m) : m,
    );
  }
  return message;
}

/** The filled message of Magento's error body; null when the body is not one. */
export function magentoMessage(text: string): string | null {
  let body: MagentoErrorBody;
  try {
    body = JSON.parse(text) as MagentoErrorBody;
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || typeof body.message !== 'string') return null;
  const main = fillMessage(body.message, body.parameters);
  const more = Array.isArray(body.errors)
    ? body.errors
        .map((e: MagentoErrorBody) => (typeof e?.message === 'string' ? fillMessage(e.message, e.parameters) : ''))
        .filter((m) => m !== '' && m !== main)
    : [];
  return [main, ...more].join('; ');
}

const UNIQUE = /unique constraint violation|already exists/i;

export function httpError(status: number, text: string, where: string, bearer = false): AppError {
  const said = magentoMessage(text);
  const details = { status, request: where, magentoMessage: said };
  const suffix = said ? `: ${said.replace(/\.+$/, '')}` : '';
  if (status === 401 || status === 403) {
    // Magento answers an integration token it does not take as Bearer with the same ACL message.
    const why = bearer
      ? ' — either Magento does not accept the integration token as Bearer ("Allow OAuth Access Tokens to be used as standalone Bearer tokens" is off: give all four integration credentials to sign with OAuth 1.0a instead), the token is wrong, or the integration lacks this API resource'
      : /authorized to access/i.test(said ?? '')
        ? ' — the integration lacks this API resource (System › Extensions › Integrations › API: grant it, then reactivate)'
        : ' — check the four integration credentials';
    return new AppError('magento2_auth_failed', `Magento refused ${where} (${status})${suffix}${why}.`, {
      kind: 'auth',
      retryable: false,
      details,
    });
  }
  if (status === 404) {
    return new AppError('magento2_not_found', `Magento: not found (${where})${suffix}.`, {
      kind: 'not_found',
      retryable: false,
      details,
    });
  }
  if (status === 429 || status >= 500) {
    return new AppError('magento2_unavailable', `Magento is unavailable: ${where} answered ${status}${suffix}.`, {
      kind: 'upstream',
      retryable: true,
      details: { ...details, outcomeUnknown: status >= 500 },
    });
  }
  const code = UNIQUE.test(said ?? '') ? 'magento2_duplicate' : 'magento2_invalid_request';
  return new AppError(code, `Magento rejected ${where} (${status})${suffix}.`, {
    kind: code === 'magento2_duplicate' ? 'conflict' : 'invalid',
    retryable: false,
    details,
  });
}

export function networkError(where: string, reason: string): AppError {
  const message =
    reason === 'timed out'
      ? `Magento did not answer ${where} in time.`
      : `Could not reach Magento for ${where}: ${reason}.`;
  return new AppError('magento2_unavailable', message, {
    kind: 'upstream',
    retryable: true,
    details: { request: where, reason, outcomeUnknown: true },
  });
}

export function invalidResponse(where: string, why: string): AppError {
  return new AppError('magento2_invalid_response', `Magento answered ${where} with ${why}.`, {
    kind: 'upstream',
    retryable: true,
    details: { request: where },
  });
}

export function invalid(code: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { kind: 'invalid', retryable: false, details });
}
