import type { FastifyInstance } from 'fastify';

export interface OpenApiDoc {
  paths: Record<string, Record<string, { tags?: string[] }>>;
}

/**
 * Each REST test file covers the operations of some OpenAPI tags; together they cover every
 * operation. `rest-api.e2e.test.ts` checks that every operation has one of these tags.
 */
export const TAGS_BY_TEST = {
  'rest-api.e2e.test.ts': ['connections', 'orders', 'sync runs', 'system'],
  'rest-store-side.e2e.test.ts': ['stores', 'write-back'],
  'hub-api.e2e.test.ts': ['hub'],
  'rest-accounts.e2e.test.ts': ['auth', 'account', 'users', 'admin'],
  'rest-connection-setup.e2e.test.ts': ['connection setup', 'reference', 'reports'],
  'rest-stock.e2e.test.ts': ['stock'],
  'ssrf.e2e.test.ts': ['network'],
  'buyer-data-retention.e2e.test.ts': ['data retention'],
  'process-roles.e2e.test.ts': ['health'],
} as const;

/** "method /path/:param" of every operation with one of `tags` (all operations when omitted). */
export function operationsOf(doc: OpenApiDoc, tags?: readonly string[]): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => tags === undefined || (op.tags ?? []).some((t) => tags.includes(t)))
      .map(([method]) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

/** Records "method /route/:param" of every request the server answers. */
export function recordCalls(server: FastifyInstance): Set<string> {
  const called = new Set<string>();
  server.addHook('onResponse', (req, _reply, done) => {
    called.add(`${req.method.toLowerCase()} ${req.routeOptions.url ?? ''}`);
    done();
  });
  return called;
}
