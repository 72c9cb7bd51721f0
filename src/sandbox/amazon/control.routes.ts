import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, isAppError, type ErrorKind } from '../../lib/errors.js';
import type { AddSellerInput } from './credential-store.js';
import { FEED_CONTROL_ROUTES } from './feeds-control.routes.js';
import type { GenerateOrdersOptions } from './generate-orders.js';
import { matchPath, readBody, sendJson } from './http-kit.js';
import { ORDER_ACTIONS, type OrderAction } from './order-actions.js';
import type { AmazonSandbox, ListOrdersFilter } from './sandbox-state.js';

type Json = Record<string, unknown>;
export type ControlRoute = [
  method: string,
  pattern: string,
  run: (s: AmazonSandbox, p: Record<string, string>, b: Json, q: URLSearchParams) => [number, unknown],
];

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  auth: 401,
  forbidden: 403,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};
const bad = (message: string): AppError => new AppError('invalid_request', message, { kind: 'invalid' });
const str = (body: Json, key: string): string => {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw bad(`${key} must be a non-empty string.`);
  return value;
};

const sellerView = (s: AmazonSandbox): unknown =>
  s.credentials
    .listSellers()
    .map((x) => ({ sellerId: x.sellerId, marketplaceIds: x.marketplaceIds, roles: [...x.roles] }));
const clockView = (s: AmazonSandbox): unknown => ({ now: s.nowIso(), offsetSeconds: s.clock.offsetSeconds });

/** The control API (README of this folder): JSON in, JSON out, no auth (it is a simulator). */
const ROUTES: readonly ControlRoute[] = [
  ['GET', '/_sandbox', (s) => [200, { ...(clockView(s) as Json), sellers: sellerView(s), stats: s.stats() }]],
  ['GET', '/_sandbox/sellers', (s) => [200, { sellers: sellerView(s) }]],
  [
    'POST',
    '/_sandbox/sellers',
    (s, _p, b) => [
      201,
      {
        seller: s.addSeller({
          ...(b as unknown as AddSellerInput),
          sellerId: str(b, 'sellerId'),
          refreshToken: str(b, 'refreshToken'),
        }),
      },
    ],
  ],
  [
    'PUT',
    '/_sandbox/sellers/{sellerId}/roles',
    (s, p, b) => {
      if (!Array.isArray(b.roles) || !b.roles.every((r) => typeof r === 'string'))
        throw bad('roles must be an array of strings.');
      s.setRoles(p.sellerId ?? '', b.roles);
      return [200, { sellerId: p.sellerId, roles: b.roles }];
    },
  ],
  [
    'POST',
    '/_sandbox/refresh-tokens/revoke',
    (s, _p, b) => [200, { revoked: s.revokeRefreshToken(str(b, 'refreshToken')) }],
  ],
  [
    'POST',
    '/_sandbox/orders/generate',
    (s, _p, b) => [201, { orderIds: s.generateOrders(b as unknown as GenerateOrdersOptions) }],
  ],
  ['POST', '/_sandbox/orders', (s, _p, b) => [201, { order: s.createOrder(b) }]],
  ['GET', '/_sandbox/orders', (s, _p, _b, q) => [200, { orders: s.listOrders(listFilter(q)) }]],
  [
    'GET',
    '/_sandbox/orders/{orderId}',
    (s, p) => [200, { order: s.getOrder(p.orderId ?? ''), feedActions: s.orderFeedActions(p.orderId ?? '') }],
  ],
  [
    'POST',
    '/_sandbox/orders/{orderId}/{action}',
    (s, p, b) => {
      const action = p.action as OrderAction;
      if (!ORDER_ACTIONS.includes(action))
        throw bad(`Unknown action ${String(p.action)}; use ${ORDER_ACTIONS.join(', ')}.`);
      return [200, { order: s.advanceOrder(p.orderId ?? '', action, b) }];
    },
  ],
  ['GET', '/_sandbox/clock', (s) => [200, clockView(s)]],
  [
    'POST',
    '/_sandbox/clock',
    (s, _p, b) => {
      if (typeof b.advanceSeconds !== 'number') throw bad('advanceSeconds must be a number.');
      s.advanceClock(b.advanceSeconds);
      return [200, clockView(s)];
    },
  ],
  ['GET', '/_sandbox/faults', (s) => [200, { faults: s.faults.config() }]],
  [
    'PUT',
    '/_sandbox/faults',
    (s, _p, b) => {
      s.setFaults(b);
      return [200, { faults: s.faults.config() }];
    },
  ],
  [
    'DELETE',
    '/_sandbox/faults',
    (s) => {
      s.setFaults({});
      return [200, { faults: {} }];
    },
  ],
  ['GET', '/_sandbox/stats', (s) => [200, s.stats()]],
  ['GET', '/_sandbox/stats/search-orders', (s, _p, _b, q) => [200, s.record.searchOrdersLog(sinceParam(q))]],
  [
    'DELETE',
    '/_sandbox/stats',
    (s) => {
      s.resetStats();
      return [200, s.stats()];
    },
  ],
  [
    'POST',
    '/_sandbox/reset',
    (s) => {
      s.reset();
      return [200, { reset: true, now: s.nowIso() }];
    },
  ],
  ...FEED_CONTROL_ROUTES,
];

function sinceParam(q: URLSearchParams): number {
  const since = Number(q.get('since') ?? 0);
  if (!Number.isInteger(since) || since < 0) throw bad('since must be a whole number ≥ 0.');
  return since;
}

function listFilter(q: URLSearchParams): ListOrdersFilter {
  const statuses = q.getAll('status').flatMap((v) => v.split(','));
  const limit = q.get('limit');
  return {
    ...(q.get('sellerId') ? { sellerId: q.get('sellerId') as string } : {}),
    ...(q.get('marketplaceId') ? { marketplaceId: q.get('marketplaceId') as string } : {}),
    ...(statuses.length > 0 ? { statuses: statuses as NonNullable<ListOrdersFilter['statuses']> } : {}),
    ...(limit !== null ? { limit: Number(limit) } : {}),
  };
}

export async function handleControl(
  sandbox: AmazonSandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  try {
    for (const [method, pattern, run] of ROUTES) {
      const params = matchPath(pattern, path);
      if (!params || method !== req.method) continue;
      const body = method === 'GET' || method === 'DELETE' ? {} : await jsonBody(req);
      const [status, payload] = run(sandbox, params, body, url.searchParams);
      return sendJson(res, status, payload);
    }
    sendJson(res, 404, { error: { code: 'not_found', message: `No control route ${req.method ?? ''} ${path}.` } });
  } catch (error) {
    const e = isAppError(error) ? error : new AppError('internal_error', String(error), { kind: 'internal' });
    sendJson(res, STATUS[e.kind], { error: { code: e.code, message: e.message } });
  }
}

async function jsonBody(req: IncomingMessage): Promise<Json> {
  const raw = (await readBody(req)).toString('utf8').trim();
  if (raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError('invalid_json', 'The body is not valid JSON.', { kind: 'invalid' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw bad('The body must be a JSON object.');
  return parsed as Json;
}
