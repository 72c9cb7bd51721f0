import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  startAmazonSandbox,
  type StartedAmazonSandbox,
} from '../../src/sandbox/amazon/index.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { openTestApp } from '../helpers/test-app.js';

/**
 * The wizard creates its connection just before Connect with Amazon sends the merchant away. When
 * the merchant never comes back, nothing half-made stays: once the consent URL has expired the
 * connection is gone from the list, its name is free again, and finished or older connections stay.
 */
describeEachDatabase(
  'Connect with Amazon abandoned in the wizard',
  (ctx) => {
    let sandbox: StartedAmazonSandbox;
    let app: App;
    let server: FastifyInstance;

    beforeAll(async () => {
      sandbox = await startAmazonSandbox({ seed: 5, rateScale: 1000 });
      app = await openTestApp(ctx.url());
      server = await buildHttpServer({ app, requestSync: () => Promise.resolve(''), amazonSandboxUrl: sandbox.url });
      await authorize(server, app);
    });
    afterAll(async () => {
      await server.close();
      await app.close();
      await sandbox.close();
    });

    const call = async <T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) => {
      const res = await server.inject({ method, url, ...(body && { payload: body as Record<string, unknown> }) });
      return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
    };
    const draft = (name: string, extra: object = {}) => ({
      name,
      marketplaceId: 'DE',
      sellerId: SANDBOX_SELLER_ID,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      spApiBaseUrl: sandbox.url,
      lwaUrl: `${sandbox.url}/auth/o2/token`,
      ...extra,
    });
    const names = async () =>
      (await call<{ connections: Array<{ name: string }> }>('GET', '/api/connections')).body.connections.map(
        (c) => c.name,
      );
    const expireOpenAuthorizations = () =>
      app.db
        .updateTable('amazon_authorizations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('used_at', 'is', null)
        .execute();

    it('removes the wizard’s connection once its consent URL expired unused; the name can be used again', async () => {
      const created = await call<{ id: string }>('POST', '/api/connections', draft('Amazon DE'));
      expect(created.status).toBe(201);
      const begun = await call('POST', `/api/connections/${created.body.id}/amazon-authorization`);
      expect(begun.status).toBe(200);
      // While the merchant is at Amazon (consent URL still valid) the connection waits.
      expect(await names()).toContain('Amazon DE');

      await expireOpenAuthorizations();
      expect(await names()).not.toContain('Amazon DE');
      expect((await call('GET', `/api/connections/${created.body.id}`)).status).toBe(404);
      const audit = await call<{ entries: Array<{ action: string; actor: string; entityId: string }> }>(
        'GET',
        '/api/audit-log',
      );
      expect(audit.body.entries).toContainEqual(
        expect.objectContaining({ action: 'connection.deleted', entityId: created.body.id }),
      );
      const again = await call('POST', '/api/connections', draft('Amazon DE'));
      expect(again.status).toBe(201);
    });

    it('removes it too when the consent was cancelled at Amazon and not tried again', async () => {
      const created = await call<{ id: string }>('POST', '/api/connections', draft('Cancelled at Amazon'));
      const begun = await call<{ consentUrl: string }>(
        'POST',
        `/api/connections/${created.body.id}/amazon-authorization`,
      );
      const state = new URL(begun.body.consentUrl).searchParams.get('state') ?? '';
      const back = await server.inject({
        method: 'GET',
        url: `/api/amazon/callback?state=${state}&error=access_denied`,
      });
      expect(String(back.headers.location)).toContain('amazon=error');
      expect(await names()).toContain('Cancelled at Amazon');
      await app.db
        .updateTable('amazon_authorizations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
      expect(await names()).not.toContain('Cancelled at Amazon');
    });

    it('keeps connections that were authorised, or made long before an abandoned Connect with Amazon', async () => {
      const withToken = await call<{ id: string }>(
        'POST',
        '/api/connections',
        draft('With token', { refreshToken: SANDBOX_REFRESH_TOKEN }),
      );
      const older = await call<{ id: string }>('POST', '/api/connections', draft('Made earlier'));
      // "Made earlier" was created an hour before the merchant tried Connect with Amazon on its page.
      await app.db
        .updateTable('connections')
        .set({ created_at: new Date(Date.now() - 3_600_000).toISOString() })
        .where('id', '=', older.body.id)
        .execute();
      for (const id of [withToken.body.id, older.body.id]) {
        expect((await call('POST', `/api/connections/${id}/amazon-authorization`)).status).toBe(200);
      }
      await expireOpenAuthorizations();
      expect(await names()).toEqual(expect.arrayContaining(['With token', 'Made earlier']));
      const left = await app.db.selectFrom('amazon_authorizations').select('id').execute();
      expect(left).toEqual([]);
    });
  },
  { isolation: 'file' },
);
