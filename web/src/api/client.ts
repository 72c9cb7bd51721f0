/** The one way the UI talks to the REST API: JSON, same-origin cookies, CSRF header, typed errors. */

export interface ValidationIssue {
  path: string;
  message: string;
}

/** An error answered by the server (`{ error: { code, message, details } }`) or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** `details.issues` of a validation error (field path → message), or an empty list. */
  get issues(): ValidationIssue[] {
    const issues = this.details['issues'];
    if (!Array.isArray(issues)) return [];
    return issues.flatMap((i: unknown) => {
      if (typeof i !== 'object' || i === null) return [];
      const { path, message } = i as { path?: unknown; message?: unknown };
      if (typeof message !== 'string') return [];
      return [
        { path: Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '', message },
      ];
    });
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Set from the session (login, GET /api/auth/me); sent as `x-csrf-token` on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever the server answers 401 (the session expired or was logged out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function parseError(status: number, body: unknown, fallback: string): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e = body.error;
    if (typeof e === 'object' && e !== null) {
      const { code, message, details } = e as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        status,
        typeof code === 'string' ? code : `http_${status}`,
        typeof message === 'string' ? message : fallback,
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
      );
    }
  }
  return new ApiError(status, `http_${status}`, fallback);
}

/**
 * Calls the API. Resolves with the parsed JSON body (undefined for 204) or throws an ApiError.
 * `options.silent401` keeps a 401 from triggering the global "go to login" (used by the session probe).
 */
export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: { silent401?: boolean; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'Cannot reach the OrderBridge server. Check that it is running.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const error = parseError(response.status, parsed, `${method} ${path} failed (HTTP ${response.status})`);
    if (response.status === 401 && !options.silent401) unauthorizedListeners.forEach((l) => l());
    throw error;
  }
  return parsed as T;
}

/** `?a=1&b=x` from defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
