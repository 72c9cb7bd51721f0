import { productView, variationView } from './product-view.js';
import { queryProducts } from './product-query.js';
import { WooHttpError, invalidProductId } from './woo-errors.js';
import type { ProductRecord } from './woo-model.js';
import { paginate } from './woo-params.js';
import { idParam, json, type WooRequest, type WooRoute } from './woo-route.js';

const BATCH_LIMIT = 100;

function product(r: WooRequest, id: number): ProductRecord {
  const p = r.sandbox.products.get(id);
  if (!p) throw invalidProductId();
  return p;
}

function variation(r: WooRequest): ProductRecord {
  const parentId = idParam(r, 'product_id');
  const v = r.sandbox.products.get(idParam(r));
  if (!v || v.parentId !== parentId) {
    throw new WooHttpError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
  }
  return v;
}

const view = (r: WooRequest, p: ProductRecord): unknown =>
  p.type === 'variation' ? variationView(r.sandbox.ctx, p) : productView(r.sandbox.ctx, p);

function save(r: WooRequest, p: ProductRecord, body: Record<string, unknown>): unknown {
  r.sandbox.products.update(p, body);
  r.sandbox.webhooks.notify('product', 'updated', p.parentId || p.id);
  return view(r, p);
}

/** `{create, update, delete}`; the sandbox models `update` (stock sync) and per-item errors. */
function batch(r: WooRequest, parentId: number | null): unknown {
  const update = Array.isArray(r.body.update) ? (r.body.update as Record<string, unknown>[]) : [];
  const count =
    update.length + [r.body.create, r.body.delete].reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
  if (count > BATCH_LIMIT) {
    throw new WooHttpError(
      413,
      'woocommerce_rest_request_entity_too_large',
      `Unable to accept more than ${BATCH_LIMIT} items for this request.`,
    );
  }
  return {
    update: update.map((item) => {
      const p = r.sandbox.products.get(Number(item.id));
      if (!p || (parentId !== null && p.parentId !== parentId)) {
        return {
          id: Number(item.id) || 0,
          error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } },
        };
      }
      try {
        return save(r, p, item);
      } catch (error) {
        if (!(error instanceof WooHttpError)) throw error;
        return { id: p.id, error: error.body() };
      }
    }),
  };
}

export const PRODUCT_ROUTES: readonly WooRoute[] = [
  {
    method: 'GET',
    pattern: '/wc/v3/products',
    run: (r) => {
      const rows = queryProducts(r.sandbox.ctx, r.sandbox.products.all(), r.query, null);
      const page = paginate(rows, r.query, r.url.toString());
      return json(
        page.items.map((p) => productView(r.sandbox.ctx, p)),
        200,
        page.headers,
      );
    },
  },
  { method: 'POST', pattern: '/wc/v3/products/batch', run: (r) => json(batch(r, null)) },
  { method: 'GET', pattern: '/wc/v3/products/{id}', run: (r) => json(view(r, product(r, idParam(r)))) },
  { method: 'PUT', pattern: '/wc/v3/products/{id}', run: (r) => json(save(r, product(r, idParam(r)), r.body)) },
  {
    method: 'GET',
    pattern: '/wc/v3/products/{product_id}/variations',
    run: (r) => {
      const parent = product(r, idParam(r, 'product_id'));
      const rows = queryProducts(r.sandbox.ctx, r.sandbox.products.all(), r.query, parent.id);
      const page = paginate(rows, r.query, r.url.toString());
      return json(
        page.items.map((v) => variationView(r.sandbox.ctx, v)),
        200,
        page.headers,
      );
    },
  },
  {
    method: 'POST',
    pattern: '/wc/v3/products/{product_id}/variations/batch',
    run: (r) => json(batch(r, product(r, idParam(r, 'product_id')).id)),
  },
  { method: 'GET', pattern: '/wc/v3/products/{product_id}/variations/{id}', run: (r) => json(view(r, variation(r))) },
  {
    method: 'PUT',
    pattern: '/wc/v3/products/{product_id}/variations/{id}',
    run: (r) => json(save(r, variation(r), r.body)),
  },
];
