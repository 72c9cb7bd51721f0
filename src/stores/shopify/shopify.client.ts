import { createAdminApiClient, type AdminApiClient } from '@shopify/admin-api-client';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreHttpAgents } from '../store-connector.js';
import type { TokenSource } from './shopify-auth.js';
import { SHOPIFY_DOCUMENTS, type ShopifyDocumentName } from './shopify.documents.js';
import { graphQLError, httpError, invalidResponse, unavailable, type GraphQLErrorShape } from './shopify.errors.js';
import { storeFetch } from './shopify-http.js';
import { CostThrottle, sleep, type CostExtension } from './shopify-throttle.js';

/** The one Admin API version the connector speaks (its documents are validated against it). */
export const SHOPIFY_API_VERSION = '2026-10';
/** Longest total wait for Shopify's cost bucket within one request before giving up (retryable). */
export const MAX_THROTTLE_WAIT_MS = 60_000;

export interface ShopifyClientOptions {
  baseUrl: string;
  tokens: TokenSource;
  timeoutMs: number;
  agents?: StoreHttpAgents | undefined;
  maxThrottleWaitMs?: number;
}

interface Body<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[] | string;
  extensions?: { cost?: CostExtension };
}

/**
 * GraphQL over @shopify/admin-api-client: only documents of SHOPIFY_DOCUMENTS, the token from
 * TokenSource (a new one once after a 401), cost-based pacing per shop (waits while THROTTLED
 * up to maxThrottleWaitMs), every failure an AppError. userErrors are left to the caller.
 */
export class ShopifyClient {
  private api: { token: string; client: AdminApiClient } | null = null;
  private readonly throttle: CostThrottle;
  private readonly maxWaitMs: number;

  constructor(private readonly o: ShopifyClientOptions) {
    this.throttle = new CostThrottle(o.baseUrl);
    this.maxWaitMs = o.maxThrottleWaitMs ?? MAX_THROTTLE_WAIT_MS;
  }

  /** The admin API client bakes the token into its headers: one client per token. */
  private apiFor(token: string): AdminApiClient {
    if (this.api?.token !== token) {
      const client = createAdminApiClient({
        storeDomain: new URL(this.o.baseUrl).host,
        apiVersion: SHOPIFY_API_VERSION,
        accessToken: token,
        retries: 0,
        customFetchApi: storeFetch(this.o.baseUrl, {
          timeoutMs: this.o.timeoutMs,
          ...(this.o.agents && { agents: this.o.agents }),
        }),
        logger: () => undefined,
      });
      this.api = { token, client };
    }
    return this.api.client;
  }

  /** `maxWaitMs` overrides how long this request may wait for the cost bucket (0 = not at all). */
  async request<T>(
    name: ShopifyDocumentName,
    variables: Record<string, unknown> = {},
    options: { maxWaitMs?: number } = {},
  ): Promise<Result<T>> {
    const maxWaitMs = options.maxWaitMs ?? this.maxWaitMs;
    // Only listed documents (validated against the schema by shopify-documents.schema.test.ts) go out.
    if (!Object.hasOwn(SHOPIFY_DOCUMENTS, name)) return err(invalidResponse(String(name), 'an unlisted document'));
    let waited = 0;
    let renewed = false;
    for (;;) {
      const pace = this.throttle.delayFor(name);
      if (pace > 0) {
        if (waited + pace > maxWaitMs) return err(throttled(name, waited));
        waited += pace;
        await sleep(pace);
      }
      const token = await this.o.tokens.token();
      if (!token.ok) return token;
      const answer = await this.send<T>(name, variables, token.value);
      if (answer === 'unauthorized') {
        if (renewed || !this.o.tokens.renewable) return err(httpError(401, name));
        this.o.tokens.invalidate(token.value);
        renewed = true;
        continue;
      }
      if (!answer.ok) return answer;
      const body = answer.value;
      this.throttle.observe(name, body.extensions?.cost);
      const errors = Array.isArray(body.errors) ? body.errors : [];
      if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
        const delay = CostThrottle.retryDelayMs(body.extensions?.cost);
        if (waited + delay > maxWaitMs) return err(throttled(name, waited));
        waited += delay;
        await sleep(delay);
        continue;
      }
      if (errors.length > 0) return err(graphQLError(errors, name));
      if (body.data === undefined || body.data === null) return err(invalidResponse(name, 'no data'));
      return ok(body.data);
    }
  }

  private async send<T>(
    name: ShopifyDocumentName,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<Result<Body<T>> | 'unauthorized'> {
    let res: Response;
    let text: string;
    try {
      res = await this.apiFor(token).fetch(SHOPIFY_DOCUMENTS[name], { variables });
      text = await res.text();
    } catch (error) {
      const message = error instanceof Error ? error.message.replace(/^Admin API Client: /, '') : String(error);
      return err(unavailable(name, message, { outcomeUnknown: true }));
    }
    if (res.status === 401) return 'unauthorized';
    if (res.status < 200 || res.status >= 300) return err(httpError(res.status, name));
    try {
      return ok(JSON.parse(text) as Body<T>);
    } catch {
      return err(invalidResponse(name, 'a non-JSON body'));
    }
  }
}

function throttled(name: string, waitedMs: number) {
  return unavailable(name, `still throttled after waiting ${Math.round(waitedMs / 1000)} s for the cost bucket`, {
    throttled: true,
  });
}
