import type { IncomingMessage, ServerResponse } from 'node:http';
import { header, readBody, sendJson, type Hold } from '../amazon/http-kit.js';
import { MagentoHttpError, inputError, notAuthorized, routeNotFound } from './magento-errors.js';
import { serverErrorBody } from './magento-faults.js';
import { isJsonObject, type Json } from './magento-format.js';
import type { MagentoRoute } from './magento-route.js';
import type { MagentoSandbox } from './magento-sandbox.js';
import { assertValidRequest } from './request-validation.js';
import { findRoute } from './routes.js';

/** `/rest/V1/…` (default store), `/rest/<store>/V1/…`, `/rest/all/V1/…`. */
const REST_PATH = /^\/rest(?:\/([^/]+))?(\/V1\/.*)$/;
const STORES = new Set(['default', 'all']);

function parseJson(raw: Buffer): Json {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isJsonObject(parsed)) return parsed;
  } catch {
    // Magento's JSON deserializer error below
  }
  throw inputError('Decoding error: %1', ['Syntax error']);
}

function authorise(sandbox: MagentoSandbox, req: IncomingMessage, url: URL, route: MagentoRoute): void {
  const outcome = sandbox.auth.check(
    { method: req.method ?? 'GET', url, authorization: header(req, 'authorization') },
    sandbox.integrationAsBearer,
  );
  const allowed = outcome.ok && (sandbox.aclResources === null || sandbox.aclResources.has(route.resource));
  if (!allowed) {
    sandbox.stats.count('authFailures');
    throw notAuthorized(route.resource);
  }
}

/**
 * One REST call: route → auth/ACL → body parsed and validated against the 2.4.9 schema → fault draw
 * (a 5xx runs nothing) → the operation → the answer, or a lost answer / a held one for those faults.
 */
export async function handleRest(
  sandbox: MagentoSandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  hold: Hold,
): Promise<void> {
  const method = req.method ?? 'GET';
  const m = REST_PATH.exec(url.pathname);
  const storeCode = m?.[1] ?? 'default';
  const path = m?.[2] ?? '';
  const found = m ? findRoute(method, path) : null;
  sandbox.stats.request(found ? `${method} ${found.route.pattern}` : `${method} (no route)`);
  let status = 200;
  let answer: unknown;
  let plan: ReturnType<MagentoSandbox['faults']['plan']> = { kind: 'none' };
  try {
    if (!found) throw routeNotFound();
    if (!STORES.has(storeCode)) throw new MagentoHttpError(404, 'Requested store is not found');
    authorise(sandbox, req, url, found.route);
    const body = method === 'GET' || method === 'DELETE' ? {} : parseJson(await readBody(req));
    try {
      if (method !== 'GET') assertValidRequest(method, path, body);
    } catch (error) {
      sandbox.stats.count('schemaViolations');
      throw error;
    }
    plan = sandbox.faults.plan(method !== 'GET');
    if (plan.kind === 'server-error') {
      sandbox.stats.count('serverErrors');
      return sendJson(res, plan.status, serverErrorBody(Math.random));
    }
    answer = found.route.run({ sandbox, params: found.params, query: url.searchParams, body, storeCode });
  } catch (error) {
    if (!(error instanceof MagentoHttpError)) throw error;
    status = error.status;
    answer = error.body();
  }
  if (plan.kind === 'lost') {
    sandbox.stats.count('lostResponses');
    res.socket?.destroy();
    return;
  }
  if (plan.kind === 'timeout') {
    sandbox.stats.count('timeouts');
    return hold(res, plan.holdMs);
  }
  sendJson(res, status, answer);
}
