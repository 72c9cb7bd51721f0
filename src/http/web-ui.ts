import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` writes the web UI. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OrderBridge</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5">
<h1>OrderBridge</h1>
<p>The web UI is not built: run npm run build:web (then reload this page).</p>
<p>The REST API works without it: see <a href="/docs">/docs</a> and <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>
`;

/** Paths that belong to the server, never to the single-page app. */
function isServerPath(url: string): boolean {
  return (
    url === '/api' ||
    url.startsWith('/api/') ||
    url === '/docs' ||
    url.startsWith('/docs/') ||
    url.startsWith('/openapi.json')
  );
}

function acceptsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept;
  return typeof accept === 'string' && (accept.includes('text/html') || accept.includes('application/xhtml+xml'));
}

/** The file of `dist` a URL path names, or null (outside dist, missing, or a directory). */
function fileIn(distDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = path.normalize(decoded).replace(/^([/\\])+/, '');
  if (relative === '' || relative.startsWith('..')) return null;
  const absolute = path.resolve(distDir, relative);
  if (!absolute.startsWith(distDir + path.sep)) return null;
  try {
    return statSync(absolute).isFile() ? relative : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web UI (web/dist) at `/`: its files, and index.html for any other GET that asks
 * for HTML and is not an API, docs or OpenAPI path (client-side routes such as /orders/123).
 * Without a build it answers a short page saying how to build it. Hidden from the OpenAPI document.
 */
export async function registerWebUi(server: FastifyInstance, distDir: string = DEFAULT_WEB_DIST): Promise<void> {
  const root = path.resolve(distDir);
  const built = () => existsSync(path.join(root, 'index.html'));
  if (existsSync(root)) {
    await server.register(fastifyStatic, { root, serve: false });
  }

  const handler = (req: FastifyRequest, reply: FastifyReply) => {
    const urlPath = req.url.split('?')[0] ?? '/';
    if (isServerPath(urlPath)) return reply.callNotFound();
    if (!built() || !reply.sendFile) {
      if (!acceptsHtml(req) && urlPath !== '/') return reply.callNotFound();
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(NOT_BUILT_PAGE);
    }
    const file = fileIn(root, urlPath);
    if (file) {
      // Vite's hashed assets never change; everything else is revalidated.
      const immutable = file.startsWith(`assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file, { cacheControl: false });
    }
    if (urlPath !== '/' && !acceptsHtml(req)) return reply.callNotFound();
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  };

  server.get('/', { schema: { hide: true } }, handler);
  server.get('/*', { schema: { hide: true } }, handler);
}
