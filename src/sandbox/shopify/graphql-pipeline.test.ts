/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- assertions on raw GraphQL JSON */
import { describe, expect, it } from 'vitest';
import { SANDBOX_SHOPIFY_CLIENT_ID, SANDBOX_SHOPIFY_CLIENT_SECRET } from './constants.js';
import { harnessPerTest } from './shopify-sandbox.test-support.js';

const { start } = harnessPerTest();

describe('Shopify sandbox: the GraphQL pipeline', () => {
  it('refuses a wrong token with Shopify 401 body, and unsupported API versions with 404', async () => {
    const h = await start();
    const res = await h.post('{ shop { name } }', {}, 'shpat_wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
    const old = await fetch(`${h.url}/admin/api/2025-01/graphql.json`, { method: 'POST', body: '{}' });
    expect(old.status).toBe(404);
  });

  it('validates every document on the 2026-10 schema: HTTP 200, errors with locations and a code', async () => {
    const h = await start();
    const res = await h.post('{ shop { nam } order(id: "gid://shopify/Order/1") { idd } }');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data?: unknown;
      errors: { message: string; locations: unknown; extensions: { code: string } }[];
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({
      message: 'Cannot query field "nam" on type "Shop". Did you mean "name"?',
      locations: [{ line: 1, column: 10 }],
      extensions: { code: 'undefinedField' },
    });
    expect(body.errors.length).toBeGreaterThan(1);
    expect(h.sandbox.statsSnapshot().validationErrors).toBe(1);
  });

  it('names a field it does not model instead of answering null', async () => {
    const h = await start();
    const reply = await h.gql('{ shop { name billingAddress { city } } }');
    expect(reply.errors?.[0]).toMatchObject({
      message: "Field 'Shop.billingAddress' is not implemented by the OrderBridge Shopify sandbox",
      path: ['shop', 'billingAddress'],
    });
    const unmodelled = await h.gql('{ customers(first: 1) { nodes { id } } }');
    expect(unmodelled.errors?.[0]?.message).toContain("Field 'QueryRoot.customers' is not implemented");
  });

  it('answers shop, locations and variants by SKU, barcode and OR', async () => {
    const h = await start();
    const reply = await h.gql(`{
      shop { name currencyCode myshopifyDomain ianaTimezone }
      locations(first: 5) { nodes { id name isPrimary } }
      a: productVariants(first: 10, query: "sku:'LEGO-10698' OR sku:\\"TEA_GREEN_100\\"") { nodes { sku } }
      b: productVariants(first: 10, query: "barcode:4010000316762") { nodes { sku barcode } }
      c: productVariants(first: 10, query: "sku:TSHIRT") { nodes { sku } }
      d: productVariants(first: 10, query: "metafields.custom.mpn:\\"TS-ORG-M\\"") { nodes { sku metafield(namespace: "custom", key: "mpn") { value } } }
    }`);
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.shop).toEqual({
      name: 'OrderBridge Sandbox',
      currencyCode: 'EUR',
      myshopifyDomain: 'orderbridge-sandbox.myshopify.com',
      ianaTimezone: 'Etc/UTC',
    });
    expect(reply.data?.locations.nodes).toHaveLength(1);
    expect(reply.data?.a.nodes.map((n: { sku: string }) => n.sku).sort()).toEqual(['LEGO-10698', 'TEA_GREEN_100']);
    expect(reply.data?.b.nodes).toEqual([{ sku: 'LEGO-10698', barcode: '4010000316762' }]);
    // Token matching: "sku:TSHIRT" also finds TSHIRT-ORG-S/M/L — callers check exact SKUs themselves.
    expect(reply.data?.c.nodes).toHaveLength(3);
    expect(reply.data?.d.nodes).toEqual([{ sku: 'TSHIRT-ORG-M', metafield: { value: 'TS-ORG-M' } }]);
  });

  it('charges Shopify costs, throttles beyond the bucket without executing, and restores over time', async () => {
    const h = await start({ bucketSize: 100, restoreRate: 10 });
    const q = '{ productVariants(first: 20) { nodes { id inventoryItem { id } } } }';
    const first = await h.gql(q);
    // connection 2 + 20 × (variant 1 + inventoryItem 1) = 42
    expect(first.extensions.cost).toMatchObject({
      requestedQueryCost: 42,
      actualQueryCost: 42,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: 58, restoreRate: 10 },
    });
    await h.gql(q);
    const throttled = await h.gql(q);
    expect(throttled.data).toBeUndefined();
    expect(throttled.errors).toEqual([
      {
        message: 'Throttled',
        extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
      },
    ]);
    expect(throttled.extensions.cost.throttleStatus.currentlyAvailable).toBe(16);
    h.clock.advance(2600);
    const again = await h.gql(q);
    expect(again.errors).toBeUndefined();
    expect(again.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
    const mutation = await h.gql(
      'mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["x"]) { userErrors { message } } }',
    );
    expect(mutation.extensions.cost.requestedQueryCost).toBe(10);
    expect(h.sandbox.statsSnapshot().throttled).toBe(2);
  });

  it('charges the actual cost (connections sized by what they returned) and refunds the rest', async () => {
    const h = await start();
    const reply = await h.gql(
      '{ productVariants(first: 50, query: "sku:LEGO-10698") { nodes { id inventoryItem { id } } } }',
    );
    expect(reply.extensions.cost).toMatchObject({
      requestedQueryCost: 102,
      actualQueryCost: 4,
      throttleStatus: { currentlyAvailable: 1996 },
    });
  });

  it('refuses a single query above 1000 points', async () => {
    const h = await start();
    const reply = await h.gql('{ orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }');
    expect(reply.errors?.[0]?.extensions?.code).toBe('MAX_COST_EXCEEDED');
  });

  it('issues 24 h tokens by the client-credentials grant that expire on the sandbox clock', async () => {
    const h = await start();
    const refused = await fetch(`${h.url}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: SANDBOX_SHOPIFY_CLIENT_ID,
        client_secret: 'wrong',
        grant_type: 'client_credentials',
      }),
    });
    expect(refused.status).toBe(400);
    const res = await fetch(`${h.url}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: SANDBOX_SHOPIFY_CLIENT_ID,
        client_secret: SANDBOX_SHOPIFY_CLIENT_SECRET,
        grant_type: 'client_credentials',
      }).toString(),
    });
    const grant = (await res.json()) as { access_token: string; expires_in: number; scope: string };
    expect(grant.expires_in).toBe(86399);
    expect(grant.scope).toContain('write_orders');
    expect((await h.post('{ shop { name } }', {}, grant.access_token)).status).toBe(200);
    h.clock.advance(86_399_000);
    expect((await h.post('{ shop { name } }', {}, grant.access_token)).status).toBe(401);
  });
});
