import type { RunningOrderBridge } from './orderbridge-process.js';

/** A REST call as the logged-in administrator: JSON in, JSON out. */
export type ApiCall = (method: string, url: string, body?: unknown) => Promise<Record<string, unknown>>;

/**
 * A second session, beside the browser's, for the setup a merchant does outside the web app
 * (shipping or cancelling in the store, reading an order's state) — it logs in like the browser.
 */
export async function apiSession(app: RunningOrderBridge): Promise<ApiCall> {
  const res = await fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(app.admin),
  });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async (method, url, body) => {
    const r = await fetch(url.startsWith('http') ? url : `${app.baseUrl}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await r.json()) as Record<string, unknown>;
  };
}

/** Polls `probe` once a second until it returns a value; the jobs behind the UI run asynchronously. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
