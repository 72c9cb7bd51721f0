import axios, { type AxiosInstance } from 'axios';
import type { AppError } from '../../lib/errors.js';
import { describeNetworkError } from '../../net/guarded-post.js';
import type { StoreHttpAgents } from '../store-connector.js';
import { err, ok, type Result } from '../../lib/result.js';
import { httpError, invalidResponse, networkError } from './woocommerce.errors.js';

export interface WooClientOptions {
  /** Site root, e.g. https://shop.example (the API is under /wp-json). */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  timeoutMs: number;
  /** Agents that only reach allowed addresses (StoreConnectorDeps.agents); env proxies are then bypassed. */
  agents?: StoreHttpAgents;
}

export interface WooPage<T> {
  data: T;
  /** X-WP-TotalPages (lists only). */
  totalPages: number | null;
}

export type Params = Record<string, string | number | boolean>;
export const PER_PAGE = 100;

/**
 * HTTP to `<baseUrl>/wp-json`: Basic auth (consumer key/secret), JSON in and out, one timeout per
 * request. Every failure comes back as an AppError (woocommerce.errors.ts); the credentials are
 * only ever in the Authorization header and never in a message or log.
 */
export class WooClient {
  private readonly http: AxiosInstance;

  constructor(options: WooClientOptions) {
    const token = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64');
    this.http = axios.create({
      baseURL: `${options.baseUrl.replace(/\/+$/, '')}/wp-json`,
      timeout: options.timeoutMs,
      headers: { authorization: `Basic ${token}`, accept: 'application/json' },
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      // Redirects are never followed: a redirect to a private address must not be reachable this way.
      maxRedirects: 0,
      ...(options.agents && { ...options.agents, proxy: false }),
    });
  }

  get<T>(path: string, params: Params = {}): Promise<Result<WooPage<T>>> {
    return this.send<T>('GET', path, params, undefined);
  }

  post<T>(path: string, body: unknown): Promise<Result<WooPage<T>>> {
    return this.send<T>('POST', path, {}, body);
  }

  put<T>(path: string, body: unknown): Promise<Result<WooPage<T>>> {
    return this.send<T>('PUT', path, {}, body);
  }

  /** Every page of a list (per_page 100), stopping after `maxPages`. */
  async getAll<T>(path: string, params: Params, maxPages = 50): Promise<Result<T[]>> {
    const rows: T[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const res = await this.get<T[]>(path, { ...params, per_page: PER_PAGE, page });
      if (!res.ok) return res;
      rows.push(...res.value.data);
      const last = res.value.totalPages ?? (res.value.data.length < PER_PAGE ? page : page + 1);
      if (page >= last || res.value.data.length === 0) break;
    }
    return ok(rows);
  }

  private async send<T>(method: string, path: string, params: Params, body: unknown): Promise<Result<WooPage<T>>> {
    const where = `${method} ${path}`;
    let res;
    try {
      res = await this.http.request<string>({ method, url: path, params, data: body });
    } catch (error) {
      return err(toNetworkError(error, where));
    }
    const text = typeof res.data === 'string' ? res.data : '';
    const header = (name: string): string | undefined => {
      const v: unknown = res.headers[name];
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    };
    if (res.status < 200 || res.status >= 300) return err(httpError(res.status, text, where, header('retry-after')));
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return err(invalidResponse(where, `a non-JSON body (${header('content-type') ?? 'no content type'})`));
    }
    const pages = header('x-wp-totalpages');
    return ok({ data: data as T, totalPages: pages === undefined ? null : Number(pages) });
  }
}

function toNetworkError(error: unknown, where: string): AppError {
  if (axios.isAxiosError(error)) {
    const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
    return networkError(where, timedOut, describeNetworkError(error));
  }
  return networkError(where, false, error instanceof Error ? error.message : String(error));
}
