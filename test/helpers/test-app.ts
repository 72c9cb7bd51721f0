import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../src/app/app-context.js';
import { loadConfig, type AppConfig } from '../../src/config/env.js';
import { silentLogger } from '../../src/lib/logger.js';
import type { ConnectionView } from '../../src/sync/connection.service.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  type StartedAmazonSandbox,
} from '../../src/sandbox/amazon/index.js';

export const TEST_SECRET_KEY = 'a'.repeat(64);
export const DE = 'A1PA6795UKMFR9';
export const US = 'ATVPDKIKX0DER';

/** App configuration for a test database: a SQLite file path or a (schema-scoped) PostgreSQL URL. */
export function testConfig(databaseUrlOrPath: string): AppConfig {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-test-'));
  const base = loadConfig({ ORDERBRIDGE_DATA_DIR: dataDir, ORDERBRIDGE_SECRET_KEY: TEST_SECRET_KEY });
  return /^postgres/.test(databaseUrlOrPath)
    ? { ...base, databaseUrl: databaseUrlOrPath }
    : { ...base, sqlitePath: databaseUrlOrPath };
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
    {
      name: options.name ?? 'sandbox',
      marketplaceId: options.marketplaceId ?? DE,
      sellerId: SANDBOX_SELLER_ID,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      refreshToken: SANDBOX_REFRESH_TOKEN,
      spApiBaseUrl: sandbox.url,
      lwaUrl: `${sandbox.url}/auth/o2/token`,
      active: options.active ?? true,
      config: {
        orderTypes: ['MFN', 'AFN'],
        syncFromDate: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        ...options.config,
      },
    },
    'test',
  );
  if (!result.ok) throw result.error;
  return result.value;
}
