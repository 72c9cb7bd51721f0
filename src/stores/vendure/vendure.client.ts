import axios, { type AxiosInstance } from 'axios';
import type { AppError } from '../../lib/errors.js';
import { describeNetworkError } from '../../net/guarded-post.js';
import type { StoreHttpAgents } from '../store-connector.js';
import { err, ok, type Result } from '../../lib/result.js';
import {
  errorResult,
  graphQLError,
  httpError,
  invalidResponse,
  networkError,
  type ErrorResultShape,
  type GraphQLErrorShape,
} from './vendure.errors.js';

export interface VendureClientOptions {
  /** Admin API endpoint, e.g. http://localhost:3000/admin-api. */
  adminApiUrl: string;
  channelToken?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  apiKey?: string | undefined;
  timeoutMs: number;
  /** Agents that only reach allowed addresses (StoreConnectorDeps.agents); env proxies are then bypassed. */
  agents?: StoreHttpAgents;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

const LOGIN = `mutation OrderBridgeLogin($username: String!, $password: String!) {
  login(username: $username, password: $password, rememberMe: true) {
    __typename ... on CurrentUser { id identifier } ... on ErrorResult { errorCode message }
  }
}`;

/** Normalises a store URL: a bare server URL gets `/admin-api` appended. */
export function adminApiUrlOf(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/admin-api$/.test(trimmed) || /\/[^/]+-api$/.test(trimmed) ? trimmed : `${trimmed}/admin-api`;
}

/**
 * GraphQL over HTTP to Vendure's Admin API. Authenticates lazily: `login` once (the session token
 * comes back in the `vendure-auth-token` header with bearer auth, or as a cookie), logs in again
 * once when a session expired. Top-level `errors[]` and HTTP/network failures become AppErrors;
 * ErrorResult unions are left to the caller (`unwrap`).
 */
export class VendureClient {
  private readonly http: AxiosInstance;
  private session: { bearer: string | null; cookie: string | null } | null = null;

  constructor(private readonly options: VendureClientOptions) {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (options.channelToken !== undefined) headers['vendure-token'] = options.channelToken;
    if (options.apiKey !== undefined) headers['vendure-api-key'] = options.apiKey;
    this.http = axios.create({
      baseURL: options.adminApiUrl,
      timeout: options.timeoutMs,
      headers,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      // Redirects are never followed: a redirect to a private address must not be reachable this way.
      maxRedirects: 0,
      ...(options.agents && { ...options.agents, proxy: false }),
    });
  }

  /** Runs one operation; `name` labels errors. Logs in first and retries once after FORBIDDEN. */
  async request<T>(name: string, query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> {
    const usesLogin = this.options.apiKey === undefined;
    if (usesLogin && this.session === null) {
      const login = await this.login();
      if (!login.ok) return login;
    }
    const first = await this.send<T>(name, query, variables);
    if (first.ok || !usesLogin || first.error.code !== 'vendure_auth_failed') return first;
    this.session = null;
    const login = await this.login();
    if (!login.ok) return login;
    return this.send<T>(name, query, variables);
  }

  private async login(): Promise<Result<void>> {
    const variables = { username: this.options.username ?? '', password: this.options.password ?? '' };
    const res = await this.post<{ login: ErrorResultShape }>('login', LOGIN, variables);
    if (!res.ok) return res;
    const { body, headers } = res.value;
    if (body.errors?.length) return err(graphQLError(body.errors, 'login'));
    const login = body.data?.login;
    if (!login) return err(invalidResponse('login', 'no login result'));
    if (login.__typename !== 'CurrentUser') return err(errorResult(login, 'login'));
    const bearer = headers['vendure-auth-token'] ?? null;
    const cookie = headers['set-cookie'] ?? null;
    this.session = { bearer, cookie };
    return ok(undefined);
  }

  private async send<T>(name: string, query: string, variables: Record<string, unknown>): Promise<Result<T>> {
    const res = await this.post<T>(name, query, variables);
    if (!res.ok) return res;
    const { body } = res.value;
    if (body.errors?.length) return err(graphQLError(body.errors, name));
    if (body.data === undefined || body.data === null) return err(invalidResponse(name, 'no data'));
    return ok(body.data);
  }

  private async post<T>(
    name: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Result<{ body: GraphQLBody<T>; headers: Record<string, string | undefined> }>> {
    const headers: Record<string, string> = {};
    if (this.session?.bearer) headers.authorization = `Bearer ${this.session.bearer}`;
    if (this.session?.cookie) headers.cookie = this.session.cookie;
    let res;
    try {
      res = await this.http.post<string>('', { query, variables }, { headers });
    } catch (error) {
      return err(toNetworkError(error, name));
    }
    const text = typeof res.data === 'string' ? res.data : '';
    let body: GraphQLBody<T> | null = null;
    try {
      body = JSON.parse(text) as GraphQLBody<T>;
    } catch {
      body = null;
    }
    // GraphQL validation errors come with 400 and a JSON body: report Vendure's message.
    if (body?.errors?.length && res.status >= 400 && res.status < 500) return err(graphQLError(body.errors, name));
    if (res.status < 200 || res.status >= 300) return err(httpError(res.status, name));
    if (body === null || typeof body !== 'object') return err(invalidResponse(name, 'a non-JSON body'));
    return ok({ body, headers: pickHeaders(res.headers) });
  }
}

function pickHeaders(raw: unknown): Record<string, string | undefined> {
  const h = raw as Record<string, unknown>;
  const token = h['vendure-auth-token'];
  const cookies = h['set-cookie'];
  const cookie = Array.isArray(cookies)
    ? cookies.map((c) => String(c).split(';')[0] ?? '').join('; ')
    : typeof cookies === 'string'
      ? (cookies.split(';')[0] ?? '')
      : undefined;
  return { 'vendure-auth-token': typeof token === 'string' ? token : undefined, 'set-cookie': cookie || undefined };
}

function toNetworkError(error: unknown, where: string): AppError {
  if (axios.isAxiosError(error)) {
    const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
    return networkError(where, timedOut ? 'timeout' : describeNetworkError(error));
  }
  return networkError(where, error instanceof Error ? error.message : String(error));
}

/** An ErrorResult union member → AppError; a `__typename` in `okTypes` → the value. */
export function unwrap<T extends ErrorResultShape>(value: T, okTypes: readonly string[], where: string): Result<T> {
  if (value.__typename !== undefined && okTypes.includes(value.__typename)) return ok(value);
  if (value.errorCode === undefined && value.__typename === undefined) return ok(value);
  return err(errorResult(value, where));
}
