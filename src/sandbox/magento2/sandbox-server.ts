import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, holdUnanswered, sendJson, sendRaw } from '../amazon/http-kit.js';
import { handleControl } from './control.routes.js';
import { MagentoSandbox, type MagentoSandboxOptions } from './magento-sandbox.js';
import { handleRest } from './rest-handler.js';

export interface StartedMagentoSandbox {
  /** http://127.0.0.1:PORT — the store's baseUrl (REST under `${url}/rest/default/V1/…`). */
  url: string;
  port: number;
  sandbox: MagentoSandbox;
  close(): Promise<void>;
}

/** Starts the Magento 2.4.9 admin REST simulator (plus /_sandbox). */
export async function startMagentoSandbox(options: MagentoSandboxOptions = {}): Promise<StartedMagentoSandbox> {
  const sandbox = new MagentoSandbox(options);
  const held = new Set<NodeJS.Timeout>();
  const hold = holdUnanswered(held);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const work =
      url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')
        ? handleControl(sandbox, req, res, url)
        : handleRest(sandbox, req, res, url, hold);
    work.catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!res.headersSent) sendJson(res, tooLarge ? 413 : 500, { message: String(error) });
      else sendRaw(res, 500, null);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  sandbox.baseUrl = url;
  return {
    url,
    port,
    sandbox,
    close: async () => {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
