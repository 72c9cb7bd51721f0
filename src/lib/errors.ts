/**
 * The one error type of OrderBridge. `code` is stable (documented in docs/errors.md),
 * `kind` decides the HTTP status and whether a job retries.
 */
export type ErrorKind =
  'invalid' | 'not_found' | 'conflict' | 'auth' | 'forbidden' | 'rate_limited' | 'upstream' | 'internal';

export interface AppErrorOptions {
  kind: ErrorKind;
  retryable?: boolean;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: AppErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.kind = options.kind;
    this.retryable = options.retryable ?? (options.kind === 'rate_limited' || options.kind === 'upstream');
    this.details = options.details ?? {};
  }

  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError so callers handle one type. */
export function toAppError(value: unknown): AppError {
  if (value instanceof AppError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError('internal_error', message, { kind: 'internal', retryable: false, cause: value });
}
