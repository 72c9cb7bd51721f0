import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { SyncWorker } from '../../src/app/sync-worker.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import {
  ROLE_INVENTORY_AND_ORDER_TRACKING,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  startAmazonSandbox,
  type StartedAmazonSandbox,
} from '../../src/sandbox/amazon/index.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { operationsOf, recordCalls, TAGS_BY_TEST, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { DE, openTestApp, US } from '../helpers/test-app.js';

type Json = Record<string, unknown>;
interface ErrorJson {
  error: { code: string; message: string; details: { issues?: Array<{ path: string; message: string }> } };
}
interface TestJson {
  ok: boolean;
  code: string;
  message: string;
  checkedAt: string;
}

/**
 * The REST API of connection setup end to end against the Amazon sandbox: the add-connection
 * wizard, Test connection with each failure, Connect with Amazon through the sandbox's consent page,
 * Orders Configuration validation, plan refusal, SKU crop preview, job progress and orders per day.
 */
describeEachDatabase(
  'REST API: connection setup',
  (ctx) => {
    let sandbox: StartedAmazonSandbox;
    let app: App;
    let worker: SyncWorker;
    let server: FastifyInstance;
    let called: Set<string>;
    let connectionId: string;

    beforeAll(async () => {
      sandbox = await startAmazonSandbox({ seed: 11, rateScale: 1000 });
      app = await openTestApp(ctx.url());
      worker = new SyncWorker(app, app.jobs);
      server = await buildHttpServer({
        app,
        requestSync: (id) => worker.requestSync(id, 'api'),
        amazonSandboxUrl: sandbox.url,
      });
      await authorize(server, app);
      called = recordCalls(server);
    });
    afterAll(async () => {
      await server.close();
      await app.close();
      await sandbox.close();
    });

    const call = async <T = Json>(method: string, url: string, payload?: unknown, headers?: Record<string, string>) => {
      const res = await server.inject({
        method: method as 'GET',
        url,
        ...(payload !== undefined && { payload: payload as Json }),
        ...(headers && { headers }),
      });
      return { status: res.statusCode, body: (res.body ? res.json() : null) as T, raw: res };
    };
    const testIt = async () => {
      const res = await call<TestJson>('POST', `/api/connections/${connectionId}/test`);
      expect(res.status).toBe(200);
      expect(Date.parse(res.body.checkedAt)).not.toBeNaN();
      return res.body;
    };
    const control = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBe(200);
    };
    const wizardInput = (name: string) => ({
      name,
      marketplaceId: 'DE',
      sellerId: SANDBOX_SELLER_ID,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      refreshToken: SANDBOX_REFRESH_TOKEN,
      spApiBaseUrl: sandbox.url,
      lwaUrl: `${sandbox.url}/auth/o2/token`,
      config: {
        orderTypes: ['MFN', 'AFN'],
        syncFromDate: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      },
    });

    it('serves the reference data of the wizard and the configuration form', async () => {
      const markets = await call<{ regions: Array<{ region: string; name: string; marketplaces: Json[] }> }>(
        'GET',
        '/api/reference/marketplaces',
      );
      expect(markets.body.regions.map((r) => r.region)).toEqual(['NA', 'EU', 'FE']);
      const eu = markets.body.regions.find((r) => r.region === 'EU');
      expect(eu?.name).toBe('Europe');
      expect(eu?.marketplaces).toContainEqual({
        id: DE,
        countryCode: 'DE',
        name: 'Amazon.de',
        currency: 'EUR',
        taxIncludedDefault: true,
        countryNames: ['Germany', 'Deutschland'],
      });
      const na = markets.body.regions.find((r) => r.region === 'NA');
      expect(na?.marketplaces).toContainEqual(expect.objectContaining({ id: US, taxIncludedDefault: false }));
      const carriers = await call<{ carriers: Array<{ code: string; common: boolean }>; other: { code: string } }>(
        'GET',
        '/api/reference/carriers?marketplace=DE',
      );
      const codes = carriers.body.carriers.map((c) => c.code);
      expect(codes.slice(0, 3)).toEqual(['DHL', 'Deutsche Post', 'Hermes']);
      expect(carriers.body.carriers[0]?.common).toBe(true);
      expect(codes).not.toContain('Other');
      expect(new Set(codes).size).toBe(codes.length);
      expect(carriers.body.other.code).toBe('Other');
      const reasons = await call<{ reasons: Array<{ code: string; description: string }> }>(
        'GET',
        '/api/reference/cancel-reasons',
      );
      expect(reasons.body.reasons[0]).toEqual({ code: 'NoInventory', description: 'The item is out of stock' });
      const options = await call<{ unknownSkuPolicies: Array<{ value: string }> }>(
        'GET',
        '/api/reference/order-options',
      );
      expect(options.body.unknownSkuPolicies.map((p) => p.value)).toEqual(['hold', 'import_unlinked', 'skip']);
      expect(options.body).toMatchObject({ productIdentificationAttributes: [{ value: 'sku' }, {}, {}, {}] });
    });

    it('adds a connection with the wizard; invalid and duplicate input is refused with the field', async () => {
      const bad = await call<ErrorJson>('POST', '/api/connections', {
        ...wizardInput('bad'),
        sellerId: 'x',
        refreshToken: 'amzn.mws.123',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('request_invalid');
      expect(bad.body.error.details.issues?.map((i) => i.path).sort()).toEqual(['refreshToken', 'sellerId']);
      expect(JSON.stringify(bad.body)).toContain('MWS auth tokens');

      const created = await call<Json & { id: string }>('POST', '/api/connections', wizardInput('shop-de'));
      expect(created.status).toBe(201);
      connectionId = created.body.id;
      expect(created.body).toMatchObject({ name: 'shop-de', marketplaceId: DE, region: 'EU', active: false });
      expect(created.body.clientSecretHint).toMatch(/^\*+cret$/);
      const text = JSON.stringify(created.body);
      expect(text).not.toContain(SANDBOX_CLIENT_SECRET);
      expect(text).not.toContain(SANDBOX_REFRESH_TOKEN);
      const again = await call<ErrorJson>('POST', '/api/connections', wizardInput('shop-de'));
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('connection_name_taken');
      const unknownMarket = await call<ErrorJson>('POST', '/api/connections', {
        ...wizardInput('x'),
        marketplaceId: 'XX',
      });
      expect(unknownMarket.status).toBe(400);
      expect(unknownMarket.body.error.code).toBe('marketplace_unknown');
    });

    it('tests the connection: ok, then a clear message for each failure', async () => {
      const good = await testIt();
      expect(good).toMatchObject({ ok: true, code: 'ok' });
      expect(good.message).toContain('Amazon.de');

      // Bad client secret: LWA invalid_client.
      expect((await call('PATCH', `/api/connections/${connectionId}`, { clientSecret: 'wrong-secret-1' })).status).toBe(
        200,
      );
      const badSecret = await testIt();
      expect(badSecret).toMatchObject({ ok: false, code: 'amazon_auth_invalid_client' });
      expect(badSecret.message).toContain('client secret');
      expect(JSON.stringify(badSecret)).not.toContain('wrong-secret-1');
      await call('PATCH', `/api/connections/${connectionId}`, { clientSecret: SANDBOX_CLIENT_SECRET });

      // Revoked refresh token: LWA invalid_grant.
      sandbox.sandbox.addSeller({ sellerId: 'A3REVOKED01', refreshToken: 'Atzr|revoke-me-1' });
      await call('PATCH', `/api/connections/${connectionId}`, {
        sellerId: 'A3REVOKED01',
        refreshToken: 'Atzr|revoke-me-1',
      });
      expect((await testIt()).ok).toBe(true);
      await control('POST', '/_sandbox/refresh-tokens/revoke', { refreshToken: 'Atzr|revoke-me-1' });
      const revoked = await testIt();
      expect(revoked).toMatchObject({ ok: false, code: 'amazon_auth_refresh_revoked' });
      expect(revoked.message).toMatch(/revoked.*Connect with Amazon/);

      // Wrong region: an Amazon.de connection calling the North America endpoint.
      await call('PATCH', `/api/connections/${connectionId}`, {
        spApiBaseUrl: 'https://sellingpartnerapi-na.amazon.com',
      });
      const region = await testIt();
      expect(region).toMatchObject({ ok: false, code: 'amazon_wrong_region' });
      expect(region.message).toContain('https://sellingpartnerapi-eu.amazon.com');
      await call('PATCH', `/api/connections/${connectionId}`, { spApiBaseUrl: sandbox.url });

      // A seller that does not sell on Amazon.de.
      sandbox.sandbox.addSeller({ sellerId: 'A4USONLY01', refreshToken: 'Atzr|us-only-1', marketplaceIds: [US] });
      await call('PATCH', `/api/connections/${connectionId}`, {
        sellerId: 'A4USONLY01',
        refreshToken: 'Atzr|us-only-1',
      });
      const foreign = await testIt();
      expect(foreign).toMatchObject({ ok: false, code: 'amazon_marketplace_not_participating' });
      expect(foreign.message).toContain('Amazon.de (DE)');

      // Missing role: the app may read orders but not addresses or buyer data.
      sandbox.sandbox.addSeller({ sellerId: 'A5NOROLES01', refreshToken: 'Atzr|no-roles-1', marketplaceIds: [DE] });
      await control('PUT', '/_sandbox/sellers/A5NOROLES01/roles', { roles: [ROLE_INVENTORY_AND_ORDER_TRACKING] });
      await call('PATCH', `/api/connections/${connectionId}`, {
        sellerId: 'A5NOROLES01',
        refreshToken: 'Atzr|no-roles-1',
      });
      const role = await testIt();
      expect(role).toMatchObject({ ok: false, code: 'amazon_forbidden_role' });
      expect(role.message).toContain('Direct-to-Consumer Delivery');

      expect((await call('POST', '/api/connections/nope/test')).status).toBe(404);
    });

    /** Opens the consent URL, submits its form like a browser and returns the redirect to OrderBridge. */
    const consent = async (consentUrl: string, decision: 'confirm' | 'cancel') => {
      const page = await fetch(consentUrl);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Authorize OrderBridge (sandbox app) to access your selling account');
      expect(html).toMatch(/<button type="submit" name="decision" value="confirm">Confirm<\/button>/);
      expect(html).toMatch(/<form [^>]*aria-labelledby="consent-title"/);
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
      const fields = new URLSearchParams();
      for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
        fields.set(
          m[1] ?? '',
          (m[2] ?? '').replace(/&#(\d+);/g, (_x, c: string) => String.fromCharCode(Number(c))),
        );
      }
      fields.set('decision', decision);
      const confirmed = await fetch(new URL(action, consentUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
        redirect: 'manual',
      });
      expect(confirmed.status).toBe(302);
      return new URL(confirmed.headers.get('location') ?? '');
    };
    const callback = async (redirect: URL) => {
      const res = await server.inject({ method: 'GET', url: `${redirect.pathname}${redirect.search}`, headers: {} });
      expect(res.statusCode).toBe(302);
      return new URL(String(res.headers.location), 'http://ui.local');
    };
    const begin = async () => {
      const res = await call<{ consentUrl: string; expiresAt: string }>(
        'POST',
        `/api/connections/${connectionId}/amazon-authorization`,
      );
      expect(res.status).toBe(200);
      return res.body;
    };

    it('connects with Amazon: consent page, callback, new refresh token; the connection syncs', async () => {
      const before = await app.connections.secretsOf(connectionId);
      const { consentUrl, expiresAt } = await begin();
      const url = new URL(consentUrl);
      expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.url}/apps/authorize/consent`);
      expect(url.searchParams.get('application_id')).toBe(SANDBOX_CLIENT_ID);
      expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:3000/api/amazon/callback');
      expect(url.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);

      const redirect = await consent(consentUrl, 'confirm');
      expect(redirect.pathname).toBe('/api/amazon/callback');
      expect(redirect.searchParams.get('selling_partner_id')).toBe(SANDBOX_SELLER_ID);
      const code = redirect.searchParams.get('spapi_oauth_code') ?? '';
      expect(code).not.toBe('');
      const landed = await callback(redirect);
      expect(`${landed.pathname}${landed.search}`).toBe(`/connections/${connectionId}?amazon=connected`);

      const after = await app.connections.secretsOf(connectionId);
      expect(after.refreshToken).toMatch(/^Atzr\|sandbox-/);
      expect(after.refreshToken).not.toBe(before.refreshToken);
      const shown = await call<Json>('GET', `/api/connections/${connectionId}`);
      expect(shown.body).toMatchObject({
        sellerId: SANDBOX_SELLER_ID,
        refreshTokenHint: `****${after.refreshToken.slice(-4)}`,
      });
      expect(await testIt()).toMatchObject({ ok: true, code: 'ok' });
      const audit = await call<{ entries: Array<{ action: string; actor: string }> }>('GET', '/api/audit-log');
      const authorized = JSON.stringify(audit.body);
      expect(authorized).toContain('connection.amazon_authorized');
      expect(authorized).toContain('(Connect with Amazon)');
      expect(authorized).not.toContain(after.refreshToken);

      // The state and the code are single-use.
      const replay = await callback(redirect);
      expect(replay.searchParams.get('amazon')).toBe('error');
      expect(replay.searchParams.get('message')).toMatch(/invalid, expired or was already used/);
      const lwa = await fetch(`${sandbox.url}/auth/o2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          client_id: SANDBOX_CLIENT_ID,
          client_secret: SANDBOX_CLIENT_SECRET,
          redirect_uri: 'http://127.0.0.1:3000/api/amazon/callback',
        }).toString(),
      });
      expect(lwa.status).toBe(400);
      expect(((await lwa.json()) as Json).error).toBe('invalid_grant');
    });

    it('adds a connection without a refresh token: Disabled until Connect with Amazon authorises it', async () => {
      const endpoints = await call<{ endpoints: Array<Record<string, string | null>> }>(
        'GET',
        '/api/reference/amazon-endpoints',
      );
      expect(endpoints.body.endpoints.map((e) => e.id)).toEqual(['production', 'sandbox']);
      const sandboxEndpoint = endpoints.body.endpoints[1]!;
      expect(sandboxEndpoint).toMatchObject({ spApiBaseUrl: sandbox.url, clientId: SANDBOX_CLIENT_ID });
      const input = {
        name: 'via-consent',
        marketplaceId: 'DE',
        sellerId: SANDBOX_SELLER_ID,
        clientId: sandboxEndpoint.clientId,
        clientSecret: sandboxEndpoint.clientSecret,
        spApiBaseUrl: sandboxEndpoint.spApiBaseUrl,
        lwaUrl: sandboxEndpoint.lwaUrl,
      };
      const activeAtOnce = await call<ErrorJson>('POST', '/api/connections', { ...input, active: true });
      expect(activeAtOnce.body.error.code).toBe('connection_not_authorized');
      const created = await call<Json>('POST', '/api/connections', input);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ active: false, refreshTokenHint: 'not authorised yet' });
      const id = String(created.body.id);
      const refused = await call<ErrorJson>('PATCH', `/api/connections/${id}`, { active: true });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/Connect with Amazon/);
      const started = await call<{ consentUrl: string }>('POST', `/api/connections/${id}/amazon-authorization`);
      const landed = await callback(await consent(started.body.consentUrl, 'confirm'));
      expect(`${landed.pathname}${landed.search}`).toBe(`/connections/${id}?amazon=connected`);
      const activated = await call<Json>('PATCH', `/api/connections/${id}`, { active: true });
      expect(activated.body).toMatchObject({ active: true });
      expect(String(activated.body.refreshTokenHint)).toMatch(/^\*{4}/);
      expect((await call('DELETE', `/api/connections/${id}`)).status).toBe(204);
    });

    it('rejects an expired, unknown or cancelled authorization and a refused code, without leaking secrets', async () => {
      // Expired: the state's 10 minutes are over.
      const expired = await begin();
      await app.db
        .updateTable('amazon_authorizations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('used_at', 'is', null)
        .execute();
      const late = await callback(await consent(expired.consentUrl, 'confirm'));
      expect(late.pathname).toBe('/connections');
      expect(late.searchParams.get('message')).toMatch(/expired/);

      const unknown = await callback(
        new URL('http://x/api/amazon/callback?state=forged&spapi_oauth_code=AN1&selling_partner_id=A1'),
      );
      expect(unknown.searchParams.get('amazon')).toBe('error');

      const cancelled = await callback(await consent((await begin()).consentUrl, 'cancel'));
      expect(cancelled.pathname).toBe(`/connections/${connectionId}`);
      expect(cancelled.searchParams.get('message')).toMatch(/cancelled/);

      // A valid state with a code LWA refuses.
      const state = new URL((await begin()).consentUrl).searchParams.get('state') ?? '';
      const refused = await callback(
        new URL(
          `http://x/api/amazon/callback?state=${state}&spapi_oauth_code=ANforged&selling_partner_id=${SANDBOX_SELLER_ID}`,
        ),
      );
      expect(refused.pathname).toBe(`/connections/${connectionId}`);
      expect(refused.searchParams.get('message')).toMatch(/refused the authorization code.*invalid_grant/);
      expect(refused.search).not.toContain(encodeURIComponent(SANDBOX_CLIENT_SECRET));
      // Nothing changed: the connection still works with the token of the successful authorization.
      expect(await testIt()).toMatchObject({ ok: true });
      expect((await call('POST', '/api/connections/nope/amazon-authorization')).status).toBe(404);
    });

    it('previews SKU crop rules and refuses invalid or catastrophic patterns clearly', async () => {
      const preview = await call<{ samples: Json[] }>('POST', `/api/connections/${connectionId}/sku-crop/preview`, {
        skuCrop: { removePrefixes: ['FBA/'], removeSuffixes: ['-DE'] },
        skus: ['FBA/ABC-1', 'XYZ-DE', 'PLAIN'],
      });
      expect(preview.status).toBe(200);
      expect(preview.body.samples).toEqual([
        { sku: 'FBA/ABC-1', cropped: 'ABC-1', changed: true },
        { sku: 'XYZ-DE', cropped: 'XYZ', changed: true },
        { sku: 'PLAIN', cropped: 'PLAIN', changed: false },
      ]);
      const catastrophic = await call<ErrorJson>('POST', `/api/connections/${connectionId}/sku-crop/preview`, {
        skuCrop: { regex: { pattern: '(a+)+$', replacement: '' } },
        skus: ['aaa'],
      });
      expect(catastrophic.status).toBe(400);
      expect(catastrophic.body.error.code).toBe('sku_crop_invalid');
      expect(catastrophic.body.error.message).toMatch(/nested quantifier.*exponential time/);
      const broken = await call<ErrorJson>('POST', `/api/connections/${connectionId}/sku-crop/preview`, {
        skuCrop: { regex: { pattern: '([', replacement: '' } },
      });
      expect(broken.status).toBe(400);
      expect(broken.body.error.code).toBe('sku_crop_invalid');
      expect((await call('POST', '/api/connections/nope/sku-crop/preview', {})).status).toBe(404);
    });

    it('changes the Orders Configuration; every invalid option is named', async () => {
      const bad = await call<ErrorJson>('PATCH', `/api/connections/${connectionId}`, {
        config: { defaultShippingService: 'DHLL', pollIntervalMinutes: 0, colour: 'red' },
      });
      expect(bad.status).toBe(400);
      const paths = (bad.body.error.details.issues ?? []).map((i) => i.path).sort();
      expect(paths).toEqual(['colour', 'defaultShippingService', 'pollIntervalMinutes']);
      expect(bad.body.error.message).toContain('"DHLL" is not an Amazon carrier code');
      const typed = await call<ErrorJson>('PATCH', `/api/connections/${connectionId}`, { active: 'yes' });
      expect(typed.status).toBe(400);
      expect(typed.body.error).toMatchObject({ code: 'request_invalid', details: { issues: [{ path: 'active' }] } });
      const good = await call<{ config: Json }>('PATCH', `/api/connections/${connectionId}`, {
        config: { defaultShippingService: 'DHL', unknownSkuPolicy: 'skip', pollIntervalMinutes: 10 },
      });
      expect(good.status).toBe(200);
      expect(good.body.config).toMatchObject({
        defaultShippingService: 'DHL',
        unknownSkuPolicy: 'skip',
        pollIntervalMinutes: 10,
      });
      expect((await call('PATCH', '/api/connections/nope', { active: false })).status).toBe(404);
    });

    it('refuses activation on the free plan, naming the plan needed', async () => {
      const created = await app.accounts.accounts.create(
        {
          name: 'Free Co',
          planId: 'free',
          owner: { email: 'fay@free.test', name: 'Fay', password: 'fay-password-123' },
        },
        'test',
      );
      if (!created.ok) throw created.error;
      const token = await app.accounts.tokens.create(created.value.account.id, { name: 'free' }, 'test');
      if (!token.ok) throw token.error;
      const asFree = { authorization: `Bearer ${token.value.secret}` };
      const active = await call<ErrorJson>(
        'POST',
        '/api/connections',
        { ...wizardInput('free-shop'), active: true },
        asFree,
      );
      expect(active.status).toBe(409);
      expect(active.body.error.code).toBe('plan_no_order_connections');
      const added = await call<{ id: string }>('POST', '/api/connections', wizardInput('free-shop'), asFree);
      expect(added.status).toBe(201);
      const refused = await call<ErrorJson>('PATCH', `/api/connections/${added.body.id}`, { active: true }, asFree);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'plan_no_order_connections',
        message:
          'Your plan "Free" does not include order connections; upgrade to "Business" or higher to activate order synchronization.',
        details: { plan: 'free', neededPlan: 'business' },
      });
      // The free account does not see the default account's connection, nor the other way round.
      expect((await call('GET', `/api/connections/${connectionId}`, undefined, asFree)).status).toBe(404);
      expect((await call('POST', `/api/connections/${connectionId}/test`, undefined, asFree)).status).toBe(404);
      expect((await call('GET', `/api/connections/${added.body.id}`)).status).toBe(404);
    });

    it('runs Synchronize Orders as a job whose sync run shows progress page by page', async () => {
      const ids = sandbox.sandbox.generateOrders({
        count: 250,
        marketplaceId: DE,
        createdAfter: new Date(Date.now() - 10 * 86_400_000).toISOString(),
        createdBefore: new Date(Date.now() - 3_600_000).toISOString(),
      });
      expect((await call('PATCH', `/api/connections/${connectionId}`, { active: true })).status).toBe(200);
      const sync = await call<{ jobId: string }>('POST', `/api/connections/${connectionId}/sync`);
      expect(sync.status).toBe(202);
      const jobUrl = `/api/jobs/${sync.body.jobId}`;
      const queued = await call<Json>('GET', jobUrl);
      expect(queued.body).toMatchObject({ id: sync.body.jobId, name: 'orders.pull', state: 'queued', syncRun: null });

      sandbox.sandbox.setFaults({ searchOrders: { latencyMs: 400 } });
      const running = app.jobs.runOnce(worker.handlers);
      const seen: number[] = [];
      let done = false;
      void running.finally(() => {
        done = true;
      });
      while (!done) {
        const polled = await call<{ state: string; syncRun: { status: string; ordersSeen: number } | null }>(
          'GET',
          jobUrl,
        );
        if (polled.body.state === 'running' && polled.body.syncRun?.status === 'running') {
          seen.push(polled.body.syncRun.ordersSeen);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      await running;
      sandbox.sandbox.setFaults({});
      // Polling saw the run move: some pages stored while later pages were still being read.
      expect(seen.some((n) => n > 0 && n < 250)).toBe(true);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      const finished = await call<{ state: string; attempts: number; lastError: string | null; syncRun: Json }>(
        'GET',
        jobUrl,
      );
      expect(finished.body).toMatchObject({ state: 'succeeded', attempts: 1, lastError: null });
      expect(finished.body.syncRun).toMatchObject({ status: 'succeeded', ordersSeen: 250, ordersCreated: 250 });
      const stored = await call<{ total: number }>('GET', `/api/orders?connection=${connectionId}&limit=1`);
      expect(stored.body.total).toBe(ids.length);
      expect((await call('GET', '/api/jobs/unknown')).status).toBe(404);
    });

    it('counts orders per UTC purchase day, every day of the range', async () => {
      const expected = new Map<string, number>();
      for (const order of sandbox.sandbox.listOrders({ sellerId: SANDBOX_SELLER_ID, marketplaceId: DE })) {
        const day = new Date(order.createdTime).toISOString().slice(0, 10);
        expected.set(day, (expected.get(day) ?? 0) + 1);
      }
      const res = await call<{ days: Array<{ date: string; orders: number }> }>(
        'GET',
        `/api/reports/orders-per-day?days=30&connection=${connectionId}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.days).toHaveLength(30);
      expect(res.body.days.at(-1)?.date).toBe(new Date().toISOString().slice(0, 10));
      expect(res.body.days[0]?.date).toBe(new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10));
      for (const d of res.body.days) expect(d.orders, d.date).toBe(expected.get(d.date) ?? 0);
      expect(res.body.days.reduce((n, d) => n + d.orders, 0)).toBe(250);
      const all = await call<{ days: Array<{ orders: number }> }>('GET', '/api/reports/orders-per-day?days=7');
      expect(all.body.days).toHaveLength(7);
      expect((await call('GET', '/api/reports/orders-per-day?connection=nope')).status).toBe(404);
      expect((await call('GET', '/api/reports/orders-per-day?days=0')).status).toBe(400);
    });

    it('deletes a connection without orders and keeps one with orders', async () => {
      const kept = await call<ErrorJson>('DELETE', `/api/connections/${connectionId}`);
      expect(kept.status).toBe(409);
      expect(kept.body.error.code).toBe('connection_has_orders');
      expect(kept.body.error.message).toContain('deactivate it instead');
      const spare = await call<{ id: string }>('POST', '/api/connections', wizardInput('spare'));
      const removed = await server.inject({ method: 'DELETE', url: `/api/connections/${spare.body.id}` });
      expect(removed.statusCode).toBe(204);
      expect(removed.body).toBe('');
      expect((await call('GET', `/api/connections/${spare.body.id}`)).status).toBe(404);
      expect((await call('DELETE', `/api/connections/${spare.body.id}`)).status).toBe(404);
      const audit = JSON.stringify((await call('GET', '/api/audit-log')).body);
      expect(audit).toContain('connection.deleted');
    });

    it('documents every operation of its tags, and the tests above call each of them', async () => {
      const doc = (await call('GET', '/openapi.json')).body as unknown as OpenApiDoc;
      const operations = operationsOf(doc, TAGS_BY_TEST['rest-connection-setup.e2e.test.ts']);
      expect(operations.length).toBeGreaterThanOrEqual(13);
      for (const op of operations) expect(called, op).toContain(op);
    });
  },
  { isolation: 'file' },
);
