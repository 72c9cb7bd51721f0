import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, header, holdUnanswered, readBody, sendJson, sendRaw } from '../amazon/http-kit.js';
import { loadShopifyAdminSchema, SHOPIFY_SCHEMA_VERSION } from './admin-schema.js';
import { handleControl } from './control.routes.js';
import { runGraphQL, type GraphQLRequest } from './graphql-endpoint.js';
import { ShopifySandbox, type ShopifySandboxOptions } from './shopify-sandbox.js';

export interface StartedShopifySandbox {
  /** http://127.0.0.1:PORT — the store's baseUrl. */
  url: string;
  sandbox: ShopifySandbox;
  close(): Promise<void>;
}

const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const INVALID_TOKEN = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

function parseForm(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

async function handleGraphQL(
  s: ShopifySandbox,
  req: IncomingMessage,
  res: ServerResponse,
  held: Set<NodeJS.Timeout>,
): Promise<void> {
  s.stats.count('requests');
  if (!s.tokens.valid(header(req, 'x-shopify-access-token'))) return sendJson(res, 401, INVALID_TOKEN);
  const raw = (await readBody(req)).toString('utf8');
  let request: GraphQLRequest;
  try {
    request = JSON.parse(raw) as GraphQLRequest;
  } catch {
    return sendJson(res, 400, { errors: 'Invalid JSON in request body' });
  }
  const isMutation = typeof request.query === 'string' && /^\s*mutation\b/m.test(request.query.replace(/#[^\n]*/g, ''));
  const fault = s.faults.plan(isMutation);
  if (fault.kind === 'server-error') {
    s.stats.count('serverErrors');
    const body =
      fault.status === 500
        ? JSON.stringify({ errors: 'Internal Server Error' })
        : `<html><body><h1>${fault.status}</h1></body></html>`;
    return sendRaw(res, fault.status, body);
  }
  const answer = await runGraphQL(loadShopifyAdminSchema(), s.bucket, s.context(), request);
  if (fault.kind === 'lost' && answer.mutation) {
    s.stats.count('lostResponses');
    res.socket?.destroy();
    return;
  }
  if (fault.kind === 'timeout') {
    s.stats.count('timeouts');
    holdUnanswered(held)(res, fault.holdMs);
    return;
  }
  sendJson(res, 200, answer.body);
}

async function route(
  s: ShopifySandbox,
  req: IncomingMessage,
  res: ServerResponse,
  held: Set<NodeJS.Timeout>,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://sandbox.local').pathname;
  if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return handleControl(s, req, res, path);
  if (path === '/admin/oauth/access_token' && req.method === 'POST') {
    const raw = (await readBody(req)).toString('utf8');
    const granted = s.tokens.grant(parseForm(raw, header(req, 'content-type')));
    if (!granted)
      return sendJson(res, 400, { error: 'invalid_client', error_description: 'Client authentication failed' });
    return sendJson(res, 200, granted);
  }
  const m = GRAPHQL_PATH.exec(path);
  if (m && req.method === 'POST') {
    if (m[1] !== SHOPIFY_SCHEMA_VERSION) return sendJson(res, 404, { errors: 'Not Found' });
    return handleGraphQL(s, req, res, held);
  }
  sendJson(res, 404, { errors: 'Not Found' });
}

/** Starts the Shopify Admin GraphQL simulator (plus the client-credentials grant and /_sandbox). */
export async function startShopifySandbox(options: ShopifySandboxOptions = {}): Promise<StartedShopifySandbox> {
  loadShopifyAdminSchema();
  const sandbox = new ShopifySandbox(options);
  const held = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    route(sandbox, req, res, held).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!res.headersSent)
        sendJson(res, tooLarge ? 413 : 500, { errors: tooLarge ? 'Request too large' : String(error) });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    sandbox,
    close: async () => {
      for (const t of held) clearTimeout(t);
      held.clear();
      await sandbox.shutdown();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
