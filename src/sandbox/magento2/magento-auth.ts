import { createHmac, timingSafeEqual } from 'node:crypto';

export interface IntegrationCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

export interface AuthRequest {
  method: string;
  /** The URL the client called, as the server received it (scheme://host:port/path?query). */
  url: URL;
  authorization: string | undefined;
  /** Form-encoded body parameters (JSON bodies are not part of the signature). */
  formBody?: URLSearchParams;
}

/** RFC 3986 percent-encoding as OAuth 1.0a requires (unreserved: A-Z a-z 0-9 - . _ ~). */
export const oauthEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `OAuth k="v", …` → decoded parameters (realm dropped). */
export function parseOAuthHeader(header: string): Map<string, string> | null {
  if (!/^OAuth\s/i.test(header)) return null;
  const params = new Map<string, string>();
  for (const m of header.slice(6).matchAll(/([A-Za-z0-9_]+)\s*=\s*"([^"]*)"/g)) {
    const [, key, value] = m;
    if (key && key !== 'realm') params.set(key, decodeURIComponent(value ?? ''));
  }
  return params;
}

/** RFC 5849 §3.4.1: METHOD & base URI & normalised parameters (oauth_* without the signature, query, form body). */
export function signatureBaseString(
  method: string,
  url: URL,
  oauth: Map<string, string>,
  formBody?: URLSearchParams,
): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of oauth) if (k !== 'oauth_signature') pairs.push([oauthEncode(k), oauthEncode(v)]);
  for (const [k, v] of url.searchParams) pairs.push([oauthEncode(k), oauthEncode(v)]);
  for (const [k, v] of formBody ?? []) pairs.push([oauthEncode(k), oauthEncode(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const normalised = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const defaultPort =
    (url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443');
  const host = url.hostname.toLowerCase() + (url.port && !defaultPort ? `:${url.port}` : '');
  const baseUri = `${url.protocol.toLowerCase()}//${host}${url.pathname}`;
  return [method.toUpperCase(), oauthEncode(baseUri), oauthEncode(normalised)].join('&');
}

export function oauthSignature(
  algorithm: 'sha256' | 'sha1',
  base: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  return createHmac(algorithm, `${oauthEncode(consumerSecret)}&${oauthEncode(tokenSecret)}`)
    .update(base)
    .digest('base64');
}

const ALGORITHMS: Readonly<Record<string, 'sha256' | 'sha1'>> = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };
/** Magento refuses OAuth timestamps further than this from its clock. */
const TIMESTAMP_WINDOW_S = 600;

export type AuthOutcome = { ok: true; via: 'bearer' | 'oauth' } | { ok: false; reason: string };

/**
 * Magento's REST user context: an integration token as Bearer (only when "Allow OAuth Access Tokens to be
 * used as standalone Bearer tokens" is on), or an OAuth 1.0a request signed with the four integration
 * credentials (HMAC-SHA256 or HMAC-SHA1, timestamp within 10 minutes, nonce never reused).
 */
export class MagentoAuthenticator {
  private nonces = new Set<string>();

  constructor(
    private readonly credentials: IntegrationCredentials,
    private readonly nowMs: () => number,
  ) {}

  check(req: AuthRequest, integrationAsBearer: boolean): AuthOutcome {
    const header = req.authorization?.trim() ?? '';
    if (/^Bearer\s/i.test(header)) {
      const token = header.slice(7).trim();
      if (token !== this.credentials.accessToken) return { ok: false, reason: 'unknown bearer token' };
      if (!integrationAsBearer) return { ok: false, reason: 'integration tokens as Bearer are disabled' };
      return { ok: true, via: 'bearer' };
    }
    const oauth = parseOAuthHeader(header);
    if (!oauth) return { ok: false, reason: 'no credentials' };
    return this.checkOAuth(req, oauth);
  }

  private checkOAuth(req: AuthRequest, oauth: Map<string, string>): AuthOutcome {
    const c = this.credentials;
    if (oauth.get('oauth_consumer_key') !== c.consumerKey) return { ok: false, reason: 'unknown consumer key' };
    if (oauth.get('oauth_token') !== c.accessToken) return { ok: false, reason: 'unknown access token' };
    const algorithm = ALGORITHMS[oauth.get('oauth_signature_method') ?? ''];
    if (!algorithm) return { ok: false, reason: 'unsupported signature method' };
    if ((oauth.get('oauth_version') ?? '1.0') !== '1.0') return { ok: false, reason: 'unsupported oauth_version' };
    const timestamp = Number(oauth.get('oauth_timestamp'));
    // Within the window of the sandbox's clock or the machine's: tests may move one and not the other.
    const near = (ms: number): boolean => Math.abs(ms / 1000 - timestamp) <= TIMESTAMP_WINDOW_S;
    if (!Number.isFinite(timestamp) || !(near(this.nowMs()) || near(Date.now())))
      return { ok: false, reason: 'timestamp refused' };
    const nonce = oauth.get('oauth_nonce') ?? '';
    if (nonce === '' || this.nonces.has(`${timestamp}:${nonce}`)) return { ok: false, reason: 'nonce used' };
    const base = signatureBaseString(req.method, req.url, oauth, req.formBody);
    const expected = Buffer.from(oauthSignature(algorithm, base, c.consumerSecret, c.accessTokenSecret));
    const given = Buffer.from(oauth.get('oauth_signature') ?? '');
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: 'signature mismatch' };
    this.nonces.add(`${timestamp}:${nonce}`);
    return { ok: true, via: 'oauth' };
  }
}
