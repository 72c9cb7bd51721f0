import { createHmac, randomBytes } from 'node:crypto';

/** Integration credentials of OAuth 1.0a (RFC 5849) request signing. */
export interface OAuthCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

export type SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

/** RFC 3986 percent-encoding (RFC 5849 §3.6): everything but unreserved characters. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Base string URI (§3.4.1.2): lower-case scheme and host, no default port, no query. */
function baseUri(url: URL): string {
  const scheme = url.protocol.toLowerCase();
  const defaultPort = (scheme === 'http:' && url.port === '80') || (scheme === 'https:' && url.port === '443');
  const port = url.port === '' || defaultPort ? '' : `:${url.port}`;
  return `${scheme}//${url.hostname.toLowerCase()}${port}${url.pathname}`;
}

/**
 * Signature base string (§3.4.1): method, base URI and the normalised parameters — the query's and
 * the oauth_* ones (a JSON body is not a parameter source), each encoded, sorted by name then value.
 */
export function signatureBaseString(method: string, url: URL, oauthParams: Record<string, string>): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of url.searchParams) pairs.push([percentEncode(k), percentEncode(v)]);
  for (const [k, v] of Object.entries(oauthParams)) pairs.push([percentEncode(k), percentEncode(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const normalised = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  return [method.toUpperCase(), percentEncode(baseUri(url)), percentEncode(normalised)].join('&');
}

export function sign(base: string, consumerSecret: string, tokenSecret: string, method: SignatureMethod): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac(method === 'HMAC-SHA256' ? 'sha256' : 'sha1', key)
    .update(base)
    .digest('base64');
}

export interface SigningInput {
  method: string;
  url: URL;
  credentials: OAuthCredentials;
  /** Seconds since the epoch (from the injected clock). */
  timestamp: number;
  nonce?: string;
  signatureMethod?: SignatureMethod;
  /** RFC 5849 makes oauth_version optional; Magento accepts "1.0". */
  version?: string | null;
}

/** The `Authorization: OAuth …` header of one request (Magento: HMAC-SHA256). */
export function oauthHeader(input: SigningInput): string {
  const params: Record<string, string> = {
    oauth_consumer_key: input.credentials.consumerKey,
    oauth_nonce: input.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: input.signatureMethod ?? 'HMAC-SHA256',
    oauth_timestamp: String(input.timestamp),
    oauth_token: input.credentials.accessToken,
  };
  const version = input.version === undefined ? '1.0' : input.version;
  if (version !== null) params.oauth_version = version;
  const base = signatureBaseString(input.method, input.url, params);
  const signature = sign(
    base,
    input.credentials.consumerSecret,
    input.credentials.accessTokenSecret,
    params.oauth_signature_method as SignatureMethod,
  );
  const all = { ...params, oauth_signature: signature };
  return `OAuth ${Object.entries(all)
    .map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
    .join(', ')}`;
}
