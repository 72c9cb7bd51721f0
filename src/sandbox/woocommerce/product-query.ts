import type { WooContext } from './woo-context.js';
import { WooHttpError } from './woo-errors.js';
import { parseDateParam } from './woo-format.js';
import type { ProductRecord } from './woo-model.js';
import { boolParam, enumParam, intListParam, listParam, intParam } from './woo-params.js';

/**
 * `GET /products` and `GET /products/{id}/variations` filters. Like WooCommerce: `sku` (comma list,
 * exact) switches the query to products AND variations; `global_unique_id` searches parents only;
 * there is no meta filter at all.
 */
export function queryProducts(
  ctx: WooContext,
  all: readonly ProductRecord[],
  q: URLSearchParams,
  parentId: number | null,
): ProductRecord[] {
  // No meta filter exists: `meta_key`/`meta_value` are unknown parameters and silently ignored.
  const skus = listParam(q, 'sku');
  const rawSku = q.get('sku');
  const gtins = listParam(q, 'global_unique_id');
  const include = intListParam(q, 'include');
  const exclude = intListParam(q, 'exclude');
  const search = q.get('search')?.toLowerCase() ?? null;
  const type = q.get('type');
  const parent = parentId ?? (q.has('parent') ? intParam(q, 'parent', 0, 0) : null);
  const gmt = boolParam(q, 'dates_are_gmt');
  const off = ctx.settings.utcOffsetMinutes;
  const after = q.get('modified_after');
  const before = q.get('modified_before');
  const afterMs = after === null ? null : parseDateParam(after, 'modified_after', gmt, off);
  const beforeMs = before === null ? null : parseDateParam(before, 'modified_before', gmt, off);
  const withVariations = parentId !== null || skus !== null || q.has('search_sku');
  const rows = all.filter((p) => {
    if (parentId !== null ? p.parentId !== parentId : p.type === 'variation' && !withVariations) return false;
    if (parent !== null && parentId === null && p.parentId !== parent) return false;
    if (skus !== null && !skus.includes(p.sku) && p.sku !== rawSku) return false;
    if (q.has('search_sku') && !p.sku.toLowerCase().includes((q.get('search_sku') ?? '').toLowerCase())) return false;
    if (gtins !== null && (p.type === 'variation' && skus === null ? true : !gtins.includes(p.globalUniqueId)))
      return false;
    if (include !== null && !include.includes(p.id)) return false;
    if (exclude?.includes(p.id)) return false;
    if (search !== null && !p.name.toLowerCase().includes(search)) return false;
    if (type !== null && p.type !== type) return false;
    if (afterMs !== null && !(p.modifiedMs > afterMs)) return false;
    return !(beforeMs !== null && !(p.modifiedMs < beforeMs));
  });
  return sortProducts(rows, q, include);
}

function sortProducts(rows: ProductRecord[], q: URLSearchParams, include: number[] | null): ProductRecord[] {
  const orderby = enumParam(q, 'orderby', ['date', 'modified', 'id', 'include', 'title', 'slug'] as const, 'date');
  const dir = enumParam(q, 'order', ['asc', 'desc'] as const, 'desc') === 'asc' ? 1 : -1;
  if (orderby === 'include' && include === null) {
    throw new WooHttpError(400, 'rest_invalid_param', 'Invalid parameter(s): orderby');
  }
  const key = (p: ProductRecord): number | string => {
    if (orderby === 'modified') return p.modifiedMs;
    if (orderby === 'id') return p.id;
    if (orderby === 'include') return include?.indexOf(p.id) ?? 0;
    if (orderby === 'title' || orderby === 'slug') return p.name.toLowerCase();
    return p.createdMs;
  };
  const cmp = (a: ProductRecord, b: ProductRecord): number => {
    const ka = key(a);
    const kb = key(b);
    const base = ka < kb ? -1 : ka > kb ? 1 : 0;
    return (orderby === 'include' ? base : base * dir) || (a.id - b.id) * dir;
  };
  return [...rows].sort(cmp);
}
