import { afterEach } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { SANDBOX_SHOPIFY_ACCESS_TOKEN } from './constants.js';
import { startShopifySandbox, type StartedShopifySandbox } from './sandbox-server.js';
import type { ShopifySandboxOptions } from './shopify-sandbox.js';

/** Test helpers: a started sandbox on a manual clock and a tiny GraphQL client. */
export interface SandboxHarness extends StartedShopifySandbox {
  clock: ManualClock;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlReply>;
  post(query: string, variables?: Record<string, unknown>, token?: string): Promise<Response>;
}

export interface GqlReply {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: GraphQL data of any shape
  data?: Record<string, any>;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[]; locations?: unknown[] }[];
  extensions: {
    cost: {
      requestedQueryCost: number;
      actualQueryCost: number | null;
      throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
    };
  };
}

export async function startHarness(options: ShopifySandboxOptions = {}): Promise<SandboxHarness> {
  const clock = new ManualClock('2026-12-01T10:00:00.000Z');
  const started = await startShopifySandbox({ clock, searchIndexLagMs: 1000, ...options });
  const post = (query: string, variables: Record<string, unknown> = {}, token = SANDBOX_SHOPIFY_ACCESS_TOKEN) =>
    fetch(`${started.url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
      body: JSON.stringify({ query, variables }),
    });
  return {
    ...started,
    clock,
    post,
    gql: async (query, variables, token) => (await (await post(query, variables, token)).json()) as GqlReply,
  };
}

export interface HarnessStarter {
  start: (options?: ShopifySandboxOptions) => Promise<SandboxHarness>;
  /** A started shop with the order metafield definition, and the variant GID of LEGO-10698. */
  shop: (options?: ShopifySandboxOptions) => Promise<{ h: SandboxHarness; variantId: string }>;
}

/** Starts harnesses in a test file's tests and closes each one after its test. */
export function harnessPerTest(): HarnessStarter {
  const open: SandboxHarness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });
  const start = async (options?: ShopifySandboxOptions): Promise<SandboxHarness> => {
    const h = await startHarness(options);
    open.push(h);
    return h;
  };
  return {
    start,
    shop: async (options) => {
      const h = await start(options);
      const def = await h.gql(DEFINITION_CREATE);
      if (def.errors) throw new Error(JSON.stringify(def.errors));
      return { h, variantId: h.sandbox.variantBySku('LEGO-10698')?.variantId ?? '' };
    },
  };
}

export const ORDER_CREATE = `mutation create($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
  orderCreate(order: $order, options: $options) {
    order { id name displayFinancialStatus taxesIncluded
      subtotalPriceSet { shopMoney { amount currencyCode } } totalShippingPriceSet { shopMoney { amount } }
      totalTaxSet { shopMoney { amount } } totalPriceSet { shopMoney { amount } } }
    userErrors { field message code }
  }
}`;

export const DEFINITION_CREATE = `mutation {
  metafieldDefinitionCreate(definition: { ownerType: ORDER, namespace: "orderbridge", key: "amazon_order_id", type: "id", name: "Amazon order id" }) {
    createdDefinition { id } userErrors { field message code }
  }
}`;

const money = (amount: string, currencyCode = 'EUR') => ({ shopMoney: { amount, currencyCode } });

/** An Amazon-like order: two units of a catalogue SKU, shipping, line and shipping tax, paid. */
export function amazonOrderInput(
  variantId: string,
  amazonOrderId: string,
  o: {
    taxesIncluded?: boolean;
    price?: string;
    tax?: string;
    shipping?: string;
    shippingTax?: string;
    paid?: string;
    currency?: string;
  } = {},
): Record<string, unknown> {
  const currency = o.currency ?? 'EUR';
  return {
    currency,
    taxesIncluded: o.taxesIncluded ?? true,
    lineItems: [
      {
        variantId,
        quantity: 2,
        priceSet: money(o.price ?? '54.99', currency),
        taxLines: [{ title: 'VAT', rate: '0.19', priceSet: money(o.tax ?? '17.56', currency) }],
        properties: [{ name: '_amazon_order_item_id', value: `${amazonOrderId}-1` }],
      },
    ],
    shippingLines: [
      {
        title: 'Standard',
        priceSet: money(o.shipping ?? '4.99', currency),
        taxLines: [{ title: 'VAT', rate: '0.19', priceSet: money(o.shippingTax ?? '0.80', currency) }],
      },
    ],
    transactions: [{ kind: 'SALE', status: 'SUCCESS', amountSet: money(o.paid ?? '114.97', currency) }],
    metafields: [{ namespace: 'orderbridge', key: 'amazon_order_id', type: 'id', value: amazonOrderId }],
    customAttributes: [{ key: 'amazon_order_id', value: amazonOrderId }],
    tags: ['amazon'],
    sourceName: 'amazon',
  };
}
