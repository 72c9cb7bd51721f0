import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { confirmShipmentOperation } from './confirm-shipment.routes.js';
import { handleConsent } from './consent.routes.js';
import { handleControl } from './control.routes.js';
import { routeFeedsAndListings } from './feeds-router.js';
import { BodyTooLargeError, holdUnanswered, matchPath, sendJson } from './http-kit.js';
import { handleLwaToken } from './lwa.routes.js';
import { getOrderOperation, searchOrdersOperation } from './orders.routes.js';
import { AmazonSandbox, type AmazonSandboxOptions } from './sandbox-state.js';
import { errorList } from './sp-api-errors.js';
import { runSpOperation, type SpEnv } from './sp-api-pipeline.js';

export interface StartedAmazonSandbox {
  url: string;
  port: number;
  sandbox: AmazonSandbox;
  close(): Promise<void>;
}

/** Routes one request; everything Amazon-shaped lives in the *.routes files. */
async function route(env: SpEnv, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const path = url.pathname;
  const { sandbox } = env;
  if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return handleControl(sandbox, req, res, url);
  if (path === '/auth/o2/token' && req.method === 'POST') return handleLwaToken(env, req, res);
  if (path.startsWith('/apps/authorize/') && (await handleConsent(sandbox, req, res, url))) return;
  if (req.method === 'GET' && path === '/orders/2026-01-01/orders') {
    return runSpOperation(env, req, res, searchOrdersOperation(sandbox, url.searchParams));
  }
  const getOrder = req.method === 'GET' ? matchPath('/orders/2026-01-01/orders/{orderId}', path) : null;
  if (getOrder?.orderId !== undefined) {
    return runSpOperation(env, req, res, getOrderOperation(sandbox, getOrder.orderId, url.searchParams));
  }
  const confirm = req.method === 'POST' ? matchPath('/orders/v0/orders/{orderId}/shipmentConfirmation', path) : null;
  if (confirm?.orderId !== undefined) {
    return runSpOperation(env, req, res, confirmShipmentOperation(sandbox, confirm.orderId, req));
  }
  if (await routeFeedsAndListings(env, req, res, url)) return;
  sendJson(res, 404, errorList('NotFound', `The sandbox does not serve ${req.method ?? ''} ${path}.`, ''), {
    'x-amzn-RequestId': randomUUID(),
  });
}

/** Starts the HTTP simulator (LWA, Orders v2026, Orders v0 confirmShipment, Feeds, Listings, /_sandbox). */
export async function startAmazonSandbox(options: AmazonSandboxOptions = {}): Promise<StartedAmazonSandbox> {
  const sandbox = new AmazonSandbox(options);
  const held = new Set<NodeJS.Timeout>();
  // Timeout fault: never answer; drop the connection after `ms` unless the client gave up first.
  const env: SpEnv = { sandbox, hold: holdUnanswered(held) };
  const server = createServer((req, res) => {
    route(env, req, res).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      const status = tooLarge ? 413 : 500;
      sendJson(res, status, errorList(tooLarge ? 'RequestEntityTooLarge' : 'InternalFailure', String(error), ''));
    });
  });
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of held) clearTimeout(timer);
        held.clear();
        sandbox.feeds.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
