import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/app/default-account.js';
import { loadConfig } from '../../src/config/env.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { silentLogger } from '../../src/lib/logger.js';
import { registerInProcessOrigin, unregisterInProcessOrigin } from '../../src/net/in-process-origins.js';
import { SANDBOX_CONSUMER_KEY, SANDBOX_CONSUMER_SECRET, startWooSandbox } from '../../src/sandbox/woocommerce/index.js';
import { deliverWebhook } from '../../src/sync/deliver-webhook.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { operationsOf, recordCalls, TAGS_BY_TEST, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { testConfig } from '../helpers/test-app.js';

const BODY_MARKER = 'internal-service-body-7f3a';
const PUBLIC_IP = '93.184.216.34';
const WOO_SECRETS = { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET };
const HUB_SECRETS = { apiKey: 'k'.repeat(32), webhookSecret: 'w'.repeat(32) };
/** Magento 2's two ways in: the integration token as Bearer, or all four OAuth 1.0a values (signed requests). */
const MAGENTO_BEARER = { accessToken: 'magento-attacker-token' };
const MAGENTO_OAUTH = {
  consumerKey: 'attacker-consumer-key',
  consumerSecret: 'attacker-consumer-secret',
  accessToken: 'attacker-access-token',
  accessTokenSecret: 'attacker-access-token-secret',
};
const SECRETS_BY_PLATFORM: Record<string, Record<string, string>> = {
  woocommerce: WOO_SECRETS,
  'hub-api': HUB_SECRETS,
  magento2: MAGENTO_BEARER,
};

/** A loopback service that must never be reached: counts every TCP connection it gets. */
async function startTrap(): Promise<{ server: TcpServer; port: number; connections: () => number }> {
  let count = 0;
  const server = createTcpServer((socket) => {
    count += 1;
    socket.end(`HTTP/1.1 200 OK\r\ncontent-length: ${BODY_MARKER.length}\r\n\r\n${BODY_MARKER}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => count };
}

/** A "public" site (registered like an allowed origin) that redirects everything to `location`. */
async function startRedirector(location: string): Promise<{ server: Server; url: string }> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(302, { location, 'content-type': 'text/plain' }).end(BODY_MARKER);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Server-side request forgery (issue 9 item 6): a member cannot make OrderBridge call loopback,
 * private, link-local or metadata addresses (store URLs, webhook URLs, redirects, DNS answers that
 * change) nor post LWA secrets to a URL that is not Amazon's, unless an administrator allows it.
 */
describeEachDatabase(
  'SSRF: outbound URL policy',
  (ctx) => {
    let app: App;
    let server: FastifyInstance;
    let called: Set<string>;
    let trap: Awaited<ReturnType<typeof startTrap>>;
    let redirector: Awaited<ReturnType<typeof startRedirector>>;
    let admin: Session;
    let member: Session;
    /** What the fake DNS answers; everything else goes to the system resolver. */
    const dns = new Map<string, string>([
      ['loopback.attacker.test', '127.0.0.1'],
      ['rebind.attacker.test', PUBLIC_IP],
    ]);

    type Session = {
      send: (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => Promise<LightMyRequestResponse>;
    };
    const session = async (email: string, role: 'admin' | 'member'): Promise<Session> => {
      const password = `${role}-password-1234`;
      const user = await app.accounts.users.create(DEFAULT_ACCOUNT_ID, { email, name: role, password, role }, 'test');
      if (!user.ok) throw user.error;
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      const cookie = `orderbridge_session=${res.cookies.find((c) => c.name === 'orderbridge_session')?.value ?? ''}`;
      const { csrfToken } = res.json<{ csrfToken: string }>();
      return {
        send: (method, url, payload) =>
          server.inject({
            method,
            url,
            headers: { cookie, 'x-csrf-token': csrfToken },
            ...(payload && { payload: payload as Record<string, unknown> }),
          }),
      };
    };
    const errorOf = (res: LightMyRequestResponse) => res.json<{ error: { code: string; message: string } }>().error;
    const addStore = (name: string, baseUrl: string, platform = 'woocommerce', settings: object = {}) =>
      member.send('POST', '/api/stores', {
        name,
        platform,
        baseUrl,
        settings,
        secrets: SECRETS_BY_PLATFORM[platform],
      });

    beforeAll(async () => {
      const resolveHost = async (host: string) => {
        const address = dns.get(host);
        if (address) return [{ address, family: 4 }];
        const { lookup } = await import('node:dns/promises');
        return lookup(host, { all: true, verbatim: true });
      };
      app = await openApp(testConfig(ctx.url(), { strictNetwork: true }), { logger: silentLogger, resolveHost });
      server = await buildHttpServer({ app, requestSync: () => Promise.resolve('job') });
      called = recordCalls(server);
      trap = await startTrap();
      redirector = await startRedirector(`http://127.0.0.1:${trap.port}/wp-json/`);
      registerInProcessOrigin(redirector.url); // stands for a public site
      admin = await session('admin@ssrf.test', 'admin');
      member = await session('member@ssrf.test', 'member');
    });
    afterAll(async () => {
      unregisterInProcessOrigin(redirector.url);
      await server.close();
      await app.close();
      await new Promise((r) => trap.server.close(r));
      await new Promise((r) => redirector.server.close(r));
    });

    it('refuses store URLs on loopback, private, link-local and metadata addresses, however written', async () => {
      const cases: Array<[string, string]> = [
        [`http://127.0.0.1:${trap.port}`, 'loopback'],
        [`http://localhost:${trap.port}`, 'loopback'],
        [`http://[::1]:${trap.port}`, 'loopback'],
        [`http://2130706433:${trap.port}`, 'loopback'], // decimal 127.0.0.1
        [`http://0x7f.1:${trap.port}`, 'loopback'],
        [`http://[::ffff:127.0.0.1]:${trap.port}`, 'loopback'],
        [`http://loopback.attacker.test:${trap.port}`, 'loopback'],
        ['http://169.254.169.254/latest/meta-data', 'cloud metadata'],
        ['http://[fd00:ec2::254]/', 'cloud metadata'],
        ['http://10.1.2.3/', 'private'],
        ['http://192.168.1.10/', 'private'],
        ['http://100.64.0.1/', 'shared (carrier-grade NAT)'],
        ['http://[fe80::1]/', 'link-local'],
        ['http://0.0.0.0/', 'unspecified'],
      ];
      for (const [i, [url, reason]] of cases.entries()) {
        const res = await addStore(`shop-${i}`, url);
        expect(res.statusCode, url).toBe(400);
        expect(errorOf(res), url).toMatchObject({ code: 'address_not_allowed' });
        expect(errorOf(res).message, url).toContain(`resolves to a ${reason} address`);
        // Magento 2: the shop's URL and the REST URL a merchant may paste instead.
        for (const magentoUrl of [url, `${url.replace(/\/+$/, '')}/rest/default/V1`]) {
          const magento = await addStore(`magento-${i}`, magentoUrl, 'magento2');
          expect(magento.statusCode, `magento2 ${magentoUrl}`).toBe(400);
          expect(errorOf(magento), `magento2 ${magentoUrl}`).toMatchObject({ code: 'address_not_allowed' });
          expect(errorOf(magento).message, magentoUrl).toContain(`resolves to a ${reason} address`);
        }
        // Test connection before saving goes through the same check, for every platform.
        for (const [platform, secrets] of [
          ['woocommerce', WOO_SECRETS],
          ['shopify', { accessToken: 'shpat_attacker' }],
          ['magento2', MAGENTO_BEARER],
          ['magento2', MAGENTO_OAUTH],
        ] as const) {
          const tested = await member.send('POST', '/api/stores/test', { platform, baseUrl: url, secrets });
          expect(tested.statusCode, `${platform} ${url}`).toBe(400);
          expect(errorOf(tested), `${platform} ${url}`).toMatchObject({ code: 'address_not_allowed' });
        }
      }
      const hub = await addStore('hub', 'https://erp.example', 'hub-api', {
        webhookUrl: `http://127.0.0.1:${trap.port}/hook`,
      });
      expect(errorOf(hub)).toMatchObject({ code: 'address_not_allowed' });
      expect(errorOf(hub).message).toContain('webhook URL resolves to a loopback address');
      expect((await member.send('GET', '/api/stores')).json<{ stores: unknown[] }>().stores).toHaveLength(0);
      expect(trap.connections()).toBe(0);
    });

    it('checks the address again when it connects: a DNS answer that changed to loopback never reaches it', async () => {
      const added = await addStore('rebind', `http://rebind.attacker.test:${trap.port}`);
      expect(added.statusCode).toBe(201);
      // Magento 2's connector makes its own requests (Bearer or signed): the same guarded agents.
      const magento = await addStore('rebind-magento', `http://rebind.attacker.test:${trap.port}`, 'magento2');
      expect(magento.statusCode).toBe(201);
      dns.set('rebind.attacker.test', '127.0.0.1');
      for (const storeId of [added.json<{ id: string }>().id, magento.json<{ id: string }>().id]) {
        const tested = await member.send('POST', `/api/stores/${storeId}/test`);
        expect(tested.statusCode).toBe(400);
        expect(errorOf(tested)).toMatchObject({ code: 'address_not_allowed' });
        // The connector itself (deliveries, polls) resolves once, checks, and connects to what it checked.
        const connector = await app.stores.connectorFor(storeId);
        if (!connector.ok) throw connector.error;
        const direct = await connector.value.test();
        expect(direct.ok).toBe(false);
        expect(JSON.stringify(direct)).toContain(
          'address not allowed: rebind.attacker.test resolves to a loopback address',
        );
      }
      expect(trap.connections()).toBe(0);
    });

    it('follows no redirect to a private address and never echoes the remote body', async () => {
      for (const platform of ['woocommerce', 'magento2']) {
        const added = await addStore(`redirecting-${platform}`, redirector.url, platform);
        expect(added.statusCode).toBe(201);
        const tested = await member.send('POST', `/api/stores/${added.json<{ id: string }>().id}/test`);
        expect(tested.statusCode, platform).toBeGreaterThanOrEqual(400);
        expect(tested.body, platform).toContain('302');
        expect(tested.body, platform).not.toContain(BODY_MARKER);
      }
      expect(trap.connections()).toBe(0);
    });

    it('hub-api webhooks: no redirect followed, no body echoed, a changed DNS answer refused', async () => {
      const hub = await addStore('hub-redirect', 'https://erp.example', 'hub-api', { webhookUrl: redirector.url });
      expect(hub.statusCode).toBe(201);
      const rebound = await addStore('hub-rebind', 'https://erp.example', 'hub-api', {
        webhookUrl: 'http://rebind2.attacker.test/hook',
      });
      expect(rebound.statusCode).toBe(201);
      dns.set('rebind2.attacker.test', '127.0.0.1');
      const deps = { ...app.storeSide, openSecrets: (id: string) => app.stores.openSecrets(id) };
      for (const [store, expected] of [
        [hub, 'HTTP 302'],
        [rebound, 'address not allowed'],
      ] as const) {
        const tested = await member.send('POST', `/api/stores/${store.json<{ id: string }>().id}/test`);
        if (expected === 'HTTP 302') expect(tested.statusCode).toBe(200);
        else expect(errorOf(tested)).toMatchObject({ code: 'address_not_allowed' });
      }
      // The redirecting store's ping was queued: deliver it as the job runner would.
      const queued = await app.db.selectFrom('webhook_deliveries').select('id').execute();
      expect(queued.length).toBeGreaterThan(0);
      for (const { id } of queued) {
        const sent = await deliverWebhook(deps, id);
        expect(sent.ok).toBe(false);
        if (!sent.ok) {
          expect(sent.error.message).toContain('HTTP 302');
          expect(sent.error.message).not.toContain(BODY_MARKER);
        }
      }
      expect(trap.connections()).toBe(0);
    });

    it('connections use Amazon’s endpoints unless an administrator allows custom ones; LWA secrets never leave', async () => {
      const base = { marketplaceId: 'DE', sellerId: 'A2EUQ1WTGCTBG2', clientId: 'app', clientSecret: 'app-secret-xyz' };
      const refreshToken = 'Atzr|refresh-secret';
      const trapUrl = `http://127.0.0.1:${trap.port}`;
      for (const [name, urls] of [
        ['custom-sp', { spApiBaseUrl: trapUrl }],
        ['custom-lwa', { lwaUrl: `${trapUrl}/auth/o2/token` }],
        ['http-amazon', { spApiBaseUrl: 'http://sellingpartnerapi-eu.amazon.com' }],
        ['lookalike', { lwaUrl: 'https://api.amazon.com.attacker.test/auth/o2/token' }],
      ] as const) {
        const res = await member.send('POST', '/api/connections', { ...base, name, refreshToken, ...urls });
        expect(res.statusCode, name).toBe(400);
        expect(errorOf(res), name).toMatchObject({ code: 'amazon_endpoint_not_allowed' });
      }
      const amazon = await member.send('POST', '/api/connections', {
        ...base,
        name: 'amazon-sandbox',
        spApiBaseUrl: 'https://sandbox.sellingpartnerapi-eu.amazon.com',
        lwaUrl: 'https://api.amazon.com/auth/o2/token',
      });
      expect(amazon.statusCode).toBe(201);

      // Allowed for a while (saved), then switched off: Test connection refuses before any call.
      expect((await admin.send('PUT', '/api/admin/settings', { allowCustomAmazonEndpoints: true })).statusCode).toBe(
        200,
      );
      const custom = await member.send('POST', '/api/connections', {
        ...base,
        name: 'custom',
        refreshToken,
        spApiBaseUrl: trapUrl,
        lwaUrl: `${trapUrl}/auth/o2/token`,
      });
      expect(custom.statusCode).toBe(201);
      await admin.send('PUT', '/api/admin/settings', { allowCustomAmazonEndpoints: false });
      const tested = await member.send('POST', `/api/connections/${custom.json<{ id: string }>().id}/test`);
      expect(tested.json()).toMatchObject({ ok: false, code: 'amazon_endpoint_not_allowed' });
      expect(trap.connections()).toBe(0);
    });

    it('network settings: administrators only, audit-logged; with private addresses allowed a loopback store works', async () => {
      expect((await member.send('GET', '/api/admin/settings')).statusCode).toBe(403);
      const refused = await member.send('PUT', '/api/admin/settings', { allowPrivateStoreAddresses: true });
      expect(refused.statusCode).toBe(403);
      expect((await admin.send('GET', '/api/admin/settings')).json()).toEqual({
        allowCustomAmazonEndpoints: false,
        allowPrivateStoreAddresses: false,
        environment: { allowCustomAmazonEndpoints: false, allowPrivateStoreAddresses: false },
      });
      const woo = await startWooSandbox({ seed: 1 });
      try {
        expect((await addStore('local-shop', woo.url)).statusCode).toBe(400);
        const on = await admin.send('PUT', '/api/admin/settings', { allowPrivateStoreAddresses: true });
        expect(on.json()).toMatchObject({ allowPrivateStoreAddresses: true });
        const added = await addStore('local-shop', woo.url);
        expect(added.statusCode).toBe(201);
        const tested = await member.send('POST', `/api/stores/${added.json<{ id: string }>().id}/test`);
        expect(tested.statusCode).toBe(200);
        // A failure says what failed, in words.
        const closed = await addStore('closed-port', 'http://127.0.0.1:1');
        const refusedTest = await member.send('POST', `/api/stores/${closed.json<{ id: string }>().id}/test`);
        expect(errorOf(refusedTest).message).toContain('connection refused');
      } finally {
        await woo.close();
      }
      const audit = await admin.send('GET', '/api/audit-log');
      expect(audit.body).toContain('installation_settings.changed');
      const invalid = await admin.send('PUT', '/api/admin/settings', { allowPrivateStoreAddresses: 'yes' });
      expect(invalid.statusCode).toBe(400);
      await admin.send('PUT', '/api/admin/settings', { allowPrivateStoreAddresses: false });
    });

    it('the environment can switch the allowances on for self-hosters', () => {
      const env = { ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: 'true' };
      expect(loadConfig(env)).toMatchObject({ allowPrivateStoreAddresses: true, allowCustomAmazonEndpoints: false });
      expect(() => loadConfig({ ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'yes' })).toThrow(
        /ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS/,
      );
    });

    it('calls every operation of its OpenAPI tags', async () => {
      const doc = (await server.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
      for (const op of operationsOf(doc, TAGS_BY_TEST['ssrf.e2e.test.ts'])) expect(called, op).toContain(op);
    });
  },
  { isolation: 'file' },
);
