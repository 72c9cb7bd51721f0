import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export type Range = readonly [number, number];

/**
 * An HTTP proxy in front of a sandbox that waits before forwarding (a killed client's request never
 * arrives) and before answering (the sandbox has committed, the client does not know yet).
 */
export interface DelayProxy {
  url: string;
  /** Requests held or forwarded right now. */
  inFlight: number;
  /** Answers the client was no longer there to receive. */
  answersLost: number;
  delays: { before: Range; after: Range } | null;
  /**
   * Called with each answer the target gave, before the proxy passes it on (and before the `after`
   * delay): a test can kill the client here, so the target has committed and the client never hears.
   */
  onAnswer: ((request: ProxiedRequest, answer: ProxiedAnswer) => Promise<void> | void) | null;
  close(): Promise<void>;
}

export interface ProxiedRequest {
  method: string;
  url: string;
  body: Buffer;
}

export interface ProxiedAnswer {
  status: number;
  body: Buffer;
}

export async function startDelayProxy(target: string, random: () => number): Promise<DelayProxy> {
  const to = new URL(target);
  const pick = ([min, max]: Range): number => min + Math.floor(random() * (max - min + 1));
  const hop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);
  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.OutgoingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { host: to.host, 'content-length': body.length };
      for (const [k, v] of Object.entries(req.headers)) if (!hop.has(k) && v !== undefined) headers[k] = v;
      const up = http.request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const out: http.OutgoingHttpHeaders = {};
            for (const [k, v] of Object.entries(res.headers)) if (!hop.has(k) && v !== undefined) out[k] = v;
            resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(parts) });
          });
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const proxy: DelayProxy = {
    url: '',
    inFlight: 0,
    answersLost: 0,
    delays: null,
    onAnswer: null,
    close: () => Promise.resolve(),
  };
  const server = http.createServer((req, res) => {
    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) gone = true;
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      proxy.inFlight += 1;
      void (async () => {
        try {
          if (proxy.delays) await sleep(pick(proxy.delays.before));
          if (gone) return;
          const body = Buffer.concat(chunks);
          const answer = await forward(req, body).catch(() => null);
          if (answer && proxy.onAnswer) {
            await proxy.onAnswer({ method: req.method ?? 'GET', url: req.url ?? '/', body }, answer);
          }
          if (proxy.delays) await sleep(pick(proxy.delays.after));
          if (gone) {
            proxy.answersLost += 1;
            return;
          }
          // The sandbox dropped the connection (a lost-response or timeout fault): so does the proxy.
          if (!answer) return void res.destroy();
          res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length });
          res.end(answer.body);
        } finally {
          proxy.inFlight -= 1;
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return proxy;
}
