import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { openTestApp } from '../helpers/test-app.js';

/** Every answer carries the security headers; API answers are never cached (issue 9 item 8). */
describeEachDatabase(
  'Security headers',
  (ctx) => {
    let app: App;
    let server: FastifyInstance;
    beforeAll(async () => {
      app = await openTestApp(ctx.url());
      server = await buildHttpServer({ app, requestSync: () => Promise.resolve('job') });
    });
    afterAll(async () => {
      await server.close();
      await app.close();
    });

    const html = { accept: 'text/html' };
    const pages = [
      { url: '/', headers: html },
      { url: '/orders/123', headers: html },
      { url: '/docs/', headers: html },
      { url: '/docs/static/swagger-initializer.js', headers: {} },
      { url: '/openapi.json', headers: {} },
    ];
    const api = ['/api/health', '/api/orders', '/api/nope'];

    it('sends a strict content policy, nosniff and no referrer on pages, docs and API answers', async () => {
      for (const { url, headers } of [...pages, ...api.map((url) => ({ url, headers: {} }))]) {
        const res = await server.inject({ method: 'GET', url, headers });
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("object-src 'none'");
        expect(csp, url).not.toMatch(/script-src[^;]*unsafe/);
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      }
    });

    it('marks every API answer no-store (successes, errors, unknown routes, login)', async () => {
      for (const url of api) {
        expect((await server.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-store');
      }
      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@example.com', password: 'nope' },
      });
      expect([login.statusCode, login.headers['cache-control']]).toEqual([401, 'no-store']);
    });
  },
  { isolation: 'file' },
);
