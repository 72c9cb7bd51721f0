import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApp } from '../../src/app/app-context.js';
import { SANDBOX_CLIENT_SECRET, SANDBOX_REFRESH_TOKEN } from '../../src/sandbox/amazon/index.js';
import type { App } from '../../src/app/app-context.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp, testConfig, US } from '../helpers/test-app.js';

/** Connections: validation, per-marketplace defaults, sealed secrets and the audit log, on both databases. */
describeEachDatabase('connections', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 1, enforceRateLimits: false });
    app = await openTestApp(ctx.url());
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  it('applies the marketplace defaults of the Orders Configuration', async () => {
    const de = await addSandboxConnection(app, sandbox, { name: 'de' });
    const us = await addSandboxConnection(app, sandbox, { name: 'us', marketplaceId: US });
    expect(de.config.taxIncluded).toBe(true);
    expect(us.config.taxIncluded).toBe(false);
    expect(de.config).toMatchObject({
      unknownSkuPolicy: 'hold',
      facilitatorTax: 'drop',
      cancellationReason: 'NoInventory',
      pollIntervalMinutes: 5,
    });
    expect(de.region).toBe('EU');
    expect(us.region).toBe('NA');
  });

  it('stores secrets sealed, shows only their last 4 characters, and audits every change', async () => {
    const c = await addSandboxConnection(app, sandbox);
    const row = await app.db
      .selectFrom('connections')
      .select('secrets_encrypted')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.secrets_encrypted).not.toContain('sandbox');
    expect(c.clientSecretHint).toBe(`****${'amzn1.oa2-cs.v1.sandbox-secret'.slice(-4)}`);
    expect(JSON.stringify(c)).not.toContain('sandbox-refresh-token');

    const updated = await app.connections.update(
      app.accountId,
      c.name,
      { config: { stockBuffer: 3 }, refreshToken: 'Atzr|new-token-9999' },
      'alice',
    );
    expect(updated.ok && updated.value.refreshTokenHint).toBe('****9999');
    expect(updated.ok && updated.value.config.stockBuffer).toBe(3);
    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', c.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['connection.created', 'connection.updated']);
    expect(audit[1]?.actor).toBe('alice');
    expect(audit.map((a) => `${a.before_json ?? ''}${a.after_json ?? ''}`).join('')).not.toContain('new-token');
  });

  it('rejects invalid configuration with every problem named, and keeps the stored one', async () => {
    const c = await addSandboxConnection(app, sandbox);
    const result = await app.connections.update(
      app.accountId,
      c.id,
      {
        config: {
          orderTypes: [],
          pollIntervalMinutes: 0,
          cancellationReason: 'Because',
          skuCrop: { regex: { pattern: '(a*)*b', replacement: '' } },
        },
      },
      'test',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('orders_config_invalid');
    const paths = (result.error.details.issues as Array<{ path: string }>).map((i) => i.path).join(' ');
    for (const field of ['orderTypes', 'pollIntervalMinutes', 'cancellationReason', 'skuCrop'])
      expect(paths).toContain(field);
    const stored = await app.connections.get(app.accountId, c.id);
    expect(stored.ok && stored.value.config.pollIntervalMinutes).toBe(5);
  });

  it('rejects duplicate names, unknown marketplaces and malformed credentials', async () => {
    await addSandboxConnection(app, sandbox, { name: 'one' });
    await expect(addSandboxConnection(app, sandbox, { name: 'one' })).rejects.toMatchObject({
      code: 'connection_name_taken',
    });
    await expect(addSandboxConnection(app, sandbox, { name: 'two', marketplaceId: 'ZZ' })).rejects.toMatchObject({
      code: 'marketplace_unknown',
    });
    const bad = await app.connections.add(
      app.accountId,
      {
        name: 'three',
        marketplaceId: US,
        sellerId: 'x',
        clientId: 'c',
        clientSecret: 's',
        refreshToken: 'nope',
        spApiBaseUrl: 'ftp://x',
      },
      'test',
    );
    expect(!bad.ok && bad.error.code).toBe('connection_invalid');
    expect(!bad.ok && bad.error.message).toMatch(/sellerId.*refreshToken.*spApiBaseUrl/s);
  });

  it('never writes a secret or an access token to the logs, even at trace level', async () => {
    let logs = '';
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((logs += chunk.toString()), done()) });
    const traced = await openApp(testConfig(ctx.url()), { logger: pino({ level: 'trace' }, sink) });
    try {
      sandbox.sandbox.generateOrders({ count: 5, marketplaceId: DE });
      const c = await addSandboxConnection(traced, sandbox, { name: 'traced' });
      const run = await traced.importOrders(c.id, { trigger: 'manual' });
      expect(run.ok).toBe(true);
      sandbox.sandbox.setFaults({ searchOrders: { errorRates: { '503': 1 } } });
      await traced.importOrders(c.id, { trigger: 'manual' });
    } finally {
      await traced.close();
    }
    expect(logs).toContain('amazon call');
    for (const secret of [SANDBOX_CLIENT_SECRET, SANDBOX_REFRESH_TOKEN, 'Atza|']) expect(logs).not.toContain(secret);
  });
});
