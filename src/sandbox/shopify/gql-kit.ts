import Big from 'big.js';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLTypeResolver } from 'graphql';

/**
 * Helpers for the sandbox's resolvers. GraphQL objects are plain JS objects: a property is either
 * the field's value or a function of the field's arguments. A field the sandbox does not model is a
 * top-level error naming it, never a silent null.
 */
export type GqlObject = { __typename: string } & Record<string, unknown>;
export type Args = Record<string, unknown>;

export function gqlError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source === null || typeof source !== 'object' || !(info.fieldName in source)) {
    const type = info.parentType.name;
    throw gqlError(
      `Field '${type}.${info.fieldName}' is not implemented by the OrderBridge Shopify sandbox`,
      'NOT_IMPLEMENTED',
    );
  }
  const value = (source as Record<string, unknown>)[info.fieldName];
  return typeof value === 'function'
    ? (value as (a: Args, c: unknown, i: unknown) => unknown)(args as Args, context, info)
    : value;
};

export const typeResolver: GraphQLTypeResolver<unknown, unknown> = (value) =>
  value !== null && typeof value === 'object' && '__typename' in value ? String(value.__typename) : undefined;

/** Shopify's Decimal: no trailing zeros but at least one decimal ("10.0", "224.97"). */
export function decimal(amount: string): string {
  const plain = new Big(amount).toFixed();
  return plain.includes('.') ? plain : `${plain}.0`;
}

export function money(amount: string, currencyCode: string): GqlObject {
  return { __typename: 'MoneyV2', amount: decimal(amount), currencyCode };
}

export function moneyBag(amount: string, currencyCode: string): GqlObject {
  return {
    __typename: 'MoneyBag',
    shopMoney: money(amount, currencyCode),
    presentmentMoney: money(amount, currencyCode),
  };
}

export function userError(field: string[] | null, message: string, code?: string): Record<string, unknown> {
  return { field, message, ...(code === undefined ? {} : { code }) };
}

type Key = readonly (string | number)[];
const encodeCursor = (key: Key): string => Buffer.from(JSON.stringify(key)).toString('base64');

function decodeCursor(cursor: unknown): Key {
  try {
    const key: unknown = JSON.parse(Buffer.from(String(cursor), 'base64').toString('utf8'));
    if (Array.isArray(key)) return key as Key;
  } catch {
    // fall through
  }
  throw gqlError(`Invalid cursor for current pagination sort.`, 'BAD_REQUEST');
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export const MAX_PAGE_SIZE = 250;

/** Shopify requires `first` or `last` (≤ 250) on every connection. */
export function pageSize(args: Args): number {
  const first = args.first as number | null | undefined;
  const last = args.last as number | null | undefined;
  const n = first ?? last;
  if (n === null || n === undefined) throw gqlError('you must provide one of first or last', 'BAD_REQUEST');
  if (n > MAX_PAGE_SIZE || n < 0) {
    throw gqlError(
      `The ${first != null ? 'first' : 'last'} argument must be between 0 and ${MAX_PAGE_SIZE}`,
      'BAD_REQUEST',
    );
  }
  return n;
}

/** A Relay connection over items sorted by `keyOf` (ascending; `reverse` flips), cursor = the key. */
export function connection<T>(
  items: readonly T[],
  args: Args,
  keyOf: (t: T) => Key,
  toNode: (t: T) => unknown,
): GqlObject {
  const n = pageSize(args);
  const dir = args.reverse === true ? -1 : 1;
  let list = [...items].sort((a, b) => dir * compareKeys(keyOf(a), keyOf(b)));
  if (args.after != null) {
    const after = decodeCursor(args.after);
    list = list.filter((t) => dir * compareKeys(keyOf(t), after) > 0);
  }
  if (args.before != null) {
    const before = decodeCursor(args.before);
    list = list.filter((t) => dir * compareKeys(keyOf(t), before) < 0);
  }
  const fromEnd = args.first == null;
  const page = fromEnd ? list.slice(Math.max(0, list.length - n)) : list.slice(0, n);
  const edges = page.map((t) => ({ __typename: 'Edge', cursor: encodeCursor(keyOf(t)), node: toNode(t) }));
  return {
    __typename: 'Connection',
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: fromEnd ? args.before != null : list.length > page.length,
      hasPreviousPage: fromEnd ? list.length > page.length : args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
