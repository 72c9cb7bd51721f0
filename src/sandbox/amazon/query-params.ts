/** Query helpers: array parameters come comma-separated (a=x,y) or repeated (a=x&a=y), or both. */
export function arrayParam(query: URLSearchParams, name: string): string[] | null {
  if (!query.has(name)) return null;
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function stringParam(query: URLSearchParams, name: string): string | null {
  return query.get(name);
}

/** The values of `name` that are not in `allowed`, for "invalid value" messages. */
export function invalidValues(values: readonly string[] | null, allowed: readonly string[]): string[] {
  return (values ?? []).filter((v) => !allowed.includes(v));
}

/** Sorted copy (filters compare as sets) or null. */
export const sortedOrNull = (values: readonly string[] | null): string[] | null =>
  values === null ? null : [...new Set(values)].sort();
