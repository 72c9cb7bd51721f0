import axios, {
  type AxiosAdapter,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import type { LwaTokenProvider } from './lwa-token-provider.js';
import type { RateLimitRegistry } from './rate-limit-registry.js';
import { operationOf } from './rate-limits.js';
import { JitteredBackoff, type RetryPolicy, type RetryReason } from './retry-policy.js';
import { spApiError } from './sp-api-errors.js';

export interface SpApiCall {
  operation: string;
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  requestId: string | null;
  attempt: number;
}

export interface SpApiTransportOptions {
  sellerId: string;
  spApiBaseUrl: string;
  lwa: LwaTokenProvider;
  limits: RateLimitRegistry;
  clock: Clock;
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Every HTTP exchange (for timelines and sync runs); never sees tokens or secrets. */
  onCall?: (call: SpApiCall) => void;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
type Attempt = { kind: 'done'; response: AxiosResponse } | { kind: 'retry'; reason: RetryReason; error: AppError };

/**
 * One SP-API transport per connection: an axios instance (handed to the generated @sp-api-sdk API
 * classes) whose adapter waits on the (seller, operation) bucket, adds the LWA token, retries 429,
 * 5xx, network errors and malformed bodies with jittered backoff, and maps final failures to AppErrors.
 */
export class SpApiTransport {
  readonly axios: AxiosInstance;
  readonly baseUrl: string;
  private readonly calls: Record<string, number> = {};
  private throttledCount = 0;
  private readonly retry: RetryPolicy;
  private readonly http: AxiosAdapter;

  constructor(private readonly options: SpApiTransportOptions) {
    this.baseUrl = options.spApiBaseUrl.replace(/\/+$/, '');
    this.retry = options.retry ?? new JitteredBackoff();
    this.http = axios.getAdapter('http');
    this.axios = axios.create({
      baseURL: options.spApiBaseUrl,
      timeout: options.timeoutMs ?? 30_000,
      adapter: (config) => this.send(config),
    });
  }

  stats(): { calls: Record<string, number>; throttled: number } {
    return { calls: { ...this.calls }, throttled: this.throttledCount };
  }

  private async send(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    const url = new URL(axios.getUri(config));
    const operation = operationOf(config.method ?? 'GET', url.pathname);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(config, operation, url, attempt);
      if (outcome.kind === 'done') return outcome.response;
      const delay = this.retry.nextDelayMs(attempt, outcome.reason);
      if (delay === null) throw outcome.error;
      await this.options.clock.sleep(delay);
    }
  }

  private async attempt(
    config: InternalAxiosRequestConfig,
    operation: string,
    url: URL,
    attempt: number,
  ): Promise<Attempt> {
    const bucket = this.options.limits.bucket(this.options.sellerId, operation);
    await bucket.acquire();
    const token = await this.options.lwa.accessToken();
    config.headers.set('x-amz-access-token', token);
    config.headers.set('user-agent', 'OrderBridge/0.1 (Language=TypeScript)');
    const started = Date.now();
    let response: AxiosResponse<string>;
    try {
      response = (await this.http({
        ...config,
        validateStatus: () => true,
        responseType: 'text',
        transformResponse: (d: unknown) => d,
      })) as AxiosResponse<string>;
    } catch (cause) {
      this.record(operation, config, url, null, started, null, attempt);
      const message = cause instanceof Error ? cause.message : String(cause);
      return {
        kind: 'retry',
        reason: 'network',
        error: new AppError('amazon_unavailable', `Amazon could not be reached for ${operation}: ${message}`, {
          kind: 'upstream',
          details: { operation },
        }),
      };
    }
    const requestId = headerOf(response, 'x-amzn-requestid');
    this.record(operation, config, url, response.status, started, requestId, attempt);
    const rate = Number(headerOf(response, 'x-amzn-ratelimit-limit'));
    if (rate > 0) bucket.setRate(rate);
    const parsed = parseBody(response.data);
    if (response.status === 429) {
      this.throttledCount++;
      bucket.drain();
    }
    if (RETRY_STATUS.has(response.status)) {
      return {
        kind: 'retry',
        reason: response.status === 429 ? 'throttled' : 'server',
        error: spApiError(operation, response.status, parsed.value, requestId, false),
      };
    }
    if (response.status === 403 && attempt === 1) {
      this.options.lwa.invalidate();
      return { kind: 'retry', reason: 'auth', error: spApiError(operation, 403, parsed.value, requestId, false) };
    }
    if (response.status >= 200 && response.status < 300) {
      if (!parsed.ok) {
        return {
          kind: 'retry',
          reason: 'malformed',
          error: new AppError('amazon_malformed_response', `Amazon sent a body that is not JSON for ${operation}`, {
            kind: 'upstream',
            details: { operation, requestId },
          }),
        };
      }
      return { kind: 'done', response: { ...response, data: parsed.value } };
    }
    throw spApiError(operation, response.status, parsed.value, requestId, url.searchParams.has('paginationToken'));
  }

  private record(
    operation: string,
    config: InternalAxiosRequestConfig,
    url: URL,
    status: number | null,
    started: number,
    requestId: string | null,
    attempt: number,
  ): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    this.options.onCall?.({
      operation,
      method: (config.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      status,
      durationMs: Date.now() - started,
      requestId,
      attempt,
    });
  }
}

function headerOf(response: AxiosResponse, name: string): string | null {
  const value: unknown = (response.headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
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
