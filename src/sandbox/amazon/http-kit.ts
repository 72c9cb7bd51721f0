import type { IncomingMessage, ServerResponse } from 'node:http';

/** Minimal HTTP helpers on node:http (no framework: the sandbox needs raw control of sockets and bodies). */

export const MAX_BODY_BYTES = 1_048_576;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendRaw(res, status, JSON.stringify(body), headers);
}

/** Sends a prepared body (also a deliberately broken one); `null` sends no body at all (204). */
export function sendRaw(
  res: ServerResponse,
  status: number,
  body: string | null,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const all: Record<string, string | number> = { ...headers };
  if (body !== null) {
    all['content-type'] = 'application/json';
    all['content-length'] = Buffer.byteLength(body);
  }
  res.writeHead(status, all);
  res.end(body ?? undefined);
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Matches "/a/{x}/b" style patterns; returns decoded path parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return null;
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

/** Holds a request without answering, then drops the connection (a sandbox's timeout fault). */
export type Hold = (res: ServerResponse, ms: number) => void;

/**
 * A `Hold` whose timers live in `held`, so closing the sandbox can clear them; a client that gives
 * up first clears its own.
 */
export function holdUnanswered(held: Set<NodeJS.Timeout>): Hold {
  return (res, ms) => {
    const timer = setTimeout(() => {
      held.delete(timer);
      res.socket?.destroy();
    }, ms);
    held.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      held.delete(timer);
    });
  };
}
