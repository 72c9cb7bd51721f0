import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../lib/clock.js';
import type { AppError } from '../lib/errors.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  startAmazonSandbox,
  type StartedAmazonSandbox,
} from '../sandbox/amazon/index.js';
import { LwaTokenCache } from './lwa-token-cache.js';
import { LwaTokenProvider, type LwaCredentials } from './lwa-token-provider.js';
import { OffsetClock } from './sp-api.test-support.js';

/** Login with Amazon against the sandbox's /auth/o2/token. */
describe('LwaTokenProvider', () => {
  let sandbox: StartedAmazonSandbox;
  let credentials: LwaCredentials;
  const grantlessOf = (scope: string) => ({
    lwaUrl: credentials.lwaUrl,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    scope,
  });
  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 3 });
    credentials = {
      lwaUrl: `${sandbox.url}/auth/o2/token`,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      refreshToken: SANDBOX_REFRESH_TOKEN,
    };
  });
  afterEach(async () => {
    await sandbox.close();
  });
  const issued = (): number => sandbox.sandbox.stats().lwaTokensIssued;
  const failure = async (p: LwaTokenProvider): Promise<AppError> => {
    try {
      await p.accessToken();
    } catch (error) {
      return error as AppError;
    }
    throw new Error('expected the token request to fail');
  };

  it('caches the token and shares one exchange between concurrent callers', async () => {
    const lwa = new LwaTokenProvider(credentials, systemClock, { cache: new LwaTokenCache() });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => lwa.accessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^Atza\|/);
    expect(await lwa.accessToken()).toBe(tokens[0]);
    expect(lwa.exchanges).toBe(1);
    expect(issued()).toBe(1);
  });

  it('shares the token between providers of the same (LWA URL, client id, refresh token) only', async () => {
    const cache = new LwaTokenCache();
    const a = await new LwaTokenProvider(credentials, systemClock, { cache }).accessToken();
    const b = await new LwaTokenProvider(credentials, systemClock, { cache }).accessToken();
    expect(b).toBe(a);
    expect(issued()).toBe(1);
    await LwaTokenProvider.grantless(grantlessOf('sellingpartnerapi::notifications'), systemClock, {
      cache,
    }).accessToken();
    expect(issued()).toBe(2);
  });

  it('refreshes about 5 minutes before the hour is over, not later', async () => {
    const clock = new OffsetClock();
    const lwa = new LwaTokenProvider(credentials, clock, { cache: new LwaTokenCache() });
    const first = await lwa.accessToken();
    clock.advance(54 * 60_000);
    expect(await lwa.accessToken()).toBe(first);
    clock.advance(2 * 60_000); // 56 minutes: inside the 5-minute margin
    sandbox.sandbox.advanceClock(56 * 60);
    const second = await lwa.accessToken();
    expect(second).not.toBe(first);
    expect(lwa.exchanges).toBe(2);
  });

  it('forgets a refused token (only that one) when told', async () => {
    const lwa = new LwaTokenProvider(credentials, systemClock, { cache: new LwaTokenCache() });
    const first = await lwa.accessToken();
    lwa.invalidate('Atza|some-older-token');
    expect(await lwa.accessToken()).toBe(first);
    lwa.invalidate(first);
    expect(await lwa.accessToken()).not.toBe(first);
    expect(lwa.exchanges).toBe(2);
  });

  it('names a bad client secret and a revoked refresh token, without leaking secrets', async () => {
    const badSecret = await failure(
      new LwaTokenProvider({ ...credentials, clientSecret: 'amzn1.oa2-cs.v1.WRONG' }, systemClock, {
        cache: new LwaTokenCache(),
      }),
    );
    expect(badSecret).toMatchObject({ code: 'amazon_auth_invalid_client', kind: 'auth', retryable: false });
    expect(badSecret.message).toBe('Amazon rejected the LWA client id or client secret');
    expect(badSecret.details.lwaError).toBe('invalid_client');

    sandbox.sandbox.revokeRefreshToken(SANDBOX_REFRESH_TOKEN);
    const revoked = await failure(new LwaTokenProvider(credentials, systemClock, { cache: new LwaTokenCache() }));
    expect(revoked).toMatchObject({ code: 'amazon_auth_refresh_revoked', kind: 'auth', retryable: false });
    expect(revoked.message).toContain('re-authorise the connection');
    for (const error of [badSecret, revoked]) {
      const text = JSON.stringify({ ...error.toJSON(), stack: error.stack, cause: String(error.cause) });
      expect(text).not.toContain('WRONG');
      expect(text).not.toContain(SANDBOX_CLIENT_SECRET);
      expect(text).not.toContain(SANDBOX_REFRESH_TOKEN);
    }
  });

  it('reports LWA outages, malformed answers and unreachable hosts as retryable', async () => {
    const fresh = (over: Partial<LwaCredentials> = {}) =>
      new LwaTokenProvider({ ...credentials, ...over }, systemClock, { cache: new LwaTokenCache() });
    sandbox.sandbox.setFaults({ lwaToken: { errorRates: { '503': 1 } } });
    expect(await failure(fresh())).toMatchObject({ code: 'amazon_unavailable', retryable: true });
    sandbox.sandbox.setFaults({ lwaToken: { malformedRate: 1 } });
    expect(await failure(fresh())).toMatchObject({ code: 'amazon_malformed_response', retryable: true });
    sandbox.sandbox.setFaults({});
    const closed = await startAmazonSandbox();
    await closed.close();
    const down = await failure(fresh({ lwaUrl: `${closed.url}/auth/o2/token` }));
    expect(down).toMatchObject({ code: 'amazon_unavailable', retryable: true });
    expect(JSON.stringify(down.cause)).not.toContain(SANDBOX_REFRESH_TOKEN);
  });

  it('gets grantless tokens (client_credentials with a scope) and names a bad scope', async () => {
    const grantless = LwaTokenProvider.grantless(grantlessOf('sellingpartnerapi::notifications'), systemClock, {
      cache: new LwaTokenCache(),
    });
    expect(await grantless.accessToken()).toMatch(/^Atza\|/);
    const badScope = await failure(
      LwaTokenProvider.grantless(grantlessOf('sellingpartnerapi::everything'), systemClock, {
        cache: new LwaTokenCache(),
      }),
    );
    expect(badScope).toMatchObject({ code: 'amazon_auth_failed', kind: 'auth', retryable: false });
    expect(badScope.details.lwaError).toBe('invalid_scope');
  });
});
