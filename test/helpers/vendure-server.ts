import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTS } from '../../src/sandbox/amazon/product-catalog.js';
import { freePortBlock } from './free-ports.js';

/**
 * A real Vendure 3.7 (SQLite, fresh temp DB per start) with the OrderBridge plugin, run from
 * e2e/vendure-server in a child process. Install it once with `npm ci --prefix e2e/vendure-server`
 * (about 2-3 minutes); tests call vendureInstalled() and skip with VENDURE_SKIP_NOTICE otherwise.
 */
const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../e2e/vendure-server');

export const VENDURE_INSTALL_COMMAND = 'npm ci --prefix e2e/vendure-server';
export const VENDURE_SKIP_NOTICE = `Vendure integration tests SKIPPED: e2e/vendure-server is not installed (run \`${VENDURE_INSTALL_COMMAND}\`).`;

/** The seeded superadmin, and the codes of the seeded OrderBridge shipping and payment methods. */
export const VENDURE_SUPERADMIN = { username: 'superadmin', password: 'orderbridge-e2e-password' };
export const VENDURE_METHOD_CODES = { shippingMethodCode: 'orderbridge', paymentMethodCode: 'orderbridge' };

export function vendureInstalled(): boolean {
  return existsSync(path.join(SERVER_DIR, 'node_modules/@vendure/core/package.json'));
}

export interface VendureServerOptions {
  /** Listen on this port (default: a free one), e.g. to give OrderBridge the Admin API URL before the start. */
  port?: number;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Seed products (gross price in minor units); default: the Amazon sandbox catalogue, 100 each. */
  products?: { sku: string; name: string; price: number; stock: number; ean?: string }[];
}

export interface VendureServer {
  adminApiUrl: string;
  username: string;
  password: string;
  channelToken: string;
  shippingMethodCode: string;
  paymentMethodCode: string;
  /** Variant id per seeded SKU. */
  variants: Record<string, string>;
  /** Milliseconds from bootstrap() to seeded. */
  startMs: number;
  close(): Promise<void>;
}

export const defaultSeedProducts = (): NonNullable<VendureServerOptions['products']> =>
  PRODUCTS.map((p, i) => ({
    sku: p.sku,
    name: p.title,
    price: Math.round(p.basePrice * 100),
    stock: 100,
    ...(i === 0 ? { ean: '4006381333931' } : {}),
  }));

/** A port free right now, below the ephemeral range (for VendureServerOptions.port). */
export const freePort = (): Promise<number> => freePortBlock(1);

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startVendureServer(options: VendureServerOptions = {}): Promise<VendureServer> {
  if (!vendureInstalled()) throw new Error(VENDURE_SKIP_NOTICE);
  const port = options.port ?? (await freePort());
  const username = VENDURE_SUPERADMIN.username;
  const password = VENDURE_SUPERADMIN.password;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VENDURE_DISABLE_TELEMETRY: 'true',
    VENDURE_PORT: String(port),
    VENDURE_SUPERADMIN: username,
    VENDURE_SUPERADMIN_PASSWORD: password,
    VENDURE_SEED_PRODUCTS: JSON.stringify(options.products ?? defaultSeedProducts()),
  };
  if (options.webhookUrl) env.ORDERBRIDGE_WEBHOOK_URL = options.webhookUrl;
  if (options.webhookSecret) env.ORDERBRIDGE_WEBHOOK_SECRET = options.webhookSecret;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: SERVER_DIR, env, stdio: 'pipe' });
  let output = '';
  const ready = await new Promise<Omit<VendureServer, 'username' | 'password' | 'close'>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Vendure did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const line = /ORDERBRIDGE_VENDURE_READY (\{.*\})\n/.exec(output);
      if (line?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(JSON.parse(line[1]) as Omit<VendureServer, 'username' | 'password' | 'close'>);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Vendure exited with ${code} before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop(child);
    throw error;
  });
  return { ...ready, username, password, close: () => stop(child) };
}
