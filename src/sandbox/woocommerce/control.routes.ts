import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchPath, readBody, sendJson } from '../amazon/http-kit.js';
import type { WebhookInput } from './webhook-dispatcher.js';
import { WooHttpError } from './woo-errors.js';
import type { ShipOrderInput, WooSandbox } from './woo-sandbox.js';

type Json = Record<string, unknown>;
type Route = [
  method: string,
  pattern: string,
  run: (s: WooSandbox, p: Record<string, string>, b: Json, q: URLSearchParams) => [number, unknown],
];

const bad = (message: string): WooHttpError => new WooHttpError(400, 'sandbox_invalid_request', message);
const id = (p: Record<string, string>): number => {
  const n = Number(p.id);
  if (!Number.isInteger(n)) throw bad('order id must be a number.');
  return n;
};

/** The control API (README of this folder): JSON in, JSON out, no auth (it is a simulator). */
const ROUTES: readonly Route[] = [
  ['GET', '/_sandbox/orders', (s) => [200, { orders: s.listOrders() }]],
  ['GET', '/_sandbox/orders/{id}', (s, p) => [200, { order: s.getOrder(id(p)) }]],
  [
    'POST',
    '/_sandbox/orders/{id}/ship',
    (s, p, b) => {
      if (typeof b.trackingNumber !== 'string') throw bad('trackingNumber must be a string.');
      return [201, { tracking: s.shipOrder({ ...(b as unknown as ShipOrderInput), orderId: id(p) }) }];
    },
  ],
  [
    'POST',
    '/_sandbox/orders/{id}/cancel',
    (s, p, b) => {
      s.cancelOrder(id(p), typeof b.note === 'string' ? b.note : undefined);
      return [200, { order: s.getOrder(id(p)) }];
    },
  ],
  [
    'GET',
    '/_sandbox/stock',
    (s, _p, _b, q) => {
      const sku = q.get('sku');
      if (sku === null) throw bad('sku is required.');
      return [200, s.getStock(sku)];
    },
  ],
  [
    'PUT',
    '/_sandbox/stock',
    (s, _p, b) => {
      if (typeof b.sku !== 'string' || !Number.isInteger(b.quantity))
        throw bad('sku (string) and quantity (integer) are required.');
      return [200, s.setStock(b.sku, b.quantity as number)];
    },
  ],
  ['GET', '/_sandbox/stats', (s) => [200, s.statsSnapshot()]],
  ['GET', '/_sandbox/faults', (s) => [200, s.faults.snapshot()]],
  ['PUT', '/_sandbox/faults', (s, _p, b) => (s.setFaults(b), [200, s.faults.snapshot()])],
  ['POST', '/_sandbox/webhooks', (s, _p, b) => [201, s.addWebhook(b as unknown as WebhookInput)]],
  ['POST', '/_sandbox/reset', (s) => (s.reset(), [200, { reset: true }])],
];

export async function handleControl(
  sandbox: WooSandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    for (const [method, pattern, run] of ROUTES) {
      const params = req.method === method ? matchPath(pattern, url.pathname) : null;
      if (params === null) continue;
      const raw = method === 'GET' ? '' : (await readBody(req)).toString('utf8');
      const body = raw.trim() === '' ? {} : (JSON.parse(raw) as Json);
      const [status, out] = run(sandbox, params, body, url.searchParams);
      return sendJson(res, status, out);
    }
    sendJson(res, 404, { code: 'sandbox_no_route', message: `No control route ${req.method ?? ''} ${url.pathname}.` });
  } catch (error) {
    if (error instanceof WooHttpError) return sendJson(res, error.status, error.body());
    if (error instanceof SyntaxError)
      return sendJson(res, 400, { code: 'sandbox_invalid_json', message: error.message });
    throw error;
  }
}
