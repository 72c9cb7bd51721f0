import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerWebUi } from './web-ui.js';

const INDEX = '<!doctype html><html><body><div id="root"></div>SPA-INDEX</body></html>';
const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function serverWith(distDir: string): Promise<FastifyInstance> {
  const server = Fastify();
  server.get('/api/health', () => ({ status: 'ok' }));
  server.get('/openapi.json', () => ({ openapi: '3.0.3' }));
  await registerWebUi(server, distDir);
  await server.ready();
  return server;
}

describe('registerWebUi', () => {
  let dir: string;
  let server: FastifyInstance | null = null;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'orderbridge-web-'));
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  function build(): void {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("app")');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  }

  it('serves index.html at / and for client-side routes that accept HTML', async () => {
    build();
    server = await serverWith(dir);
    for (const url of ['/', '/orders/123', '/connections/new?step=2', '/settings']) {
      const res = await server.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('SPA-INDEX');
    }
  });

  it('serves the built files, hashed assets as immutable', async () => {
    build();
    server = await serverWith(dir);
    const asset = await server.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("app")');
    expect(asset.headers['cache-control']).toContain('immutable');
    const icon = await server.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('does not swallow API, docs or OpenAPI paths', async () => {
    build();
    server = await serverWith(dir);
    const health = await server.inject({ method: 'GET', url: '/api/health', headers: html });
    expect(health.json()).toEqual({ status: 'ok' });
    const openapi = await server.inject({ method: 'GET', url: '/openapi.json', headers: html });
    expect(openapi.json()).toEqual({ openapi: '3.0.3' });
    for (const url of ['/api/nope', '/api/orders/x/y', '/docs/missing', '/api']) {
      const res = await server.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('SPA-INDEX');
    }
  });

  it('answers 404 (not index.html) for missing files that do not ask for HTML', async () => {
    build();
    server = await serverWith(dir);
    const res = await server.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('SPA-INDEX');
  });

  it('never serves files outside the dist directory', async () => {
    build();
    writeFileSync(path.join(path.dirname(dir), 'secret-outside.txt'), 'SECRET');
    server = await serverWith(dir);
    for (const url of [
      '/../secret-outside.txt',
      '/%2e%2e/secret-outside.txt',
      '/assets/%2e%2e/%2e%2e/secret-outside.txt',
    ]) {
      const res = await server.inject({ method: 'GET', url, headers: { accept: '*/*' } });
      expect(res.body, url).not.toContain('SECRET');
    }
    rmSync(path.join(path.dirname(dir), 'secret-outside.txt'), { force: true });
  });

  it('says how to build the UI when web/dist is missing', async () => {
    server = await serverWith(path.join(dir, 'not-there'));
    const res = await server.inject({ method: 'GET', url: '/orders', headers: html });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('The web UI is not built: run npm run build:web');
    const api = await server.inject({ method: 'GET', url: '/api/health', headers: html });
    expect(api.json()).toEqual({ status: 'ok' });
  });
});
