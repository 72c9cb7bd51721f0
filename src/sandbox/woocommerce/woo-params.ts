import { invalidParam } from './woo-errors.js';

/** Query-string parsing with WordPress' rules (arrays as `a=x,y`, `a[]=x&a[]=y`). */

export function listParam(q: URLSearchParams, name: string): string[] | null {
  const raw = [...q.getAll(name), ...q.getAll(`${name}[]`)];
  if (raw.length === 0) return null;
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function intListParam(q: URLSearchParams, name: string): number[] | null {
  const list = listParam(q, name);
  if (list === null) return null;
  return list.map((v) => {
    if (!/^\d+$/.test(v)) throw invalidParam(name, `${name}[0] is not of type integer.`);
    return Number(v);
  });
}

export function intParam(q: URLSearchParams, name: string, fallback: number, min: number, max?: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw invalidParam(name, `${name} is not of type integer.`);
  const value = Number(raw);
  if (value < min || (max !== undefined && value > max)) {
    const range =
      max === undefined
        ? `${name} must be greater than or equal to ${min}`
        : `${name} must be between ${min} (inclusive) and ${max} (inclusive)`;
    throw invalidParam(name, range);
  }
  return value;
}

export function boolParam(q: URLSearchParams, name: string): boolean {
  const raw = q.get(name);
  if (raw === null) return false;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', ''].includes(raw.toLowerCase())) return false;
  throw invalidParam(name, `${name} is not of type boolean.`);
}

export function enumParam<T extends string>(q: URLSearchParams, name: string, values: readonly T[], fallback: T): T {
  const raw = q.get(name);
  if (raw === null) return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw invalidParam(name, `${name} is not one of ${values.join(', ')}.`);
  }
  return raw as T;
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** `per_page` 1–100 (default 10), `page` ≥ 1; X-WP-Total / X-WP-TotalPages / Link headers. */
export function paginate<T>(all: readonly T[], q: URLSearchParams, selfUrl: string): Page<T> {
  const perPage = intParam(q, 'per_page', 10, 1, 100);
  const page = intParam(q, 'page', 1, 1);
  const offset = q.has('offset') ? intParam(q, 'offset', 0, 0) : (page - 1) * perPage;
  const totalPages = Math.ceil(all.length / perPage);
  const headers: Record<string, string> = { 'X-WP-Total': String(all.length), 'X-WP-TotalPages': String(totalPages) };
  const links: string[] = [];
  const link = (p: number, rel: string): void => {
    const url = new URL(selfUrl);
    url.searchParams.set('page', String(p));
    links.push(`<${url.toString()}>; rel="${rel}"`);
  };
  if (page > 1 && page <= totalPages + 1) link(page - 1, 'prev');
  if (page < totalPages) link(page + 1, 'next');
  if (links.length > 0) headers.Link = links.join(', ');
  return { items: all.slice(offset, offset + perPage), headers };
}
