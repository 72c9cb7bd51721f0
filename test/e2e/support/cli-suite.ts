import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  startAmazonSandbox,
  type StartedAmazonSandbox,
} from '../../../src/sandbox/amazon/index.js';
import {
  SANDBOX_CONSUMER_KEY,
  SANDBOX_CONSUMER_SECRET,
  startWooSandbox,
} from '../../../src/sandbox/woocommerce/index.js';
import { cliNodeArgs } from '../../helpers/node-bundle.js';
import { describeEachDatabase, type TestDialect } from '../../helpers/databases.js';
import { DE, TEST_SECRET_KEY } from '../../helpers/test-app.js';

const bin = new URL('../../../bin/orderbridge.mjs', import.meta.url).pathname;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The `orderbridge` CLI as a user runs it, on SQLite (data directory) and PostgreSQL (DATABASE_URL).
 * Every call is a new Node process (a second or more each on a busy machine), hence the long timeouts.
 */
export function describeCli(dialect: TestDialect): void {
  describeEachDatabase(
    'orderbridge CLI',
    (ctx) => {
      let sandbox: StartedAmazonSandbox;
      let env: NodeJS.ProcessEnv;

      beforeAll(async () => {
        sandbox = await startAmazonSandbox({ seed: 5, rateScale: 1000 });
        sandbox.sandbox.generateOrders({ count: 25, marketplaceId: DE });
        const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-cli-'));
        env = {
          ...process.env,
          ORDERBRIDGE_DATA_DIR: dataDir,
          ORDERBRIDGE_SECRET_KEY: TEST_SECRET_KEY,
          ORDERBRIDGE_LOG_LEVEL: 'silent',
          // The sandbox runs in this test process on 127.0.0.1: a custom Amazon endpoint for the CLI.
          ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'true',
          ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: 'true',
        };
        delete env.DATABASE_URL;
        if (ctx.dialect === 'postgres') env.DATABASE_URL = ctx.url();
      });
      afterAll(async () => {
        await sandbox.close();
      });

      const run = (nodeArgs: string[]): Promise<CliResult> =>
        new Promise((resolve) => {
          const proc = spawn(process.execPath, nodeArgs, { env });
          let stdout = '';
          let stderr = '';
          proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          proc.on('exit', (code) => resolve({ code, stdout, stderr }));
        });
      // bin/orderbridge.mjs as installed (runs the sources through tsx); the other calls run the
      // same CLI bundled once per test run, which starts several times faster.
      const shim = (...args: string[]): Promise<CliResult> => run([bin, ...args]);
      const cli = (...args: string[]): Promise<CliResult> => run([...cliNodeArgs(), ...args]);

      const credentials = (): string[] => [
        '--seller-id',
        SANDBOX_SELLER_ID,
        '--client-id',
        SANDBOX_CLIENT_ID,
        '--client-secret',
        SANDBOX_CLIENT_SECRET,
        '--refresh-token',
        SANDBOX_REFRESH_TOKEN,
        '--sp-api-url',
        sandbox.url,
        '--lwa-url',
        `${sandbox.url}/auth/o2/token`,
      ];

      it(
        'adds a connection, never shows its secrets, and rejects bad input with a specific message',
        { timeout: 120_000 },
        async () => {
          const added = await shim(
            'connections',
            'add',
            '--name',
            'de',
            '--marketplace',
            'DE',
            ...credentials(),
            '--active',
            '--set',
            'orderTypes=MFN,AFN',
            '--set',
            `syncFromDate="${new Date(Date.now() - 30 * 86_400_000).toISOString()}"`,
            '--json',
          );
          expect(added.stderr).toBe('');
          expect(added.code).toBe(0);
          const view = JSON.parse(added.stdout) as {
            name: string;
            marketplaceId: string;
            clientSecretHint: string;
            config: { orderTypes: string[] };
          };
          expect(view).toMatchObject({ name: 'de', marketplaceId: DE, config: { orderTypes: ['MFN', 'AFN'] } });
          expect(added.stdout).not.toContain(SANDBOX_CLIENT_SECRET);
          expect(added.stdout).not.toContain(SANDBOX_REFRESH_TOKEN);
          if (ctx.dialect === 'sqlite') {
            // Secrets are sealed at rest: the database file does not contain them.
            const file = readFileSync(path.join(env.ORDERBRIDGE_DATA_DIR as string, 'orderbridge.sqlite')).toString(
              'latin1',
            );
            expect(file).not.toContain(SANDBOX_REFRESH_TOKEN);
          }

          const bad = await cli('connections', 'add', '--name', 'x', '--marketplace', 'XX', ...credentials());
          expect(bad.code).toBe(2);
          expect(bad.stderr).toContain('Unknown Amazon marketplace "XX"');
          const badConfig = await cli('connections', 'update', 'de', '--set', 'pollIntervalMinutes=0');
          expect(badConfig.code).toBe(2);
          expect(badConfig.stderr).toContain('pollIntervalMinutes');
          const mws = await cli(
            'connections',
            'add',
            '--name',
            'y',
            '--marketplace',
            'DE',
            ...credentials().slice(0, 6),
            '--refresh-token',
            'amzn.mws.123',
          );
          expect(mws.stderr).toContain('Atzr|');
          // One active connection per seller account + marketplace: a second is refused with the first's name.
          const twin = await cli(
            'connections',
            'add',
            '--name',
            'twin',
            '--marketplace',
            'DE',
            ...credentials(),
            '--active',
          );
          expect(twin.code).toBe(1);
          expect(twin.stderr).toContain(
            `Error [connection_duplicate]: Amazon seller ${SANDBOX_SELLER_ID} on Amazon.de is already connected by connection "de"`,
          );
        },
      );

      it('syncs with a JSON summary, lists and shows orders', { timeout: 120_000 }, async () => {
        const synced = await cli('sync', 'de', '--json');
        expect(synced.code).toBe(0);
        const summary = JSON.parse(synced.stdout) as {
          status: string;
          ordersCreated: number;
          apiCalls: Record<string, number>;
        };
        expect(summary).toMatchObject({ status: 'succeeded', ordersCreated: 25 });
        expect(summary.apiCalls.searchOrders).toBe(1);

        const listed = await cli('orders', 'list', '--connection', 'de', '--json');
        const { orders, total } = JSON.parse(listed.stdout) as {
          orders: Array<{ amazonOrderId: string }>;
          total: number;
        };
        expect(total).toBe(25);
        const shown = await cli('orders', 'show', orders[0]?.amazonOrderId as string, '--json');
        const details = JSON.parse(shown.stdout) as { timeline: Array<{ kind: string }>; lines: unknown[] };
        expect(details.timeline[0]?.kind).toBe('order.imported');
        expect(details.lines.length).toBeGreaterThan(0);
        const text = await cli('orders', 'show', orders[0]?.amazonOrderId as string);
        expect(text.stdout).toContain('Timeline:');
        const missing = await cli('orders', 'show', 'nope');
        expect(missing.code).toBe(1);
        expect(missing.stderr).toContain('order_not_found');
      });

      it('lists, shows, updates and previews SKU crop rules', { timeout: 120_000 }, async () => {
        const listed = await cli('connections', 'list');
        expect(listed.stdout).toContain('de');
        const updated = await cli('connections', 'update', 'de', '--set', 'skuCrop.removeSuffixes=-FBM', '--json');
        expect(updated.code).toBe(0);
        expect(
          (JSON.parse(updated.stdout) as { config: { skuCrop: { removeSuffixes: string[] } } }).config.skuCrop
            .removeSuffixes,
        ).toEqual(['-FBM']);
        const preview = await cli(
          'connections',
          'preview-crop',
          'de',
          '--sku',
          'ABC-FBM',
          '--sku',
          'amzn.gr.XYZ-1a2b3c',
          '--json',
        );
        const rows = JSON.parse(preview.stdout) as Array<{ sku: string; cropped: string }>;
        expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ sku: 'ABC-FBM', cropped: 'ABC' })]));
        const catastrophic = await cli(
          'connections',
          'update',
          'de',
          '--set',
          'skuCrop.regex={"pattern":"(a+)+$","replacement":""}',
        );
        expect(catastrophic.code).toBe(2);
        expect(catastrophic.stderr).toContain('nested quantifier');
        const shown = await cli('connections', 'show', 'de');
        expect(shown.stdout).toContain('****');
      });

      it(
        'adds a store, delivers, pushes shipments and stock, manages SKU links, retries and plans',
        { timeout: 240_000 },
        async () => {
          const woo = await startWooSandbox({ seed: 5 });
          try {
            const json = async <T>(...args: string[]): Promise<T> => {
              const r = await cli(...args, '--json');
              expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
              return JSON.parse(r.stdout) as T;
            };
            const secrets = [
              '--secret',
              `consumerKey=${SANDBOX_CONSUMER_KEY}`,
              '--secret',
              `consumerSecret=${SANDBOX_CONSUMER_SECRET}`,
            ];
            const added = await cli(
              'stores',
              'add',
              '--name',
              'shop',
              '--platform',
              'woocommerce',
              '--url',
              woo.url,
              ...secrets,
            );
            expect(added.stdout).toContain('Added store');
            expect(added.stdout).not.toContain(SANDBOX_CONSUMER_SECRET);
            expect(
              (await cli('stores', 'add', '--name', 'x', '--platform', 'shopware', '--url', woo.url)).stderr,
            ).toContain('store_platform_unknown');
            expect((await json<Array<{ name: string }>>('stores', 'list')).map((x) => x.name)).toEqual(['shop']);
            expect((await json<{ platform: string }>('stores', 'test', 'shop')).platform).toBe('woocommerce');
            await json('connections', 'update', 'de', '--store', 'shop', '--set', 'skuCrop.removePrefixes=FBA/');
            await json('sync', 'de');
            const retried = await json<{ jobsRun: number }>(
              'orders',
              'retry',
              (await json<{ orders: Array<{ amazonOrderId: string }> }>('orders', 'list', '--status', 'ready'))
                .orders[0]?.amazonOrderId ?? 'x',
            );
            expect(retried.jobsRun).toBeGreaterThan(0); // runs every queued delivery
            expect(woo.sandbox.listOrders().length).toBeGreaterThan(0);
            const attention = await json<Array<{ status: string; holdReason: string | null }>>('orders', 'attention');
            const held = await json<{ total: number }>('orders', 'list', '--status', 'held');
            expect(attention.filter((o) => o.status === 'held')).toHaveLength(held.total);
            expect(
              attention.filter((o) => o.status === 'held').every((o) => o.holdReason?.startsWith('unknown_sku')),
            ).toBe(true);
            const linked = await json<{ link: { amazonSku: string } }>('skus', 'link', 'de', 'odd sku', '100');
            expect(linked.link.amazonSku).toBe('odd sku');
            expect((await json<unknown[]>('skus', 'list', 'de')).length).toBe(1);
            await json('skus', 'unlink', 'de', 'odd sku');
            const first = woo.sandbox.listOrders()[0] as { id: number };
            woo.sandbox.shipOrder({ orderId: first.id, provider: 'dhl-de', trackingNumber: 'CLI-1' });
            const polled = await json<{ shipments: number }>('stores', 'poll', 'shop');
            expect(polled.shipments).toBe(1);
            const shipments = await json<Array<{ state: string; trackingNumber: string }>>('shipments', 'list');
            expect(shipments[0]).toMatchObject({ trackingNumber: 'CLI-1' });
            expect((await json<{ confirmed: number }>('shipments', 'push')).confirmed).toBeGreaterThanOrEqual(0);
            expect((await json<{ changed: number }>('stock', 'push', 'de')).changed).toBeGreaterThanOrEqual(0);
            expect((await json<Array<{ id: string }>>('plans', 'list')).map((p) => p.id)).toEqual([
              'free',
              'business',
              'self-hosted',
            ]);
            expect((await json<{ plan: { id: string } }>('plans', 'show')).plan.id).toBe('self-hosted');
            expect((await json<{ plan: { id: string } }>('plans', 'set', 'business')).plan.id).toBe('business');
            expect((await cli('plans', 'set', 'platinum')).stderr).toContain('plan_not_found');
          } finally {
            await woo.close();
          }
        },
      );

      it('adds users, lists them and resets a lost password (printed once)', { timeout: 120_000 }, async () => {
        const json = async <T>(...args: string[]): Promise<T> => {
          const r = await cli(...args, '--json');
          expect(r.code, r.stderr).toBe(0);
          return JSON.parse(r.stdout) as T;
        };
        const added = await json<{ user: { email: string; role: string }; password: string }>(
          'users',
          'add',
          'Ops@Example.com',
          '--name',
          'Ops',
          '--role',
          'admin',
        );
        expect(added.user).toMatchObject({ email: 'ops@example.com', role: 'admin' });
        expect(added.password).toHaveLength(20);
        expect((await cli('users', 'add', 'x@example.com', '--password', 'short')).stderr).toContain('user_invalid');
        expect((await json<Array<{ email: string }>>('users', 'list')).map((u) => u.email)).toContain(
          'ops@example.com',
        );
        const reset = await json<{ password: string }>('users', 'reset-password', 'ops@example.com');
        expect(reset.password).not.toBe(added.password);
        expect((await cli('users', 'reset-password', 'nobody@example.com')).stderr).toContain('user_not_found');
      });
    },
    { isolation: 'file', dialects: [dialect] },
  );
}
