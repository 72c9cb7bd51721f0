import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { sandboxConnectionInput, startDemo, type Demo } from '../../src/app/demo.js';
import { silentLogger } from '../../src/lib/logger.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { SANDBOX_SELLER_ID, startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { DE, openTestApp, testConfig } from '../helpers/test-app.js';
import { freeSandboxPort } from '../helpers/free-ports.js';

interface ErrorJson {
  error: { code: string; message: string; details: Record<string, unknown> };
}
interface Availability {
  available: boolean;
  message?: string;
  existingConnectionId?: string;
}

/**
 * One active order connection per Amazon seller account + marketplace in the installation: a
 * second one (same account or another) is refused with 409 connection_duplicate naming the first
 * only to its own account; parallel requests cannot slip past the database's unique index.
 */
describeEachDatabase('duplicate connections are refused', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;
  let server: FastifyInstance;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 21, rateScale: 1000 });
    app = await openTestApp(ctx.url());
    server = await buildHttpServer({ app, requestSync: () => Promise.resolve('unused') });
    await authorize(server, app);
  });
  afterEach(async () => {
    await server.close();
    await app.close();
    await sandbox.close();
  });

  const input = (name: string, active = true, marketplaceId = 'DE') =>
    sandboxConnectionInput(sandbox.url, { name, marketplaceId, active });
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await server.inject({ method, url, ...(payload && { payload: payload as Record<string, unknown> }) });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const availability = (sellerId: string, marketplace = 'DE') =>
    call<Availability>('GET', `/api/connections/seller-availability?sellerId=${sellerId}&marketplace=${marketplace}`);
  const activeOfSeller = async () =>
    (
      await app.db
        .selectFrom('connections')
        .select('id')
        .where('seller_id', '=', SANDBOX_SELLER_ID)
        .where('marketplace_id', '=', DE)
        .where('active', '=', 1)
        .execute()
    ).map((r) => r.id);

  it('refuses a second active connection in the same account, naming the first; a disabled one waits', async () => {
    const first = await call<{ id: string }>('POST', '/api/connections', input('first'));
    expect(first.status).toBe(201);
    expect(await availability(SANDBOX_SELLER_ID)).toMatchObject({
      status: 200,
      body: { available: false, existingConnectionId: first.body.id },
    });

    const second = await call<ErrorJson>('POST', '/api/connections', input('second'));
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'connection_duplicate',
      details: { existingConnectionId: first.body.id, sellerId: SANDBOX_SELLER_ID },
    });
    expect(second.body.error.message).toContain(
      `Amazon seller ${SANDBOX_SELLER_ID} on Amazon.de is already connected by connection "first"`,
    );

    // A disabled one may be prepared, but activating it is refused while "first" is active.
    const disabled = await call<{ id: string }>('POST', '/api/connections', input('second', false));
    expect(disabled.status).toBe(201);
    const activate = await call<ErrorJson>('PATCH', `/api/connections/${disabled.body.id}`, { active: true });
    expect(activate.status).toBe(409);
    expect(activate.body.error.message).toContain('already connected by connection "first"');
    // Another marketplace of the same seller is another connection.
    expect((await call('POST', '/api/connections', input('first-us', true, 'US'))).status).toBe(201);

    // Switching over: deactivate the first, then the second may be activated (and the first no more).
    expect((await call('PATCH', `/api/connections/${first.body.id}`, { active: false })).status).toBe(200);
    expect((await call('PATCH', `/api/connections/${disabled.body.id}`, { active: true })).status).toBe(200);
    const back = await call<ErrorJson>('PATCH', `/api/connections/${first.body.id}`, { active: true });
    expect(back.body.error.message).toContain('already connected by connection "second"');
    expect(await activeOfSeller()).toEqual([disabled.body.id]);
    const hint = await availability(SANDBOX_SELLER_ID, 'FR');
    expect(hint.body).toEqual({ available: true });
  });

  it('refuses it when another account holds the seller, without naming that account or its connection', async () => {
    const other = await app.accounts.accounts.create({ name: 'Other Trading', planId: 'business' }, 'test');
    if (!other.ok) throw other.error;
    const theirs = await app.connections.add(other.value.account.id, input('their-shop'), 'test');
    if (!theirs.ok) throw theirs.error;

    const mine = await call<ErrorJson>('POST', '/api/connections', input('my-shop'));
    expect(mine.status).toBe(409);
    expect(mine.body.error.code).toBe('connection_duplicate');
    expect(mine.body.error.message).toContain('is already connected by another account of this installation');
    const seen = await availability(SANDBOX_SELLER_ID);
    expect(seen.body).toMatchObject({ available: false });
    for (const text of [JSON.stringify(mine.body), JSON.stringify(seen.body)]) {
      expect(text).not.toContain(theirs.value.id);
      expect(text).not.toContain('their-shop');
      expect(text).not.toContain('Other Trading');
      expect(text).not.toContain(other.value.account.id);
    }
    // Disabled in my account: activation refused the same way; the wizard hints at my own connection.
    const disabled = await call<{ id: string }>('POST', '/api/connections', input('my-shop', false));
    const activate = await call<ErrorJson>('PATCH', `/api/connections/my-shop`, { active: true });
    expect(activate.status).toBe(409);
    expect(activate.body.error.message).toContain('another account of this installation');
    await app.connections.update(other.value.account.id, theirs.value.id, { active: false }, 'test');
    expect((await availability(SANDBOX_SELLER_ID)).body).toMatchObject({
      available: true,
      existingConnectionId: disabled.body.id,
      message: expect.stringContaining('Connection "my-shop" (disabled)') as unknown,
    });
    expect((await availability('not a seller')).status).toBe(400);
    expect((await availability(SANDBOX_SELLER_ID, 'XX')).body).toMatchObject({
      error: { code: 'marketplace_unknown' },
    });
  });

  it('lets exactly one of 10 parallel adds, and of 10 parallel activations, win; the others get 409', async () => {
    const adds = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call<ErrorJson>('POST', '/api/connections', input(`parallel-${i}`))),
    );
    expect(adds.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    for (const refused of adds.filter((r) => r.status === 409))
      expect(refused.body.error.code).toBe('connection_duplicate');
    const winner = await activeOfSeller();
    expect(winner).toHaveLength(1);

    const drafts = [];
    for (let i = 0; i < 10; i++) {
      drafts.push((await call<{ id: string }>('POST', '/api/connections', input(`draft-${i}`, false))).body.id);
    }
    await call('PATCH', `/api/connections/${winner[0]}`, { active: false });
    const activations = await Promise.all(
      drafts.map((id) => call<ErrorJson>('PATCH', `/api/connections/${id}`, { active: true })),
    );
    expect(activations.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
    for (const refused of activations.filter((r) => r.status === 409)) {
      expect(refused.body.error.code).toBe('connection_duplicate');
    }
    expect(await activeOfSeller()).toHaveLength(1);
  });
});

/** `npm start` again after another account connected the demo's sandbox seller: it starts, its connection disabled. */
describeEachDatabase('demo restart beside another connection of its seller', (ctx) => {
  it('keeps the demo connection disabled instead of failing the start', async () => {
    const sandboxPort = await freeSandboxPort();
    const app = await openApp({ ...testConfig(ctx.url()), sandboxPort }, { logger: silentLogger });
    let demo: Demo | null = await startDemo(app);
    try {
      const off = await app.connections.update(app.accountId, demo.connectionId, { active: false }, 'test');
      if (!off.ok) throw off.error;
      const other = await app.accounts.accounts.create({ name: 'Acme Trading', planId: 'business' }, 'test');
      if (!other.ok) throw other.error;
      const acme = await app.connections.add(
        other.value.account.id,
        sandboxConnectionInput(demo.sandboxUrl, { name: 'acme', marketplaceId: DE }),
        'test',
      );
      if (!acme.ok) throw acme.error;
      await demo.stop();
      demo = null;
      demo = await startDemo(app);
      expect(await app.connections.get(app.accountId, demo.connectionId)).toMatchObject({ value: { active: false } });
      expect(await app.connections.get(other.value.account.id, acme.value.id)).toMatchObject({
        value: { active: true },
      });
    } finally {
      await demo?.stop();
      await app.close();
    }
  });
});
