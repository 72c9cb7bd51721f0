import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './http-kit.js';
import { SANDBOX_CLIENT_ID, SANDBOX_SELLER_ID } from './sandbox-constants.js';
import type { AmazonSandbox } from './sandbox-state.js';

/**
 * Seller Central's Website authorisation workflow (reference README §2.1, PRODUCT.md §4 step 2):
 * `GET /apps/authorize/consent?application_id&state[&version][&redirect_uri]` shows the consent page;
 * Confirm redirects to the redirect URI with `state`, `selling_partner_id` and a single-use
 * `spapi_oauth_code` (5 minutes) that LWA exchanges with grant_type=authorization_code.
 * In the sandbox the application id is the app's LWA client id; the signed-in seller is
 * `SANDBOX_SELLER_ID` unless `seller=<id>` names another sandbox seller. Cancel redirects with
 * `error=access_denied` (our pick: Amazon leaves the seller on Seller Central).
 */
export async function handleConsent(
  sandbox: AmazonSandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/apps/authorize/consent' && req.method === 'GET') {
    showConsent(sandbox, res, url.searchParams);
    return true;
  }
  if (url.pathname === '/apps/authorize/confirm' && req.method === 'POST') {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    confirm(sandbox, res, form);
    return true;
  }
  return false;
}

interface ConsentRequest {
  applicationId: string;
  state: string;
  redirectUri: string;
  sellerId: string;
  version: string | null;
}

function parseRequest(sandbox: AmazonSandbox, p: URLSearchParams): ConsentRequest | string {
  const applicationId = p.get('application_id') ?? '';
  const state = p.get('state') ?? '';
  const redirectUri = p.get('redirect_uri') ?? '';
  const sellerId = p.get('seller') || SANDBOX_SELLER_ID;
  if (!applicationId) return 'The request is missing application_id.';
  if (!sandbox.credentials.hasApp(applicationId)) return `Unknown application ${applicationId}.`;
  if (!state) return 'The request is missing state.';
  if (!/^https?:\/\/[^\s]+$/.test(redirectUri)) return 'The request is missing a valid http(s) redirect_uri.';
  if (!sandbox.credentials.seller(sellerId)) return `Unknown seller ${sellerId}.`;
  return { applicationId, state, redirectUri, sellerId, version: p.get('version') };
}

function showConsent(sandbox: AmazonSandbox, res: ServerResponse, query: URLSearchParams): void {
  const r = parseRequest(sandbox, query);
  if (typeof r === 'string') return sendHtml(res, 400, page('Authorization error', `<p role="alert">${esc(r)}</p>`));
  const app = r.applicationId === SANDBOX_CLIENT_ID ? 'OrderBridge (sandbox app)' : r.applicationId;
  const hidden = (name: string, value: string | null) =>
    value === null ? '' : `<input type="hidden" name="${name}" value="${esc(value)}">`;
  const body = `
<form method="post" action="/apps/authorize/confirm" aria-labelledby="consent-title">
  <h1 id="consent-title">Authorize ${esc(app)} to access your selling account</h1>
  <p>Selling account <strong>${esc(r.sellerId)}</strong>. ${esc(app)} will be able to read your orders and
  confirm shipments on your behalf.</p>
  ${hidden('application_id', r.applicationId)}${hidden('state', r.state)}${hidden('redirect_uri', r.redirectUri)}
  ${hidden('seller', r.sellerId)}${hidden('version', r.version)}
  <button type="submit" name="decision" value="confirm">Confirm</button>
  <button type="submit" name="decision" value="cancel">Cancel</button>
</form>`;
  sendHtml(res, 200, page(`Authorize ${app}`, body));
}

function confirm(sandbox: AmazonSandbox, res: ServerResponse, form: URLSearchParams): void {
  const r = parseRequest(sandbox, form);
  if (typeof r === 'string') return sendHtml(res, 400, page('Authorization error', `<p role="alert">${esc(r)}</p>`));
  const target = new URL(r.redirectUri);
  target.searchParams.set('state', r.state);
  if (form.get('decision') !== 'confirm') {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_description', 'The seller cancelled the authorization.');
  } else {
    const code = sandbox.credentials.issueAuthorizationCode(
      { clientId: r.applicationId, sellerId: r.sellerId, redirectUri: r.redirectUri },
      sandbox.clock.nowMs(),
    );
    target.searchParams.set('selling_partner_id', r.sellerId);
    target.searchParams.set('spapi_oauth_code', code);
  }
  res.writeHead(302, { location: target.toString(), 'cache-control': 'no-store' });
  res.end();
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f3f3f3}main{max-width:560px;margin:48px auto;
background:#fff;padding:24px 32px;border:1px solid #ddd;border-radius:8px}h1{font-size:1.4rem}
button{font-size:1rem;padding:8px 20px;margin-right:8px;border-radius:6px;border:1px solid #888;cursor:pointer}
button[value=confirm]{background:#ffd814;border-color:#fcd200}</style></head>
<body><main>${body}</main></body></html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
  });
  res.end(html);
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
