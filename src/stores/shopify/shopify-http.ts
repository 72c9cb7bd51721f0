import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { describeNetworkError } from '../../net/guarded-post.js';
import type { StoreHttpAgents } from '../store-connector.js';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** The `fetch` shape @shopify/admin-api-client calls (customFetchApi). */
export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string | null },
) => Promise<Response>;

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * One HTTP request with node:http(s), so the guarded agents (only public addresses) apply — node's
 * global fetch takes no agent. No redirects are followed; a timeout aborts the request.
 */
export function send(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string | undefined },
  options: { timeoutMs: number; agents?: StoreHttpAgents | undefined },
): Promise<HttpAnswer> {
  const https = url.protocol === 'https:';
  const agent = https ? options.agents?.httpsAgent : options.agents?.httpAgent;
  const request = https ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers, ...(agent && { agent }) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy(new Error('answer too large'));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => reject(new Error(describeNetworkError(error))));
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/**
 * customFetchApi for the admin API client: the client always builds `https://{storeDomain}/…`;
 * this sends the same path to the store's real base URL (http for the sandbox) through `send`.
 */
export function storeFetch(baseUrl: string, options: { timeoutMs: number; agents?: StoreHttpAgents }): FetchLike {
  const base = new URL(baseUrl);
  return async (url, init) => {
    const target = new URL(url);
    const mapped = new URL(`${target.pathname}${target.search}`, base);
    const answer = await send(
      mapped,
      { method: init?.method ?? 'GET', headers: init?.headers ?? {}, body: init?.body ?? undefined },
      options,
    );
    const headers = new Headers();
    for (const [k, v] of Object.entries(answer.headers)) {
      if (typeof v === 'string') headers.set(k, v);
      else if (Array.isArray(v)) headers.set(k, v.join(', '));
    }
    const noBody = answer.status === 204 || answer.status === 304;
    return new Response(noBody ? null : answer.text, { status: answer.status, headers });
  };
}
