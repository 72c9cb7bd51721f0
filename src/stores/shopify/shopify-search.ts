/**
 * Shopify search syntax (shopify.dev/docs/api/usage/search-syntax): a value with spaces or special
 * characters goes in double quotes; backslashes and double quotes inside are escaped with a backslash.
 */
export function quoteSearch(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `field:"a" OR field:"b"` */
export function orQuery(field: string, values: readonly string[]): string {
  return values.map((v) => `${field}:${quoteSearch(v)}`).join(' OR ');
}

/** An ISO time for `updated_at:>='…'` (single quotes, as Shopify's examples). */
export const sinceQuery = (field: string, iso: string): string => `${field}:>='${iso}'`;
