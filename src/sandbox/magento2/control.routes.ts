import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchPath, readBody, sendJson } from '../amazon/http-kit.js';
import { MagentoHttpError } from './magento-errors.js';
import type { Json } from './magento-format.js';
import type { MagentoSandbox } from './magento-sandbox.js';

type Route = [
  method: string,
  pattern: string,
  run: (s: MagentoSandbox, p: Record<string, string>, b: Json, q: URLSearchParams) => unknown,
];

const bad = (message: string): MagentoHttpError => new MagentoHttpError(400, message);
const id = (p: Record<string, string>): number => {
  const n = Number(p.id);
  if (!Number.isInteger(n)) throw bad('order id must be a number.');
  return n;
};
const text = (b: Json, key: string): string => {
  const v = b[key];
  if (typeof v !== 'string' || v === '') throw bad(`${key} must be a non-empty string.`);
  return v;
};

/** The control API (README of this folder): JSON in, JSON out, no auth (loopback tooling). */
const ROUTES: readonly Route[] = [
  ['GET', '/_sandbox/orders', (s) => ({ orders: s.listOrders() })],
  ['GET', '/_sandbox/orders/by-ext-order-id/{id}', (s, p) => ({ orders: s.ordersByExtOrderId(p.id ?? '') })],
  ['GET', '/_sandbox/orders/{id}', (s, p) => ({ order: s.getOrder(id(p)) })],
  [
    'POST',
    '/_sandbox/orders/{id}/ship',
    (s, p, b) => ({
      shipment: s.shipOrder({
        orderId: id(p),
        trackNumber: text(b, 'trackNumber'),
        carrierCode: text(b, 'carrierCode'),
        title: text(b, 'title'),
        ...(Array.isArray(b.items) ? { items: b.items as { orderItemId: number; qty: number }[] } : {}),
        ...(typeof b.sourceCode === 'string' ? { sourceCode: b.sourceCode } : {}),
      }),
    }),
  ],
  ['POST', '/_sandbox/orders/{id}/cancel', (s, p) => ({ order: s.cancelOrder(id(p)) })],
  ['POST', '/_sandbox/orders/{id}/invoice', (s, p) => ({ order: s.invoiceOrder(id(p)) })],
  ['GET', '/_sandbox/shipments', (s) => ({ shipments: s.listShipments() })],
  [
    'GET',
    '/_sandbox/stock/{sku}',
    (s, p, _b, q) => {
      const sku = p.sku ?? '';
      const sourceCode = q.get('sourceCode') ?? 'default';
      return { sku, sourceCode, quantity: s.getStock(sku, sourceCode), salable: s.salableQuantity(sku) };
    },
  ],
  [
    'PUT',
    '/_sandbox/stock/{sku}',
    (s, p, b) => {
      if (!Number.isInteger(b.quantity)) throw bad('quantity must be a whole number.');
      const sourceCode = typeof b.sourceCode === 'string' ? b.sourceCode : 'default';
      s.setStock(p.sku ?? '', b.quantity as number, sourceCode);
      return {
        sku: p.sku,
        sourceCode,
        quantity: s.getStock(p.sku ?? '', sourceCode),
        salable: s.salableQuantity(p.sku ?? ''),
      };
    },
  ],
  ['GET', '/_sandbox/stats', (s) => s.statsSnapshot()],
  ['GET', '/_sandbox/faults', (s) => s.faults.snapshot()],
  ['PUT', '/_sandbox/faults', (s, _p, b) => (s.setFaults(b), s.faults.snapshot())],
  [
    'PUT',
    '/_sandbox/acl',
    (s, _p, b) => {
      const resources = b.resources === null ? null : Array.isArray(b.resources) ? b.resources.map(String) : undefined;
      if (resources === undefined) throw bad('resources must be a list of ACL resources or null.');
      s.setAclResources(resources);
      return { resources };
    },
  ],
  [
    'PUT',
    '/_sandbox/integration-as-bearer',
    (s, _p, b) => {
      if (typeof b.enabled !== 'boolean') throw bad('enabled must be a boolean.');
      s.setIntegrationAsBearer(b.enabled);
      return { enabled: b.enabled };
    },
  ],
  ['POST', '/_sandbox/reset', (s) => (s.reset(), { reset: true })],
];

export async function handleControl(
  sandbox: MagentoSandbox,
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
      return sendJson(res, 200, run(sandbox, params, body, url.searchParams));
    }
    sendJson(res, 404, { message: `No control route ${req.method ?? ''} ${url.pathname}.` });
  } catch (error) {
    if (error instanceof MagentoHttpError) return sendJson(res, error.status, error.body());
    if (error instanceof SyntaxError) return sendJson(res, 400, { message: error.message });
    throw error;
  }
}
