import { invalidType } from './magento-errors.js';
import type { Json } from './magento-format.js';
import type { MagentoSandbox } from './magento-sandbox.js';

export interface RouteContext {
  sandbox: MagentoSandbox;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body ({} for GET), already validated against the schema. */
  body: Json;
  /** The store code of the URL (`default`, `all`, …). */
  storeCode: string;
}

/** One REST operation: a path of the 2.4.9 schema, its ACL resource and what it does (answers 200). */
export interface MagentoRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** '/V1/orders/{id}' style, as in the schema. */
  pattern: string;
  /** The ACL resource an integration needs (webapi.xml). */
  resource: string;
  run(ctx: RouteContext): unknown;
}

/** An integer path parameter; anything else is Magento's type error. */
export const intParam = (ctx: RouteContext, name: string): number => {
  const raw = ctx.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw invalidType(raw, 'int');
  return Number(raw);
};
