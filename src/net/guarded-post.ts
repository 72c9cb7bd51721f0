import http from 'node:http';
import https from 'node:https';
import type { StoreHttpAgents } from '../stores/store-connector.js';

/** The outcome of one POST: the status, or what failed in words a merchant can act on. */
export type PostOutcome = { status: number; error: null } | { status: null; error: string };

/**
 * POSTs `body` to `url` with the given agents (null: Node's default agents). Redirects are not
 * followed and the answer's body is read and dropped: a failure names the status or the network
 * failure, never what the remote side wrote (it may not be the service the merchant meant).
 */
export function postGuarded(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { agents: StoreHttpAgents | null; timeoutMs: number },
): Promise<PostOutcome> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const agent = options.agents ? (secure ? options.agents.httpsAgent : options.agents.httpAgent) : undefined;
  return new Promise((resolve) => {
    const request = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        ...(agent && { agent }),
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, error: null }));
        response.on('error', (e) => resolve({ status: null, error: describeNetworkError(e) }));
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    request.on('error', (e) => resolve({ status: null, error: describeNetworkError(e) }));
    request.end(body);
  });
}

/** A network failure in a few words: "connection refused", "timed out", "address not allowed: …". */
export function describeNetworkError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'address_not_allowed':
      return e.message;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
    case 'ECONNABORTED':
      return 'timed out';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return e.code ?? 'network error';
  }
}
