import { err, ok, type Result } from '../../lib/result.js';
import { send, type HttpAnswer } from '../shopify/shopify-http.js';
import type { StoreHttpAgents } from '../store-connector.js';
import { httpError, invalidResponse, networkError } from './magento2.errors.js';
import { oauthHeader, type OAuthCredentials } from './magento2-oauth.js';
import { MAGENTO_OPERATIONS, operationPath, type MagentoOperationName } from './magento2.operations.js';
import { MAX_PAGE_SIZE, searchParams, type SearchCriteria } from './magento2-search.js';

/** One HTTP exchange (node:http through the guarded agents by default; tests may wrap it to record). */
export type MagentoTransport = (
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string | undefined },
) => Promise<HttpAnswer>;

export type MagentoAuth = { kind: 'bearer'; token: string } | { kind: 'oauth'; credentials: OAuthCredentials };

export interface MagentoClientOptions {
  baseUrl: string;
  storeCode: string;
  auth: MagentoAuth;
  timeoutMs: number;
  agents?: StoreHttpAgents | undefined;
  /** Injected clock (ms): the OAuth timestamp. */
  nowMs(): number;
  transport?: MagentoTransport | undefined;
}

export interface MagentoRequest {
  params?: Record<string, string | number>;
  query?: [string, string][];
  body?: unknown;
}

export interface SearchResult<T> {
  items?: T[] | null;
  total_count?: number;
}

/**
 * Magento REST at `<baseUrl>/rest/<storeCode>/V1/…`: only operations of MAGENTO_OPERATIONS, JSON
 * in and out, Bearer or OAuth 1.0a signing of every request, one timeout per request, every failure
 * an AppError (magento2.errors.ts). Credentials only ever travel in the Authorization header.
 */
export class MagentoClient {
  private readonly transport: MagentoTransport;

  constructor(private readonly o: MagentoClientOptions) {
    this.transport = o.transport ?? ((url, init) => send(url, init, { timeoutMs: o.timeoutMs, agents: o.agents }));
  }

  async request<T>(name: MagentoOperationName, req: MagentoRequest = {}): Promise<Result<T>> {
    const { method } = MAGENTO_OPERATIONS[name];
    const path = operationPath(name, req.params);
    const where = `${method} ${MAGENTO_OPERATIONS[name].path}`;
    const url = new URL(`${this.o.baseUrl}/rest/${encodeURIComponent(this.o.storeCode)}${path}`);
    for (const [k, v] of req.query ?? []) url.searchParams.append(k, v);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.authorization(method, url),
    };
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    let answer: HttpAnswer;
    try {
      answer = await this.transport(url, { method, headers, body });
    } catch (error) {
      return err(networkError(where, error instanceof Error ? error.message : String(error)));
    }
    if (answer.status < 200 || answer.status >= 300)
      return err(httpError(answer.status, answer.text, where, this.o.auth.kind === 'bearer'));
    if (answer.text.trim() === '') return ok(null as T);
    try {
      return ok(JSON.parse(answer.text) as T);
    } catch {
      return err(invalidResponse(where, 'a non-JSON body'));
    }
  }

  /** Every page of a search (pageSize ≤ 300), stopping after `maxPages`. */
  async searchAll<T>(name: MagentoOperationName, criteria: SearchCriteria, maxPages = 50): Promise<Result<T[]>> {
    const rows: T[] = [];
    const pageSize = Math.min(criteria.pageSize, MAX_PAGE_SIZE);
    for (let page = 1; page <= maxPages; page++) {
      const res = await this.request<SearchResult<T>>(name, {
        query: searchParams({ ...criteria, pageSize, currentPage: page }),
      });
      if (!res.ok) return res;
      const items = res.value?.items ?? [];
      rows.push(...items);
      const total = res.value?.total_count ?? rows.length;
      // Magento answers a page past the end with the last page again: stop on the count.
      if (items.length < pageSize || rows.length >= total) break;
    }
    return ok(rows);
  }

  private authorization(method: string, url: URL): string {
    if (this.o.auth.kind === 'bearer') return `Bearer ${this.o.auth.token}`;
    return oauthHeader({
      method,
      url,
      credentials: this.o.auth.credentials,
      timestamp: Math.floor(this.o.nowMs() / 1000),
    });
  }
}
