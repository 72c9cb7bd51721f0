import axios, {
  type AxiosAdapter,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import type { Clock } from '../lib/clock.js';
import { toAppError } from '../lib/errors.js';
import type { AccessTokenSource } from './lwa-token-provider.js';
import type { RateBudgets, SellerAccount } from './rate-limit-registry.js';
import { operationOf } from './rate-limits.js';
import { JitteredBackoff, type RetryPolicy } from './retry-policy.js';
import type { SpApiRequestContext } from './sp-api-errors.js';
import { classifyResponse, headerOf, networkFailure, rateLimitOf, type AttemptOutcome } from './sp-api-response.js';

/** One HTTP exchange with Amazon, for timelines and sync runs. Never carries tokens or secrets. */
export interface SpApiCall {
  operation: string;
  method: string;
  path: string;
  /** null when no answer came (network error, timeout). */
  status: number | null;
  durationMs: number;
  requestId: string | null;
  /** 1 for the first try, 2… for retries. */
  attempt: number;
}

export interface SpApiStats {
  /** HTTP exchanges per operation, retries included. */
  calls: Record<string, number>;
  /** 429 answers. */
  throttled: number;
}

export interface SpApiTransportOptions {
  /** Whose rate budgets every call spends (seller id + region + LWA client id). */
  account: SellerAccount;
  spApiBaseUrl: string;
  lwa: AccessTokenSource;
  budgets: RateBudgets;
  clock: Clock;
  retry?: RetryPolicy;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  onCall?: (call: SpApiCall) => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const LONG_BUDGET_WAIT_MS = 60_000;
const USER_AGENT = 'OrderBridge/0.1 (Language=TypeScript)';

/**
 * One SP-API transport per connection: an axios instance (handed to the generated @sp-api-sdk API
 * classes) whose adapter, for every attempt, waits on the (seller account, operation) budget, adds the LWA
 * token, sends, follows `x-amzn-RateLimit-Limit`, retries 429/5xx/network/malformed bodies with the
 * RetryPolicy and maps final failures to AppErrors. An adapter rather than interceptors, so the
 * bucket, the counters and the onCall hook see each retry exactly as Amazon sees it.
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
      baseURL: this.baseUrl,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // The adapter hands back parsed JSON; axios must not parse (or choke on) it again.
      transformResponse: [(data: unknown) => data],
      adapter: (config) => this.send(config),
    });
  }

  get sellerId(): string {
    return this.options.account.sellerId;
  }

  stats(): SpApiStats {
    return { calls: { ...this.calls }, throttled: this.throttledCount };
  }

  private async send(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    const url = new URL(axios.getUri(config));
    const ctx: SpApiRequestContext = {
      operation: operationOf(config.method ?? 'GET', url.pathname),
      baseUrl: this.baseUrl,
      query: url.searchParams,
      requestId: null,
    };
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(config, ctx, url, attempt);
      if (outcome.kind === 'done') return outcome.response;
      if (outcome.kind === 'fail') throw outcome.error;
      const delay = this.retry.nextDelayMs(attempt, outcome.reason);
      if (delay === null) throw outcome.error;
      await this.options.clock.sleep(delay);
    }
  }

  private async attempt(
    config: InternalAxiosRequestConfig,
    base: SpApiRequestContext,
    url: URL,
    attempt: number,
  ): Promise<AttemptOutcome> {
    const bucket = this.options.budgets.bucket(this.options.account, base.operation);
    // The LWA exchange comes before the budget's token is taken, so it never sits between take and send.
    const early = await this.accessToken();
    if (typeof early !== 'string') return early;
    const waitStarted = this.options.clock.now().getTime();
    await bucket.acquire();
    // LWA tokens are refreshed 5 minutes before they expire: ask again only after a long wait.
    const waited = this.options.clock.now().getTime() - waitStarted;
    const token = waited < LONG_BUDGET_WAIT_MS ? early : await this.accessToken();
    if (typeof token !== 'string') return token;
    config.headers.set('x-amz-access-token', token);
    config.headers.set('user-agent', USER_AGENT);
    const started = performance.now();
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http({
        ...config,
        validateStatus: () => true,
        responseType: 'text',
        transformResponse: (data: unknown) => data,
      });
    } catch (cause) {
      this.record(base, config, url, null, started, null, attempt);
      return { kind: 'retry', reason: 'network', error: networkFailure(cause, base) };
    }
    const ctx = { ...base, requestId: headerOf(response, 'x-amzn-requestid') };
    this.record(ctx, config, url, response.status, started, ctx.requestId, attempt);
    const rate = rateLimitOf(response);
    if (rate !== null) await bucket.setRate(rate);
    if (response.status === 429) {
      this.throttledCount++;
      await bucket.drain();
    }
    const outcome = classifyResponse(response, ctx, attempt);
    if (outcome.kind === 'retry' && outcome.reason === 'auth') this.options.lwa.invalidate(token);
    return outcome;
  }

  private async accessToken(): Promise<string | AttemptOutcome> {
    try {
      return await this.options.lwa.accessToken();
    } catch (cause) {
      const error = toAppError(cause);
      return error.retryable ? { kind: 'retry', reason: 'network', error } : { kind: 'fail', error };
    }
  }

  private record(
    ctx: SpApiRequestContext,
    config: InternalAxiosRequestConfig,
    url: URL,
    status: number | null,
    started: number,
    requestId: string | null,
    attempt: number,
  ): void {
    this.calls[ctx.operation] = (this.calls[ctx.operation] ?? 0) + 1;
    const call: SpApiCall = {
      operation: ctx.operation,
      method: (config.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      status,
      durationMs: Math.round(performance.now() - started),
      requestId,
      attempt,
    };
    try {
      this.options.onCall?.(call);
    } catch {
      // An observer must never fail the call it observes.
    }
  }
}
