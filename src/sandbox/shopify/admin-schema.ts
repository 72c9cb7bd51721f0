/**
 * Shopify's own Admin GraphQL schema (2026-10), loaded once from the introspection result shipped in
 * ./schema (origin: ./schema/ORIGIN.md). The sandbox validates and executes every request on it; the
 * connector's tests validate every document the connector can send against it.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

export const SHOPIFY_SCHEMA_VERSION = '2026-10';

const SCHEMA_FILE = new URL('./schema/shopify-admin-graphql-2026-10.introspection.json.gz', import.meta.url);

let cached: GraphQLSchema | undefined;

export function loadShopifyAdminSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(gunzipSync(readFileSync(SCHEMA_FILE)).toString('utf8')) as { data: IntrospectionQuery };
    cached = buildClientSchema(json.data);
  }
  return cached;
}
