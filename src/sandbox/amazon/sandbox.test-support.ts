import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_REFRESH_TOKEN } from './sandbox-constants.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from './sandbox-server.js';
import type { AmazonSandboxOptions } from './sandbox-state.js';

/** Test helpers: a started sandbox plus a tiny HTTP client (real HTTP, no mocks). */

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export interface TestSandbox extends StartedAmazonSandbox {
  token(refreshToken?: string): Promise<string>;
  request<T = unknown>(
    path: string,
    init?: RequestInit & { query?: Record<string, string | string[]> },
  ): Promise<HttpResult<T>>;
  /** An SP-API call with a fresh (cached) access token of the default seller. */
  sp<T = unknown>(
    path: string,
    init?: RequestInit & { query?: Record<string, string | string[]> },
  ): Promise<HttpResult<T>>;
}

export async function startTestSandbox(options: AmazonSandboxOptions = {}): Promise<TestSandbox> {
  const started = await startAmazonSandbox({ enforceRateLimits: false, ...options });
  let cached: { token: string; atMs: number } | null = null;
  const request = async <T>(
    path: string,
    init: RequestInit & { query?: Record<string, string | string[]> } = {},
  ): Promise<HttpResult<T>> => {
    const url = new URL(path, started.url);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
    }
    const res = await fetch(url, init);
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json: json as T };
  };
  const token = async (refreshToken = SANDBOX_REFRESH_TOKEN): Promise<string> => {
    const res = await request<{ access_token: string }>('/auth/o2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_CLIENT_SECRET,
      }).toString(),
    });
    if (res.status !== 200) throw new Error(`LWA failed: ${res.text}`);
    return res.json.access_token;
  };
  const sp = async <T>(path: string, init: RequestInit & { query?: Record<string, string | string[]> } = {}) => {
    // Access tokens live one hour of sandbox time: fetch a new one when tests move the clock on.
    const now = started.sandbox.clock.nowMs();
    if (!cached || now - cached.atMs > 3_000_000) cached = { token: await token(), atMs: now };
    const headers = new Headers(init.headers);
    if (!headers.has('x-amz-access-token')) headers.set('x-amz-access-token', cached.token);
    return request<T>(path, { ...init, headers });
  };
  return { ...started, token, request, sp };
}

/** A timestamp well inside every generated window (30 days ago). */
export const LONG_AGO = new Date(Date.now() - 30 * 86_400_000).toISOString();

export const ALL_INCLUDED = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'EXPENSE',
  'PROMOTION',
  'CANCELLATION',
  'FULFILLMENT',
  'PACKAGES',
  'TAX',
  'PAYMENT',
  'FULFILLMENT_ORDERS',
].join(',');
