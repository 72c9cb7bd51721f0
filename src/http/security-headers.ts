import type { FastifyInstance } from 'fastify';

/**
 * One policy for the web app, the not-built page and Swagger UI at /docs: scripts only from our
 * own files (no inline or eval), never framed. Styles allow inline because Mantine and Swagger UI
 * set style attributes; images and fonts allow data: URLs (icons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Headers on every answer (pages, API, errors): the content policy, no MIME sniffing, no referrer
 * leaving with the URL (order ids, job ids); API answers are never cached (they hold buyer data).
 */
export function registerSecurityHeaders(server: FastifyInstance): void {
  server.addHook('onSend', async (req, reply, payload) => {
    void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('x-frame-options', 'DENY');
    if (isApiPath(req.url)) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
