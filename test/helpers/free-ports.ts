import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports for sandboxes that a test starts on fixed numbers (the demo's sandbox port and its
 * neighbours: +1 WooCommerce, +2 Shopify, +3 Magento). They are taken below the kernel's ephemeral
 * range, where the local ports of outgoing connections (to PostgreSQL, to the sandboxes) come from:
 * a port picked there can be taken by such a connection before the sandbox listens (EADDRINUSE).
 */
const EPHEMERAL_LOW = ((): number => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
})();
const LOWEST = 10_000;

/** The first of `size` consecutive ports, each free on 127.0.0.1 when checked; random so parallel files differ. */
export async function freePortBlock(size: number): Promise<number> {
  const span = EPHEMERAL_LOW - LOWEST - size;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const first = LOWEST + Math.floor(Math.random() * span);
    let free = true;
    for (let port = first; port < first + size && free; port += 1) free = await isFree(port);
    if (free) return first;
  }
  throw new Error(`no ${size} consecutive free ports between ${LOWEST} and ${EPHEMERAL_LOW}`);
}

/** The demo's sandbox port, with the store sandboxes' three ports after it free too. */
export const freeSandboxPort = (): Promise<number> => freePortBlock(4);

const isFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
