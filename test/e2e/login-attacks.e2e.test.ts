import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/app/default-account.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { ManualClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { testConfig } from '../helpers/test-app.js';

const MIA = { email: 'mia@example.com', password: 'mia-password-1234' };

/** Password guessing in parallel and from many addresses; tokens minting tokens (issue 9 items 5 and 7). */
describeEachDatabase('Login throttling under attack, and API tokens', (ctx) => {
  let app: App;
  let server: FastifyInstance;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock('2026-12-06T08:00:00.000Z');
    app = await openApp(testConfig(ctx.url()), { logger: silentLogger, clock });
    server = await buildHttpServer({ app, requestSync: () => Promise.resolve('job') });
    const created = await app.accounts.users.create(DEFAULT_ACCOUNT_ID, { ...MIA, name: 'Mia', role: 'admin' }, 'test');
    if (!created.ok) throw created.error;
  });
  afterEach(async () => {
    await server.close();
    await app.close();
  });

  const login = (password: string, ip: string, email = MIA.email) =>
    server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
  const guessInParallel = async (count: number, ipOf: (i: number) => string) => {
    const answers = await Promise.all(Array.from({ length: count }, (_, i) => login(`guess-${i}`, ipOf(i))));
    const statuses = answers.map((a) => a.statusCode);
    return { answers, checked: statuses.filter((s) => s === 401).length, throttled: statuses.filter((s) => s === 429) };
  };

  for (const count of [25, 50]) {
    it(`checks at most 5 of ${count} parallel wrong passwords from one address; the rest get 429`, async () => {
      const { answers, checked, throttled } = await guessInParallel(count, () => '203.0.113.7');
      expect(checked).toBe(5);
      expect(throttled).toHaveLength(count - 5);
      const refused = answers.find((a) => a.statusCode === 429)!;
      expect(refused.json()).toMatchObject({ error: { code: 'login_throttled' } });
      expect(Number(refused.headers['retry-after'])).toBe(30);
      // The real user, from their own address, is not locked out by the attack.
      expect((await login(MIA.password, '198.51.100.2')).statusCode).toBe(200);
      // The attacker's address stays locked even with the right password.
      expect((await login(MIA.password, '203.0.113.7')).statusCode).toBe(429);
    });
  }

  it('doubles the lock of an email and address pair; an unknown email gets the same answers', async () => {
    for (const email of [MIA.email, 'nobody@example.com']) {
      for (let i = 0; i < 5; i++) expect((await login(`guess-${i}`, '203.0.113.8', email)).statusCode).toBe(401);
      const first = await login('guess-6', '203.0.113.8', email);
      expect([first.statusCode, first.headers['retry-after']]).toEqual([429, '30']);
      clock.advance(30_000);
      expect((await login('guess-7', '203.0.113.8', email)).statusCode).toBe(401);
      expect((await login('guess-8', '203.0.113.8', email)).headers['retry-after']).toBe('60');
    }
  });

  it('delays guesses at one email from many addresses only briefly; the right password then works', async () => {
    const { checked, throttled } = await guessInParallel(14, (i) => `203.0.113.${20 + i}`);
    expect(checked).toBe(10);
    expect(throttled).toHaveLength(4);
    const delayed = await login(MIA.password, '198.51.100.3');
    expect([delayed.statusCode, delayed.headers['retry-after']]).toEqual([429, '2']);
    clock.advance(2_000);
    expect((await login(MIA.password, '198.51.100.3')).statusCode).toBe(200);
  });

  it('does not count successful logins against the address or the email', async () => {
    for (let i = 0; i < 30; i++) expect((await login(MIA.password, '198.51.100.4')).statusCode).toBe(200);
    const rows = await ctx.getDb().selectFrom('login_throttle').select(['key', 'attempts']).execute();
    expect(rows.every((r) => r.attempts === 0)).toBe(true);
  });

  it('forgets counters (emails, addresses) once they have been quiet for the window', async () => {
    for (let i = 0; i < 6; i++) await login(`guess-${i}`, '203.0.113.9', 'nobody@example.com');
    clock.advance(16 * 60_000);
    expect((await login(MIA.password, '198.51.100.7')).statusCode).toBe(200);
    const keys = (await ctx.getDb().selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
    expect(keys.filter((k) => k.includes('nobody') || k.includes('203.0.113.9'))).toEqual([]);
  });

  it('throttles parallel guesses at the current password (change password) like logins', async () => {
    const session = await login(MIA.password, '198.51.100.6');
    const cookie = session.cookies.find((c) => c.name === 'orderbridge_session')!;
    const headers = {
      cookie: `orderbridge_session=${cookie.value}`,
      'x-csrf-token': session.json<{ csrfToken: string }>().csrfToken,
    };
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server.inject({
          method: 'PUT',
          url: '/api/auth/password',
          headers,
          remoteAddress: '203.0.113.50',
          payload: { currentPassword: `guess-${i}`, newPassword: 'stolen-session-pw-1' },
        }),
      ),
    );
    const statuses = guesses.map((g) => g.statusCode);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect(guesses.find((g) => g.statusCode === 429)!.headers['retry-after']).toBe('30');
  });

  it('creates API tokens only for a logged-in user: a token gets 403', async () => {
    const session = await login(MIA.password, '198.51.100.5');
    const cookie = session.cookies.find((c) => c.name === 'orderbridge_session')!;
    const headers = {
      cookie: `orderbridge_session=${cookie.value}`,
      'x-csrf-token': session.json<{ csrfToken: string }>().csrfToken,
    };
    const created = await server.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 'erp' } });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json<{ secret: string }>().secret}` };
    const minted = await server.inject({ method: 'POST', url: '/api/tokens', headers: bearer, payload: { name: 'x' } });
    expect(minted.statusCode).toBe(403);
    expect(minted.json()).toMatchObject({ error: { code: 'api_token_needs_session' } });
    expect((await app.accounts.tokens.list(DEFAULT_ACCOUNT_ID)).map((t) => t.name)).toEqual(['erp']);
  });
});
