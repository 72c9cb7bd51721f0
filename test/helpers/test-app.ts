import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../src/app/app-context.js';
import { loadConfig, type AppConfig } from '../../src/config/env.js';
import { silentLogger } from '../../src/lib/logger.js';
import type { ConnectionView } from '../../src/sync/connection.service.js';
import { sandboxConnectionInput } from '../../src/app/demo.js';
import type { StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';

export const TEST_SECRET_KEY = 'a'.repeat(64);
export const DE = 'A1PA6795UKMFR9';
export const US = 'ATVPDKIKX0DER';

/**
 * App configuration for a test database: a SQLite file path or a (schema-scoped) PostgreSQL URL.
 * Tests talk to sandboxes on 127.0.0.1, so custom Amazon endpoints and private store addresses are
 * allowed (as a self-hoster's environment would); `strictNetwork` keeps the secure defaults.
 * Jobs run on the embedded runner unless `jobEngine` says otherwise: the e2e suite drives jobs
 * inline (`runStoreJobs`, `drain`), the same on both databases, and graphile-worker is covered by
 * its own tests (src/jobs/graphile); a test of scale-out processes asks for `jobEngine: 'graphile'`.
 */
export function testConfig(
  databaseUrlOrPath: string,
  options: { strictNetwork?: boolean; jobEngine?: 'embedded' | 'graphile' } = {},
): AppConfig {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-test-'));
  const allow = options.strictNetwork ? 'false' : 'true';
  const base = loadConfig({
    ORDERBRIDGE_DATA_DIR: dataDir,
    ORDERBRIDGE_SECRET_KEY: TEST_SECRET_KEY,
    ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: allow,
    ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: allow,
  });
  const jobEngine = options.jobEngine ?? 'embedded';
  return /^postgres/.test(databaseUrlOrPath)
    ? { ...base, databaseUrl: databaseUrlOrPath, jobEngine }
    : { ...base, sqlitePath: databaseUrlOrPath, jobEngine };
}

export function openTestApp(databaseUrlOrPath: string): Promise<App> {
  return openApp(testConfig(databaseUrlOrPath), { logger: silentLogger });
}

/** Adds an active connection to the sandbox; `config` overrides Orders Configuration options. */
export async function addSandboxConnection(
  app: App,
  sandbox: StartedAmazonSandbox,
  options: { name?: string; marketplaceId?: string; active?: boolean; config?: Record<string, unknown> } = {},
): Promise<ConnectionView> {
  const result = await app.connections.add(
    app.accountId,
    sandboxConnectionInput(sandbox.url, {
      name: options.name ?? 'sandbox',
      marketplaceId: options.marketplaceId ?? DE,
      ...options,
    }),
    'test',
  );
  if (!result.ok) throw result.error;
  return result.value;
}
