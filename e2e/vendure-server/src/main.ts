/**
 * A throw-away Vendure for OrderBridge's connector tests: SQLite in a fresh temp file, the
 * OrderBridge plugin from ../../packages/vendure-plugin (compiled by build-plugin.ts next to this
 * package's node_modules so it resolves the same @vendure/core), a superadmin and the seed data of
 * setup-data.ts. Configured by environment variables (see readSettings); prints one line
 * `ORDERBRIDGE_VENDURE_READY {json}` when it accepts requests.
 */
/* eslint-disable no-restricted-syntax -- a standalone test server, configured by its environment */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.VENDURE_DISABLE_TELEMETRY = 'true';

import { bootstrap, DefaultLogger, dummyPaymentHandler, LogLevel, type VendureConfig } from '@vendure/core';
import { buildPlugin } from './build-plugin';
import { seedData, type SeedProduct } from './setup-data';

interface PluginModule {
  OrderBridgePlugin: { init(options: Record<string, unknown>): NonNullable<VendureConfig['plugins']>[number] };
}

function readSettings() {
  const env = process.env;
  return {
    port: Number(env.VENDURE_PORT ?? 3000),
    username: env.VENDURE_SUPERADMIN ?? 'superadmin',
    password: env.VENDURE_SUPERADMIN_PASSWORD ?? 'superadmin',
    webhookUrl: env.ORDERBRIDGE_WEBHOOK_URL,
    webhookSecret: env.ORDERBRIDGE_WEBHOOK_SECRET,
    products: JSON.parse(env.VENDURE_SEED_PRODUCTS ?? '[]') as SeedProduct[],
  };
}

function loadPlugin(): PluginModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(buildPlugin()) as PluginModule;
}

async function main(): Promise<void> {
  const settings = readSettings();
  const dir = mkdtempSync(join(tmpdir(), 'orderbridge-vendure-'));
  const { OrderBridgePlugin } = loadPlugin();
  const webhook: Record<string, unknown> = { retryDelaysMs: [200, 500, 1000, 2000, 5000] };
  if (settings.webhookUrl) webhook.webhookUrl = settings.webhookUrl;
  if (settings.webhookSecret) webhook.webhookSecret = settings.webhookSecret;
  const config: VendureConfig = {
    apiOptions: { port: settings.port, hostname: '127.0.0.1', adminApiPath: 'admin-api', shopApiPath: 'shop-api' },
    authOptions: {
      tokenMethod: ['bearer', 'cookie'],
      superadminCredentials: { identifier: settings.username, password: settings.password },
      cookieOptions: { secret: 'orderbridge-e2e' },
    },
    dbConnectionOptions: { type: 'better-sqlite3', database: join(dir, 'vendure.sqlite'), synchronize: true },
    paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
    customFields: { ProductVariant: [{ name: 'ean', type: 'string', nullable: true }] },
    logger: new DefaultLogger({ level: LogLevel.Warn }),
    plugins: [OrderBridgePlugin.init(webhook)],
  };
  const started = Date.now();
  const app = await bootstrap(config);
  const adminApiUrl = `http://127.0.0.1:${settings.port}/admin-api`;
  const seeded = await seedData(adminApiUrl, settings.username, settings.password, settings.products);
  const ready = { adminApiUrl, startMs: Date.now() - started, ...seeded };
  process.stdout.write(`ORDERBRIDGE_VENDURE_READY ${JSON.stringify(ready)}\n`);
  const stop = (): void => {
    void app.close().finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Vendure e2e server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
