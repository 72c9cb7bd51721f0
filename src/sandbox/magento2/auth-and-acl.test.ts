import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  SANDBOX_MAGENTO_CONSUMER_KEY,
  SANDBOX_MAGENTO_CONSUMER_SECRET,
  oauthEncode,
  oauthSignature,
  signatureBaseString,
  startMagentoSandbox,
  type StartedMagentoSandbox,
} from './index.js';
import { magentoFetcher } from './magento-sandbox.test-support.js';

let started: StartedMagentoSandbox;

beforeAll(async () => {
  started = await startMagentoSandbox({ integrationAsBearer: false });
});
afterAll(() => started.close());
beforeEach(() => started.sandbox.reset());

/** An OAuth 1.0a Authorization header for one request (what the connector's signer must produce). */
function oauthHeader(
  method: string,
  url: string,
  algorithm: 'HMAC-SHA256' | 'HMAC-SHA1' = 'HMAC-SHA256',
  overrides: Record<string, string> = {},
): string {
  const params = new Map<string, string>([
    ['oauth_consumer_key', SANDBOX_MAGENTO_CONSUMER_KEY],
    ['oauth_token', SANDBOX_MAGENTO_ACCESS_TOKEN],
    ['oauth_signature_method', algorithm],
    ['oauth_timestamp', String(Math.floor(Date.now() / 1000))],
    ['oauth_nonce', randomBytes(8).toString('hex')],
    ['oauth_version', '1.0'],
    ...Object.entries(overrides),
  ]);
  const base = signatureBaseString(method, new URL(url), params);
  const signature = oauthSignature(
    algorithm === 'HMAC-SHA1' ? 'sha1' : 'sha256',
    base,
    SANDBOX_MAGENTO_CONSUMER_SECRET,
    SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  );
  params.set('oauth_signature', overrides.oauth_signature ?? signature);
  return `OAuth ${[...params].map(([k, v]) => `${k}="${oauthEncode(v)}"`).join(', ')}`;
}

const UNAUTHORISED = (resource: string) => ({
  message: "The consumer isn't authorized to access %resources.",
  parameters: { resources: resource },
});

describe('OAuth 1.0a signature (RFC 5849)', () => {
  it('reproduces the RFC 5849 §1.2 example (HMAC-SHA1, query parameters in the base string)', () => {
    const params = new Map([
      ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
      ['oauth_token', 'nnch734d00sl2jdk'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131202'],
      ['oauth_nonce', 'chapoH'],
    ]);
    const base = signatureBaseString(
      'GET',
      new URL('http://photos.example.net/photos?file=vacation.jpg&size=original'),
      params,
    );
    expect(base).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal',
    );
    expect(oauthSignature('sha1', base, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });
});

describe('authentication', () => {
  it('refuses the integration token as Bearer while the switch is off, accepts it when on', async () => {
    const call = magentoFetcher(started.url);
    const off = await call('GET', '/V1/store/storeConfigs');
    expect(off.status).toBe(401);
    expect(off.body).toEqual(UNAUTHORISED('Magento_Backend::store'));
    started.sandbox.setIntegrationAsBearer(true);
    expect((await call('GET', '/V1/store/storeConfigs')).status).toBe(200);
    expect((await magentoFetcher(started.url, 'wrong')('GET', '/V1/store/storeConfigs')).status).toBe(401);
    expect((await magentoFetcher(started.url, null)('GET', '/V1/store/storeConfigs')).status).toBe(401);
    expect(started.sandbox.statsSnapshot().authFailures).toBe(3);
  });

  it('accepts OAuth signed with HMAC-SHA256 and HMAC-SHA1, query parameters included', async () => {
    for (const algorithm of ['HMAC-SHA256', 'HMAC-SHA1'] as const) {
      const url = `${started.url}/rest/default/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=ext_order_id&searchCriteria[filter_groups][0][filters][0][value]=028 1%2B2`;
      const res = await fetch(url, { headers: { authorization: oauthHeader('GET', url, algorithm) } });
      expect(res.status, algorithm).toBe(200);
    }
    const url = `${started.url}/rest/default/V1/orders/1/cancel`;
    const post = await fetch(url, { method: 'POST', headers: { authorization: oauthHeader('POST', url) } });
    expect(post.status).toBe(404); // authenticated; the order does not exist
  });

  it('refuses a wrong signature, a reused nonce, an old timestamp and a wrong consumer', async () => {
    const url = `${started.url}/rest/default/V1/store/storeConfigs`;
    const get = (authorization: string) => fetch(url, { headers: { authorization } }).then((r) => r.status);
    expect(await get(oauthHeader('GET', url, 'HMAC-SHA256', { oauth_signature: 'AAAA' }))).toBe(401);
    expect(await get(oauthHeader('GET', `${url}?x=1`))).toBe(401); // signed another URL
    const once = oauthHeader('GET', url);
    expect(await get(once)).toBe(200);
    expect(await get(once)).toBe(401);
    expect(
      await get(
        oauthHeader('GET', url, 'HMAC-SHA256', { oauth_timestamp: String(Math.floor(Date.now() / 1000) - 3600) }),
      ),
    ).toBe(401);
    expect(await get(oauthHeader('GET', url, 'HMAC-SHA256', { oauth_consumer_key: 'other' }))).toBe(401);
    expect(await get(oauthHeader('GET', url, 'HMAC-SHA256', { oauth_signature_method: 'PLAINTEXT' }))).toBe(401);
  });
});

describe('ACL', () => {
  it('answers 401 naming the missing resource, per route', async () => {
    started.sandbox.setIntegrationAsBearer(true);
    started.sandbox.setAclResources(['Magento_Sales::actions_view', 'Magento_Backend::store']);
    const call = magentoFetcher(started.url);
    expect((await call('GET', '/V1/orders?searchCriteria[pageSize]=1')).status).toBe(200);
    const cancel = await call('POST', '/V1/orders/1/cancel');
    expect(cancel.status).toBe(401);
    expect(cancel.body).toEqual(UNAUTHORISED('Magento_Sales::cancel'));
    const stock = await call('GET', '/V1/inventory/get-product-salable-quantity/BOTTLE-750-SS/1');
    expect(stock.body).toEqual(UNAUTHORISED('Magento_InventoryApi::stock'));
    expect(stock.schemaErrors).toEqual([]);
    started.sandbox.setAclResources(null);
    expect((await call('GET', '/V1/inventory/get-product-salable-quantity/BOTTLE-750-SS/1')).status).toBe(200);
  });

  it('routes /rest/V1 and /rest/all/V1 to the default store; an unknown store or route is a 404', async () => {
    started.sandbox.setIntegrationAsBearer(true);
    const auth = { authorization: `Bearer ${SANDBOX_MAGENTO_ACCESS_TOKEN}` };
    expect((await fetch(`${started.url}/rest/V1/store/storeConfigs`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${started.url}/rest/all/V1/store/storeConfigs`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${started.url}/rest/nope/V1/store/storeConfigs`, { headers: auth })).status).toBe(404);
    const noRoute = await fetch(`${started.url}/rest/default/V1/nothing`, { headers: auth });
    expect(noRoute.status).toBe(404);
    expect(await noRoute.json()).toEqual({ message: 'Request does not match any route.' });
  });
});
