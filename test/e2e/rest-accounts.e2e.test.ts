import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/app/default-account.js';
import { ensureFirstAdmin, firstAdminLines } from '../../src/app/first-start.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { recordCalls, TAGS_BY_TEST, operationsOf, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { openTestApp } from '../helpers/test-app.js';

const ADMIN = { email: 'Admin@Example.com', password: 'correct horse battery' };

/** Login, sessions + CSRF, throttling, API tokens, roles, accounts, plans and the audit log over HTTP. */
describeEachDatabase(
  'REST API: accounts, users, sessions and tokens',
  (ctx) => {
    let app: App;
    let server: FastifyInstance;
    let called: Set<string>;

    beforeAll(async () => {
      app = await openTestApp(ctx.url());
      server = await buildHttpServer({ app, requestSync: () => Promise.resolve('job') });
      called = recordCalls(server);
    });
    afterAll(async () => {
      await server.close();
      await app.close();
    });

    const cookieOf = (res: LightMyRequestResponse) => {
      const c = res.cookies.find((k) => k.name === 'orderbridge_session');
      return c ? `orderbridge_session=${c.value}` : '';
    };
    const login = async (email: string, password: string, ip = '10.0.0.1') =>
      server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
    const asSession = async (email: string, password: string) => {
      const res = await login(email, password);
      expect(res.statusCode).toBe(200);
      const { csrfToken } = res.json<{ csrfToken: string }>();
      const cookie = cookieOf(res);
      return {
        get: (url: string) => server.inject({ method: 'GET', url, headers: { cookie } }),
        send: (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
          server.inject({ method, url, headers: { cookie, 'x-csrf-token': csrfToken }, ...(payload && { payload }) }),
        cookie,
        csrfToken,
      };
    };

    it('creates the first administrator once, with a generated password printed once', async () => {
      const first = await ensureFirstAdmin(app.accounts.deps.users, app.accounts.users, {});
      expect(first?.email).toBe('admin@orderbridge.local');
      expect(first?.generatedPassword).toMatch(/^[\w-]{20}$/);
      expect(firstAdminLines(first!, 'http://x/login').join('\n')).toContain(first!.generatedPassword!);
      expect(await ensureFirstAdmin(app.accounts.deps.users, app.accounts.users, {})).toBeNull();
      const res = await login('admin@orderbridge.local', first!.generatedPassword!);
      expect(res.statusCode).toBe(200);
      expect(res.json<{ user: { role: string }; account: { id: string } }>()).toMatchObject({
        user: { role: 'admin' },
        account: { id: DEFAULT_ACCOUNT_ID },
      });
      // The stored hash is argon2id, never the password.
      const row = await app.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('refuses requests without a session or token, and unknown or revoked tokens', async () => {
      for (const url of ['/api/connections', '/api/orders', '/api/account', '/api/auth/me']) {
        const res = await server.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      }
      const bad = await server.inject({
        method: 'GET',
        url: '/api/orders',
        headers: { authorization: 'Bearer obt_nope' },
      });
      expect(bad.statusCode).toBe(401);
      expect((await server.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });

    it('logs in with a session cookie, needs the CSRF token for changes and ends with logout', async () => {
      await app.accounts.users.create(DEFAULT_ACCOUNT_ID, { ...ADMIN, name: 'Ada', role: 'admin' }, 'test');
      const wrong = await login(ADMIN.email, 'wrong password!!', '10.0.0.9');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({
        error: { code: 'invalid_credentials', message: 'Wrong email or password' },
      });
      const unknown = await login('nobody@example.com', 'whatever', '10.0.0.9');
      expect(unknown.json()).toEqual(wrong.json()); // no hint which emails exist

      const s = await asSession(ADMIN.email.toLowerCase(), ADMIN.password);
      const setCookie = String((await login(ADMIN.email, ADMIN.password)).headers['set-cookie']);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      const me = await s.get('/api/auth/me');
      expect(me.json()).toMatchObject({ user: { email: 'admin@example.com', name: 'Ada' }, csrfToken: s.csrfToken });

      const noCsrf = await server.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: s.cookie },
        payload: { name: 'x' },
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json()).toMatchObject({ error: { code: 'csrf_token_invalid' } });
      const forged = await server.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
        payload: { name: 'x' },
      });
      expect(forged.statusCode).toBe(403);
      expect(await app.accounts.tokens.list(DEFAULT_ACCOUNT_ID)).toHaveLength(0);

      expect((await s.send('POST', '/api/auth/logout')).statusCode).toBe(204);
      expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('throttles repeated failed logins per email and address with Retry-After, and lets other users in', async () => {
      await app.accounts.users.create(
        DEFAULT_ACCOUNT_ID,
        { email: 'mia@example.com', name: 'Mia', password: 'mia-password-1234' },
        'test',
      );
      for (let i = 0; i < 5; i++)
        expect((await login('mia@example.com', `guess-${i}`, '10.1.0.1')).statusCode).toBe(401);
      const locked = await login('mia@example.com', 'mia-password-1234', '10.1.0.1');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ error: { code: 'login_throttled' } });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login(ADMIN.email, ADMIN.password, '10.1.0.7')).statusCode).toBe(200);
    });

    it('creates, uses and revokes API tokens; only the hash is stored', async () => {
      const s = await asSession(ADMIN.email, ADMIN.password);
      const created = await s.send('POST', '/api/tokens', { name: 'erp' });
      expect(created.statusCode).toBe(201);
      const { token, secret } = created.json<{ token: { id: string; prefix: string }; secret: string }>();
      expect(secret.startsWith(token.prefix)).toBe(true);
      const rows = await app.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(rows.map((r) => r.token_hash)).not.toContain(secret);
      const withToken = { authorization: `Bearer ${secret}` };
      const account = await server.inject({ method: 'GET', url: '/api/account', headers: withToken });
      expect(account.json()).toMatchObject({ id: DEFAULT_ACCOUNT_ID, plan: { id: 'self-hosted' } });
      // Tokens need no CSRF token (no cookie involved) but are never administrators.
      const asAdmin = await server.inject({ method: 'GET', url: '/api/admin/accounts', headers: withToken });
      expect(asAdmin.statusCode).toBe(403);
      const list = await s.get('/api/tokens');
      expect(JSON.stringify(list.json())).not.toContain(secret);
      expect((await s.send('DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(204);
      expect((await server.inject({ method: 'GET', url: '/api/account', headers: withToken })).statusCode).toBe(401);
      expect((await s.send('DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(404);
    });

    it('lets an administrator create accounts and users, change plans and act in another account', async () => {
      const admin = await asSession(ADMIN.email, ADMIN.password);
      const plans = await admin.get('/api/plans');
      expect(plans.json<{ plans: Array<{ id: string }> }>().plans.map((p) => p.id)).toEqual([
        'free',
        'business',
        'self-hosted',
      ]);
      const invalid = await admin.send('POST', '/api/admin/accounts', {
        name: 'Acme',
        owner: { email: 'not-an-email', name: 'Bo', password: 'short' },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json()).toMatchObject({ error: { code: 'account_invalid' } });
      const created = await admin.send('POST', '/api/admin/accounts', {
        name: 'Acme',
        owner: { email: 'bo@acme.test', name: 'Bo', password: 'bo-password-123' },
      });
      expect(created.statusCode).toBe(201);
      const acme = created.json<{ account: { id: string; planId: string } }>().account;
      expect(acme.planId).toBe('free');
      const taken = await admin.send('POST', '/api/admin/accounts', {
        name: 'Acme 2',
        owner: { email: 'BO@acme.test', name: 'Bo', password: 'bo-password-123' },
      });
      expect(taken.json()).toMatchObject({ error: { code: 'user_email_taken' } });
      expect((await admin.get('/api/admin/accounts')).json<{ accounts: unknown[] }>().accounts).toHaveLength(2);

      // A member: sees its own account, may not administrate.
      const bo = await asSession('bo@acme.test', 'bo-password-123');
      expect((await bo.get('/api/account')).json()).toMatchObject({ id: acme.id, plan: { id: 'free' } });
      for (const [method, url, body] of [
        ['PUT', '/api/account/plan', { planId: 'business' }],
        ['POST', '/api/users', { email: 'x@acme.test', name: 'X', password: 'x-password-1234' }],
        ['POST', '/api/auth/switch-account', { accountId: DEFAULT_ACCOUNT_ID }],
        ['PUT', `/api/admin/accounts/${acme.id}/plan`, { planId: 'business' }],
      ] as const) {
        const res = await bo.send(method, url, body);
        expect(res.statusCode, url).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
      }

      const upgraded = await admin.send('PUT', `/api/admin/accounts/${acme.id}/plan`, { planId: 'business' });
      expect(upgraded.json()).toMatchObject({ id: acme.id, plan: { id: 'business', orderConnections: true } });
      expect((await admin.send('PUT', `/api/admin/accounts/${acme.id}/plan`, { planId: 'gold' })).statusCode).toBe(404);

      const switched = await admin.send('POST', '/api/auth/switch-account', { accountId: acme.id });
      expect(switched.json()).toMatchObject({ account: { id: acme.id, name: 'Acme' }, user: { role: 'admin' } });
      expect((await admin.get('/api/account')).json()).toMatchObject({ id: acme.id });
      const back = await admin.send('PUT', '/api/account/plan', { planId: 'free' });
      expect(back.json()).toMatchObject({ plan: { id: 'free' } });
      const user = await admin.send('POST', '/api/users', {
        email: 'cy@acme.test',
        name: 'Cy',
        password: 'cy-password-1234',
      });
      expect(user.statusCode).toBe(201);
      const users = (await admin.get('/api/users')).json<{ users: Array<{ id: string; email: string }> }>().users;
      expect(users.map((u) => u.email)).toEqual(['bo@acme.test', 'cy@acme.test']);
      const cy = users.find((u) => u.email === 'cy@acme.test')!;
      expect((await admin.send('DELETE', `/api/users/${cy.id}`)).statusCode).toBe(204);
      expect((await login('cy@acme.test', 'cy-password-1234')).statusCode).toBe(401);

      // The audit log of Acme: who did what, without passwords or token secrets.
      const audit = (await admin.get('/api/audit-log?limit=20')).json<{
        entries: Array<{ action: string; actor: string }>;
      }>();
      // Newest first; entries of the same millisecond may come in either order, so compare as a set.
      expect(audit.entries[0]?.action).toBe('user.deleted');
      expect(audit.entries.map((e) => e.action).sort()).toEqual([
        'account.created',
        'account.plan_changed',
        'account.plan_changed',
        'user.created',
        'user.created',
        'user.deleted',
      ]);
      expect(audit.entries.every((e) => e.actor === 'admin@example.com')).toBe(true);
      expect(JSON.stringify(audit)).not.toMatch(/password/i);
    });

    it('lets an administrator create and change plans as data; members may not', async () => {
      const admin = await asSession(ADMIN.email, ADMIN.password);
      const agency = { name: 'Agency', orderConnections: true, maxConnections: 500, ordersPerMonth: null };
      const created = await admin.send('PUT', '/api/admin/plans/agency', agency);
      expect(created.json()).toEqual({ plan: { id: 'agency', ...agency }, released: 0 });
      const plans = (await admin.get('/api/plans')).json<{ plans: Array<{ id: string }> }>().plans;
      expect(plans.map((p) => p.id)).toEqual(['free', 'business', 'self-hosted', 'agency']);
      const changed = await admin.send('PUT', '/api/admin/plans/agency', { ...agency, maxConnections: 1000 });
      expect(changed.json()).toMatchObject({ plan: { maxConnections: 1000 } });
      const invalid = await admin.send('PUT', '/api/admin/plans/Bad Id', { ...agency, maxConnections: -1 });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json()).toMatchObject({ error: { code: 'plan_invalid' } });
      const bo = await asSession('bo@acme.test', 'bo-password-123');
      expect((await bo.send('PUT', '/api/admin/plans/agency', agency)).statusCode).toBe(403);
      expect(await app.plans.list()).toContainEqual({ id: 'agency', ...agency, maxConnections: 1000 });
    });

    it('changes a password: checks the current one, ends the other sessions, keeps this one', async () => {
      await app.accounts.users.create(
        DEFAULT_ACCOUNT_ID,
        { email: 'pat@example.com', name: 'Pat', password: 'pat-password-old' },
        'test',
      );
      const here = await asSession('pat@example.com', 'pat-password-old');
      const elsewhere = await asSession('pat@example.com', 'pat-password-old');
      const wrong = await here.send('PUT', '/api/auth/password', {
        currentPassword: 'nope',
        newPassword: 'pat-password-new',
      });
      expect(wrong.json()).toMatchObject({ error: { code: 'password_wrong' } });
      const short = await here.send('PUT', '/api/auth/password', {
        currentPassword: 'pat-password-old',
        newPassword: 'short',
      });
      expect(short.json()).toMatchObject({ error: { code: 'password_invalid' } });
      const changed = await here.send('PUT', '/api/auth/password', {
        currentPassword: 'pat-password-old',
        newPassword: 'pat-password-new',
      });
      expect(changed.statusCode).toBe(204);
      expect((await here.get('/api/auth/me')).statusCode).toBe(200);
      expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
      expect((await login('pat@example.com', 'pat-password-old', '10.2.0.1')).statusCode).toBe(401);
      expect((await login('pat@example.com', 'pat-password-new', '10.2.0.2')).statusCode).toBe(200);
    });

    it('calls every operation of its OpenAPI tags', async () => {
      const doc = (await server.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
      const operations = operationsOf(doc, TAGS_BY_TEST['rest-accounts.e2e.test.ts']);
      expect(operations.length).toBeGreaterThanOrEqual(14);
      expect(operations.filter((op) => !called.has(op))).toEqual([]);
    });
  },
  { isolation: 'file' },
);
