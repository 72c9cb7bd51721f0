import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';

/** The store platforms whose sandbox the demo (`start`) can deliver to. */
export const DEMO_STORE_PLATFORMS = ['woocommerce', 'shopify', 'magento2'] as const;
export type DemoStorePlatform = (typeof DEMO_STORE_PLATFORMS)[number];

/** Environment variables OrderBridge reads. Everything has a default so `npm start` needs none. */
const envSchema = z.object({
  ORDERBRIDGE_DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use SQLite)')
    .optional(),
  /** 32-byte key (64 hex chars or base64) for secrets at rest; generated into the data dir when absent. */
  ORDERBRIDGE_SECRET_KEY: z.string().min(1).optional(),
  ORDERBRIDGE_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ORDERBRIDGE_HTTP_HOST: z.string().default('127.0.0.1'),
  ORDERBRIDGE_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  ORDERBRIDGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ORDERBRIDGE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Job engine: graphile-worker (PostgreSQL only) or the embedded runner; default graphile on PostgreSQL. */
  ORDERBRIDGE_JOB_ENGINE: z.enum(['embedded', 'graphile']).optional(),
  /** `start` runs the built-in Amazon sandbox with a demo connection unless this is "false". */
  ORDERBRIDGE_DEMO: z.enum(['true', 'false']).default('true'),
  /** The demo's store sandbox (`start --store` overrides it). */
  ORDERBRIDGE_DEMO_STORE: z.enum(DEMO_STORE_PLATFORMS).default('woocommerce'),
  /** The installation's SP-API app (LWA) credentials, used by connections that bring none. */
  ORDERBRIDGE_LWA_CLIENT_ID: z.string().min(1).optional(),
  ORDERBRIDGE_LWA_CLIENT_SECRET: z.string().min(1).optional(),
  /** The first administrator, created at the first start when no user exists. */
  ORDERBRIDGE_ADMIN_EMAIL: z.string().email().optional(),
  ORDERBRIDGE_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Session cookies get the Secure flag (set when OrderBridge is served over HTTPS). */
  ORDERBRIDGE_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** The URL users and Amazon reach OrderBridge at (Connect with Amazon's redirect_uri); default http://localhost:<port>. */
  ORDERBRIDGE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'ORDERBRIDGE_PUBLIC_URL must be an http(s) URL' })
    .optional(),
  /** The SP-API application id (amzn1.sp.solution.…) for Connect with Amazon on Seller Central. */
  ORDERBRIDGE_AMAZON_APP_ID: z.string().trim().min(1).optional(),
  /** "true" while the SP-API app is a draft: consent URLs carry version=beta. */
  ORDERBRIDGE_AMAZON_APP_BETA: z.enum(['true', 'false']).default('false'),
  /** "true": connections may use SP-API/LWA URLs other than Amazon's (also an Admin setting). */
  ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: z.enum(['true', 'false']).default('false'),
  /** "true": store and webhook URLs may be loopback/private addresses (a store on the same host; also an Admin setting). */
  ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: z.enum(['true', 'false']).default('false'),
});

export interface AppConfig {
  dataDir: string;
  databaseUrl: string | null;
  sqlitePath: string;
  secretKey: string | null;
  httpPort: number;
  httpHost: string;
  sandboxPort: number;
  logLevel: z.infer<typeof envSchema>['ORDERBRIDGE_LOG_LEVEL'];
  workerConcurrency: number;
  /** null: graphile-worker on PostgreSQL, the embedded runner on SQLite (src/jobs/create-job-queue.ts). */
  jobEngine: 'embedded' | 'graphile' | null;
  demo: boolean;
  /** The store sandbox the demo connection delivers to. */
  demoStore: DemoStorePlatform;
  adminEmail?: string | undefined;
  adminPassword?: string | undefined;
  secureCookies: boolean;
  /** Base URL of this OrderBridge as browsers and Amazon reach it, without a trailing slash. */
  publicUrl: string;
  /**
   * true when ORDERBRIDGE_PUBLIC_URL is set: only then is OrderBridge known to be reachable there, so
   * stores (Shopify) are told to send webhooks to it; the printed default is often loopback.
   */
  publicUrlConfigured: boolean;
  /** SP-API application id for Seller Central consent URLs; null = Connect with Amazon only with the sandbox. */
  amazonApplicationId: string | null;
  amazonAppBeta: boolean;
  /** The environment forces these network allowances on (administrators can also switch them on). */
  allowCustomAmazonEndpoints: boolean;
  allowPrivateStoreAddresses: boolean;
  lwaClientId?: string | undefined;
  lwaClientSecret?: string | undefined;
}

/** Parses the environment once at boot; fails naming the field. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    const first = issues[0];
    throw new AppError('config_invalid', `Invalid configuration: ${first?.field}: ${first?.message}`, {
      kind: 'invalid',
      details: { issues },
    });
  }
  const e = parsed.data;
  if (e.ORDERBRIDGE_JOB_ENGINE === 'graphile' && !e.DATABASE_URL) {
    throw new AppError('config_invalid', 'Invalid configuration: ORDERBRIDGE_JOB_ENGINE: graphile needs DATABASE_URL', {
      kind: 'invalid',
      details: { issues: [{ field: 'ORDERBRIDGE_JOB_ENGINE', message: 'graphile needs DATABASE_URL (PostgreSQL)' }] },
    });
  }
  const dataDir = path.resolve(e.ORDERBRIDGE_DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    sqlitePath: path.join(dataDir, 'orderbridge.sqlite'),
    secretKey: e.ORDERBRIDGE_SECRET_KEY ?? null,
    httpPort: e.ORDERBRIDGE_HTTP_PORT,
    httpHost: e.ORDERBRIDGE_HTTP_HOST,
    sandboxPort: e.ORDERBRIDGE_SANDBOX_PORT,
    logLevel: e.ORDERBRIDGE_LOG_LEVEL,
    workerConcurrency: e.ORDERBRIDGE_WORKER_CONCURRENCY,
    jobEngine: e.ORDERBRIDGE_JOB_ENGINE ?? null,
    demo: e.ORDERBRIDGE_DEMO === 'true',
    demoStore: e.ORDERBRIDGE_DEMO_STORE,
    adminEmail: e.ORDERBRIDGE_ADMIN_EMAIL,
    adminPassword: e.ORDERBRIDGE_ADMIN_PASSWORD,
    secureCookies: e.ORDERBRIDGE_SECURE_COOKIES === 'true',
    lwaClientId: e.ORDERBRIDGE_LWA_CLIENT_ID,
    lwaClientSecret: e.ORDERBRIDGE_LWA_CLIENT_SECRET,
    // Default: the address `start` prints, so the session cookie and Amazon's redirect share a host.
    publicUrl: (
      e.ORDERBRIDGE_PUBLIC_URL ?? `http://${publicHost(e.ORDERBRIDGE_HTTP_HOST)}:${e.ORDERBRIDGE_HTTP_PORT}`
    ).replace(/\/+$/, ''),
    publicUrlConfigured: e.ORDERBRIDGE_PUBLIC_URL !== undefined,
    amazonApplicationId: e.ORDERBRIDGE_AMAZON_APP_ID ?? null,
    amazonAppBeta: e.ORDERBRIDGE_AMAZON_APP_BETA === 'true',
    allowCustomAmazonEndpoints: e.ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS === 'true',
    allowPrivateStoreAddresses: e.ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES === 'true',
  };
}

/** A wildcard listen address is not something a browser can open. */
const publicHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? 'localhost' : host);
