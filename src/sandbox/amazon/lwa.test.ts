import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAmazonJson } from './fixture-files.js';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_REFRESH_TOKEN } from './sandbox-constants.js';
import { startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

type TokenBody = {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  error?: string;
  error_description?: string;
};

const refreshGrant = {
  grant_type: 'refresh_token',
  refresh_token: SANDBOX_REFRESH_TOKEN,
  client_id: SANDBOX_CLIENT_ID,
  client_secret: SANDBOX_CLIENT_SECRET,
};
const grantless = {
  grant_type: 'client_credentials',
  scope: 'sellingpartnerapi::notifications',
  client_id: SANDBOX_CLIENT_ID,
  client_secret: SANDBOX_CLIENT_SECRET,
};

describe('LWA token endpoint', () => {
  let s: TestSandbox;
  const form = (fields: Record<string, string>) =>
    s.request<TokenBody>('/auth/o2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams(fields).toString(),
    });
  const json = (fields: Record<string, string>) =>
    s.request<TokenBody>('/auth/o2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    });

  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(() => s.close());

  it.each([
    ['form', 'refresh_token', refreshGrant],
    ['JSON', 'refresh_token', refreshGrant],
    ['form', 'client_credentials', grantless],
    ['JSON', 'client_credentials', { ...grantless, scope: 'sellingpartnerapi::client_credential:rotation' }],
  ])('issues a token for a %s %s grant', async (encoding, grant, fields) => {
    const res = await (encoding === 'form' ? form : json)(fields);
    expect(res.status).toBe(200);
    expect(res.json.access_token).toMatch(/^Atza\|/);
    expect(res.json).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(res.json.refresh_token).toBe(grant === 'refresh_token' ? SANDBOX_REFRESH_TOKEN : undefined);
    expect(Object.keys(res.json).sort()).toEqual(
      Object.keys(loadAmazonJson<object>('lwa.token.response.json'))
        .filter((k) => grant === 'refresh_token' || k !== 'refresh_token')
        .sort(),
    );
  });

  it.each<[string, Record<string, string>, number, string]>([
    ['unknown client', { ...refreshGrant, client_id: 'amzn1.application-oa2-client.nope' }, 401, 'invalid_client'],
    ['wrong secret', { ...refreshGrant, client_secret: 'wrong' }, 401, 'invalid_client'],
    ['wrong secret (grantless)', { ...grantless, client_secret: 'wrong' }, 401, 'invalid_client'],
    ['unknown refresh token', { ...refreshGrant, refresh_token: 'Atzr|unknown' }, 400, 'invalid_grant'],
    [
      'missing refresh token',
      { grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET },
      400,
      'invalid_request',
    ],
    [
      'missing client secret',
      { grant_type: 'refresh_token', refresh_token: SANDBOX_REFRESH_TOKEN, client_id: SANDBOX_CLIENT_ID },
      400,
      'invalid_request',
    ],
    ['missing grant type', { refresh_token: SANDBOX_REFRESH_TOKEN }, 400, 'invalid_request'],
    ['missing scope', { ...grantless, scope: '' }, 400, 'invalid_request'],
    ['bad scope', { ...grantless, scope: 'sellingpartnerapi::orders' }, 400, 'invalid_scope'],
    ['unsupported grant', { ...refreshGrant, grant_type: 'password' }, 400, 'unsupported_grant_type'],
  ])('answers %s with Amazon’s error shape', async (_name, fields, status, error) => {
    for (const send of [form, json]) {
      const res = await send(fields);
      expect(res.status).toBe(status);
      expect(res.json.error).toBe(error);
      expect(typeof res.json.error_description).toBe('string');
      expect(Object.keys(res.json).sort()).toEqual(['error', 'error_description']);
    }
  });

  it('matches the invalid_grant fixture exactly', async () => {
    const res = await form({ ...refreshGrant, refresh_token: 'Atzr|revoked' });
    expect(res.json).toEqual(loadAmazonJson('lwa.token.error.invalid_grant.json'));
  });

  it('refuses revoked refresh tokens and the access tokens issued from them', async () => {
    s.sandbox.addSeller({ sellerId: 'A3OTHERSELLER', refreshToken: 'Atzr|other-1' });
    const before = await form({ ...refreshGrant, refresh_token: 'Atzr|other-1' });
    const access = before.json.access_token ?? '';
    expect(s.sandbox.revokeRefreshToken('Atzr|other-1')).toBe(true);
    expect((await form({ ...refreshGrant, refresh_token: 'Atzr|other-1' })).json.error).toBe('invalid_grant');
    const call = await s.request('/orders/2026-01-01/orders/111-0000000-0000000', {
      headers: { 'x-amz-access-token': access },
    });
    expect(call.status).toBe(403);
  });

  it('binds access tokens to the seller; a grantless token cannot read orders', async () => {
    const [id] = s.sandbox.generateOrders({ count: 1 });
    s.sandbox.addSeller({ sellerId: 'A4THIRD', refreshToken: 'Atzr|third-1' });
    const third = (await form({ ...refreshGrant, refresh_token: 'Atzr|third-1' })).json.access_token ?? '';
    const other = await s.request(`/orders/2026-01-01/orders/${id ?? ''}`, {
      headers: { 'x-amz-access-token': third },
    });
    expect(other.status).toBe(404);
    const app = (await form(grantless)).json.access_token ?? '';
    const denied = await s.request(`/orders/2026-01-01/orders/${id ?? ''}`, { headers: { 'x-amz-access-token': app } });
    expect(denied.status).toBe(403);
  });

  it('lets an access token expire after 3600 s of sandbox time', async () => {
    const [id] = s.sandbox.generateOrders({ count: 1 });
    const access = (await form(refreshGrant)).json.access_token ?? '';
    const call = () =>
      s.request(`/orders/2026-01-01/orders/${id ?? ''}`, { headers: { 'x-amz-access-token': access } });
    expect((await call()).status).toBe(200);
    s.sandbox.advanceClock(3599);
    expect((await call()).status).toBe(200);
    s.sandbox.advanceClock(2);
    const expired = await call();
    expect(expired.status).toBe(403);
    expect(expired.json).toEqual({
      errors: [
        {
          code: 'Unauthorized',
          message: 'Access to requested resource is denied.',
          details: 'The access token you provided has expired.',
        },
      ],
    });
    expect(expired.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    const none = await s.request(`/orders/2026-01-01/orders/${id ?? ''}`);
    expect(none.json).toEqual(loadAmazonJson('error.403.Unauthorized.expiredOrInvalidToken.json'));
    expect(s.sandbox.stats().lwaTokensIssued).toBeGreaterThan(5);
  });
});
