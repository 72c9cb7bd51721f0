import { metaFilter, queryOrders } from './order-query.js';
import { noteView, orderView } from './order-view.js';
import { boolParam, paginate } from './woo-params.js';
import { WooHttpError } from './woo-errors.js';
import { idParam, json, type WooRequest, type WooRoute } from './woo-route.js';

/** Orders and order notes. POST /orders has no idempotency key: a repeated POST is a second order. */

function listOrders(r: WooRequest): ReturnType<typeof json> {
  const { ctx } = r.sandbox;
  const rows = queryOrders(ctx, r.sandbox.orders.all(), r.query);
  const page = paginate(rows, r.query, r.url.toString());
  const views = page.items.map((o) => {
    const only = metaFilter(
      r.query,
      o.meta.map((m) => m.key),
    );
    return orderView(ctx, o, only);
  });
  return json(views, 200, page.headers);
}

function createOrder(r: WooRequest): ReturnType<typeof json> {
  const order = r.sandbox.orders.create(r.body);
  const location = `${r.sandbox.ctx.settings.siteUrl}/wp-json/wc/v3/orders/${order.id}`;
  const lose = r.sandbox.faults.takeLostCreate();
  return { ...json(orderView(r.sandbox.ctx, order), 201, { location }), loseResponse: lose };
}

function addNote(r: WooRequest): ReturnType<typeof json> {
  const order = r.sandbox.orders.get(idParam(r));
  if (typeof r.body.note !== 'string' || r.body.note.trim() === '') {
    throw new WooHttpError(400, 'woocommerce_rest_missing_note', 'Order note is required.');
  }
  const note = {
    id: r.sandbox.ctx.ids.next('note'),
    note: r.body.note,
    customerNote: r.body.customer_note === true,
    addedByUser: r.body.added_by_user === true,
    createdMs: r.sandbox.ctx.nowMs(),
  };
  order.notes.push(note);
  return json(noteView(r.sandbox.ctx, order.id, note), 201);
}

export const ORDER_ROUTES: readonly WooRoute[] = [
  { method: 'GET', pattern: '/wc/v3/orders', run: listOrders },
  { method: 'POST', pattern: '/wc/v3/orders', run: createOrder },
  {
    method: 'GET',
    pattern: '/wc/v3/orders/{id}',
    run: (r) => {
      const order = r.sandbox.orders.get(idParam(r));
      return json(
        orderView(
          r.sandbox.ctx,
          order,
          metaFilter(
            r.query,
            order.meta.map((m) => m.key),
          ),
        ),
      );
    },
  },
  {
    method: 'PUT',
    pattern: '/wc/v3/orders/{id}',
    run: (r) => json(orderView(r.sandbox.ctx, r.sandbox.orders.update(idParam(r), r.body))),
  },
  {
    method: 'DELETE',
    pattern: '/wc/v3/orders/{id}',
    run: (r) => json(orderView(r.sandbox.ctx, r.sandbox.orders.delete(idParam(r), boolParam(r.query, 'force')))),
  },
  {
    method: 'GET',
    pattern: '/wc/v3/orders/{id}/notes',
    run: (r) => {
      const order = r.sandbox.orders.get(idParam(r));
      const notes = [...order.notes].sort((a, b) => b.id - a.id);
      const type = r.query.get('type') ?? 'any';
      const shown = notes.filter((n) => type === 'any' || (type === 'customer') === n.customerNote);
      return json(shown.map((n) => noteView(r.sandbox.ctx, order.id, n)));
    },
  },
  { method: 'POST', pattern: '/wc/v3/orders/{id}/notes', run: addNote },
];
