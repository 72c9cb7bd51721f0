import type { WooContext } from './woo-context.js';
import { parseDateParam } from './woo-format.js';
import { ORDER_STATUSES, type OrderRecord } from './woo-model.js';
import { boolParam, enumParam, intListParam, listParam } from './woo-params.js';
import { invalidParam } from './woo-errors.js';

/**
 * `GET /orders` filters. `search` matches the order id, line item names and the billing/shipping
 * address index only (HPOS) — never meta, so an external reference in meta cannot be searched.
 */
export function queryOrders(ctx: WooContext, all: readonly OrderRecord[], q: URLSearchParams): OrderRecord[] {
  const gmt = boolParam(q, 'dates_are_gmt');
  const off = ctx.settings.utcOffsetMinutes;
  const date = (name: string): number | null => {
    const v = q.get(name);
    return v === null ? null : parseDateParam(v, name, gmt, off);
  };
  const after = date('after');
  const before = date('before');
  const modifiedAfter = date('modified_after');
  const modifiedBefore = date('modified_before');
  const statuses = listParam(q, 'status') ?? ['any'];
  for (const s of statuses) {
    if (s !== 'any' && !(ORDER_STATUSES as readonly string[]).includes(s)) {
      throw invalidParam('status', `status[0] is not one of any, ${ORDER_STATUSES.join(', ')}.`);
    }
  }
  const include = intListParam(q, 'include');
  const exclude = intListParam(q, 'exclude');
  const search = q.get('search')?.toLowerCase() ?? null;
  const rows = all.filter((o) => {
    if (statuses.includes('any') ? o.status === 'trash' : !statuses.includes(o.status)) return false;
    if (after !== null && !(o.createdMs > after)) return false;
    if (before !== null && !(o.createdMs < before)) return false;
    if (modifiedAfter !== null && !(o.modifiedMs > modifiedAfter)) return false;
    if (modifiedBefore !== null && !(o.modifiedMs < modifiedBefore)) return false;
    if (include !== null && !include.includes(o.id)) return false;
    if (exclude?.includes(o.id)) return false;
    return search === null || searchText(o).includes(search);
  });
  const orderby = enumParam(q, 'orderby', ['date', 'modified', 'id', 'include', 'title', 'slug'] as const, 'date');
  const dir = enumParam(q, 'order', ['asc', 'desc'] as const, 'desc') === 'asc' ? 1 : -1;
  const key = (o: OrderRecord): number => {
    if (orderby === 'modified') return o.modifiedMs;
    if (orderby === 'include') return include?.indexOf(o.id) ?? 0;
    if (orderby === 'date') return o.createdMs;
    return o.id;
  };
  return rows.sort((a, b) => (key(a) - key(b)) * (orderby === 'include' ? 1 : dir) || (a.id - b.id) * dir);
}

function searchText(o: OrderRecord): string {
  const address = [...Object.values(o.billing), ...Object.values(o.shipping)].join(' ');
  return [String(o.id), ...o.lineItems.map((l) => l.name), address].join(' ').toLowerCase();
}

/** `include_meta` / `exclude_meta` limit the returned meta keys. */
export function metaFilter(q: URLSearchParams, keys: readonly string[]): string[] | null {
  const include = listParam(q, 'include_meta');
  const exclude = listParam(q, 'exclude_meta');
  if (include === null && exclude === null) return null;
  return keys.filter((k) => (include === null || include.includes(k)) && !(exclude ?? []).includes(k));
}
