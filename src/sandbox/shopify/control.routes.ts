import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../amazon/http-kit.js';
import { SandboxActionError } from './merchant-actions.js';
import type { ShopifySandbox } from './shopify-sandbox.js';

/** /_sandbox/*: the merchant's side as JSON (no auth: loopback tooling only). */
type Handler = (
  s: ShopifySandbox,
  m: RegExpExecArray,
  body: Record<string, unknown>,
) => { status?: number; body: unknown };

const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/_sandbox\/orders$/, (s) => ({ body: s.listOrders() })],
  [
    'GET',
    /^\/_sandbox\/orders\/by-amazon-id\/([^/]+)$/,
    (s, m) => ({ body: s.ordersByAmazonOrderId(decodeURIComponent(m[1] ?? '')) }),
  ],
  [
    'GET',
    /^\/_sandbox\/orders\/([^/]+)$/,
    (s, m) => {
      const order = s.getOrder(decodeURIComponent(m[1] ?? ''));
      return order ? { body: order } : { status: 404, body: { error: 'order not found' } };
    },
  ],
  [
    'POST',
    /^\/_sandbox\/orders\/([^/]+)\/fulfill$/,
    (s, m, b) => ({ status: 201, body: s.fulfillOrder({ ...b, orderId: decodeURIComponent(m[1] ?? '') }) }),
  ],
  [
    'POST',
    /^\/_sandbox\/orders\/([^/]+)\/cancel$/,
    (s, m, b) => ({ body: s.cancelOrder(decodeURIComponent(m[1] ?? ''), b) }),
  ],
  [
    'PUT',
    /^\/_sandbox\/stock\/([^/]+)$/,
    (s, m, b) => {
      const sku = decodeURIComponent(m[1] ?? '');
      s.setStock(sku, b.available as number);
      return { body: { sku, available: s.getStock(sku) } };
    },
  ],
  [
    'GET',
    /^\/_sandbox\/stock\/([^/]+)$/,
    (s, m) => ({
      body: { sku: decodeURIComponent(m[1] ?? ''), available: s.getStock(decodeURIComponent(m[1] ?? '')) },
    }),
  ],
  ['GET', /^\/_sandbox\/variants\/([^/]+)$/, (s, m) => ({ body: s.variantBySku(decodeURIComponent(m[1] ?? '')) })],
  [
    'POST',
    /^\/_sandbox\/webhooks$/,
    (s, _m, b) => {
      s.addWebhook(String(b.topic), String(b.address));
      return { status: 201, body: { topic: b.topic, address: b.address } };
    },
  ],
  ['GET', /^\/_sandbox\/webhooks$/, (s) => ({ body: s.webhooks.subscriptions })],
  [
    'PUT',
    /^\/_sandbox\/faults$/,
    (s, _m, b) => {
      s.setFaults(b);
      return { body: s.faults.snapshot() };
    },
  ],
  ['GET', /^\/_sandbox\/stats$/, (s) => ({ body: s.statsSnapshot() })],
];

export async function handleControl(
  sandbox: ShopifySandbox,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  sandbox.settleJobs();
  for (const [method, pattern, handler] of ROUTES) {
    const m = pattern.exec(path);
    if (!m || req.method !== method) continue;
    try {
      const raw = method === 'GET' ? '' : (await readBody(req)).toString('utf8');
      const body = raw.trim() === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
      const out = handler(sandbox, m, body);
      return sendJson(res, out.status ?? 200, out.body);
    } catch (error) {
      if (error instanceof SandboxActionError) return sendJson(res, error.status, { error: error.message });
      if (error instanceof SyntaxError || error instanceof Error) return sendJson(res, 400, { error: error.message });
      throw error;
    }
  }
  sendJson(res, 404, { error: `no control route ${req.method ?? ''} ${path}` });
}
