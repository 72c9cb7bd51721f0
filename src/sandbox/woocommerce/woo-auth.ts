import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WooHttpError } from './woo-errors.js';

/**
 * Consumer key/secret as HTTP Basic auth or `consumer_key`/`consumer_secret` query parameters.
 * (A real store accepts these only over HTTPS and wants OAuth 1.0a over plain HTTP; the sandbox
 * speaks HTTP and accepts both.) No credentials → the capability error of the route's action.
 */
const CANNOT: Record<string, [string, string]> = {
  GET: ['woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'],
  POST: ['woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.'],
  PUT: ['woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.'],
  DELETE: ['woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.'],
};

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function credentials(req: IncomingMessage, url: URL): [string, string] | null {
  const header = req.headers.authorization;
  if (typeof header === 'string' && /^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? [decoded, ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  }
  const key = url.searchParams.get('consumer_key');
  if (key !== null) return [key, url.searchParams.get('consumer_secret') ?? ''];
  return null;
}

export function authenticate(req: IncomingMessage, url: URL, key: string, secret: string): void {
  const given = credentials(req, url);
  if (given === null) {
    const [code, message] = CANNOT[req.method ?? 'GET'] ?? CANNOT.GET ?? ['', ''];
    throw new WooHttpError(401, code, message);
  }
  if (!same(given[0], key))
    throw new WooHttpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
  if (!same(given[1], secret)) {
    throw new WooHttpError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
  }
}
