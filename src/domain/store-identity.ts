/** Host names that all mean "this machine": a second store row spelling it differently is the same shop. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/;

/**
 * Which shop a store row points at. Two store rows (also in different accounts) with the same
 * identity are one store for delivery: an Amazon order reaches it once (src/sync/claim-store-order.ts).
 * Ignored, because they do not make another shop: the scheme (http/https), a default port,
 * credentials, a leading "www.", a trailing dot, letter case, query, fragment and trailing slashes;
 * every loopback spelling (localhost, 127.x.x.x, ::1) is one host.
 */
export function storeIdentity(platform: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return `${platform}|${baseUrl.trim().toLowerCase().replace(/\/+$/, '')}`;
  }
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  const port = url.port === '' || url.port === '80' || url.port === '443' ? '' : `:${url.port}`;
  const path = url.pathname
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  return `${platform}|${LOOPBACK.test(host) ? 'loopback' : host}${port}${path}`;
}
