/**
 * Origins of the simulators this process started itself (the demo's Amazon and WooCommerce
 * sandboxes). They run on 127.0.0.1 by design and are no one else's service, so the outbound
 * policy lets calls reach them whatever the installation settings say.
 */
const origins = new Set<string>();

/** Allows calls to `url`'s origin (scheme, host and port) for the life of the process. */
export function registerInProcessOrigin(url: string): void {
  origins.add(new URL(url).origin);
}

/** Forgets an origin (its server stopped; the port may be reused by something else). */
export function unregisterInProcessOrigin(url: string): void {
  origins.delete(new URL(url).origin);
}

export function isInProcessOrigin(url: string): boolean {
  try {
    return origins.has(new URL(url).origin);
  } catch {
    return false;
  }
}

/** The same test for a socket about to be opened (host as given to net.connect, without brackets). */
export function isInProcessEndpoint(host: string, port: number): boolean {
  const h = host.includes(':') ? `[${host}]` : host;
  return isInProcessOrigin(`http://${h}:${port}`) || isInProcessOrigin(`https://${h}:${port}`);
}
