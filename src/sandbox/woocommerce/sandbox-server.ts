import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BodyTooLargeError,
  holdUnanswered,
  matchPath,
  readBody,
  sendJson,
  sendRaw,
  type Hold,
} from '../amazon/http-kit.js';
import { handleControl } from './control.routes.js';
import { ORDER_ROUTES } from './orders.routes.js';
import { PRODUCT_ROUTES } from './products.routes.js';
import { SITE_ROUTES } from './site.routes.js';
import { TRACKING_ROUTES } from './tracking.routes.js';
import { authenticate } from './woo-auth.js';
import { WooHttpError, noRoute } from './woo-errors.js';
import { faultResponse } from './woo-faults.js';
import type { WooRoute } from './woo-route.js';
import { WooSandbox, type WooSandboxOptions } from './woo-sandbox.js';

export interface StartedWooSandbox {
  url: string;
  port: number;
  sandbox: WooSandbox;
  close(): Promise<void>;
}

const ROUTES: readonly WooRoute[] = [...SITE_ROUTES, ...PRODUCT_ROUTES, ...ORDER_ROUTES, ...TRACKING_ROUTES];

/** WordPress item routes are EDITABLE for POST, PUT and PATCH alike. */
function findRoute(method: string, path: string): { route: WooRoute; params: Record<string, string> } | null {
  const wanted = method === 'PATCH' ? ['PUT'] : method === 'POST' ? ['POST', 'PUT'] : [method];
  for (const m of wanted) {
    for (const route of ROUTES) {
      const params = route.method === m ? matchPath(route.pattern, path) : null;
      if (params !== null) return { route, params };
    }
  }
  return null;
}

function parseBody(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new WooHttpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
}

async function handleRest(
  sandbox: WooSandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: string,
  hold: Hold,
): Promise<void> {
  const found = findRoute(req.method ?? 'GET', path.replace(/\/+$/, '') || '/');
  if (!found) throw noRoute();
  const { route, params } = found;
  sandbox.stats.request(`${route.method} ${route.pattern}`);
  if (!route.public) {
    const plan = sandbox.faults.plan();
    if (plan.kind === 'timeout') {
      sandbox.stats.fault('timeout');
      return hold(res, plan.holdMs);
    }
    if (plan.kind === 'error') {
      sandbox.stats.fault(`error:${plan.status}`);
      const fault = faultResponse(plan.status);
      res.writeHead(plan.status, { 'content-type': fault.contentType, ...fault.headers });
      res.end(fault.body);
      return;
    }
    try {
      authenticate(req, url, sandbox.consumerKey, sandbox.consumerSecret);
    } catch (error) {
      sandbox.stats.authFailure();
      throw error;
    }
  }
  const body = route.method === 'GET' ? {} : parseBody(await readBody(req));
  const reply = route.run({ sandbox, params, query: url.searchParams, body, url });
  if (reply.loseResponse) {
    sandbox.stats.responseLost();
    res.socket?.destroy();
    return;
  }
  sendJson(res, reply.status, reply.body, reply.headers ?? {});
}

async function route(sandbox: WooSandbox, req: IncomingMessage, res: ServerResponse, hold: Hold): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const path = url.pathname;
  if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return handleControl(sandbox, req, res, url);
  const restRoute = url.searchParams.get('rest_route');
  const restPath = path === '/wp-json' || path.startsWith('/wp-json/') ? path.slice('/wp-json'.length) : restRoute;
  try {
    if (restPath === null) throw noRoute();
    await handleRest(sandbox, req, res, url, restPath, hold);
  } catch (error) {
    if (error instanceof WooHttpError) return sendJson(res, error.status, error.body());
    throw error;
  }
}

/** Starts the WooCommerce REST API v3 simulator (plus Shipment Tracking and /_sandbox). */
export async function startWooSandbox(options: WooSandboxOptions = {}): Promise<StartedWooSandbox> {
  const sandbox = new WooSandbox(options);
  const held = new Set<NodeJS.Timeout>();
  const hold = holdUnanswered(held);
  const server = createServer((req, res) => {
    route(sandbox, req, res, hold).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      const body = {
        code: tooLarge ? 'rest_request_too_large' : 'internal_server_error',
        message: String(error),
        data: { status: tooLarge ? 413 : 500 },
      };
      if (!res.headersSent) sendJson(res, tooLarge ? 413 : 500, body);
      else sendRaw(res, 500, null);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  sandbox.ctx.settings.siteUrl = url;
  return {
    url,
    port,
    sandbox,
    close: async () => {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      await sandbox.webhooks.settled();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
