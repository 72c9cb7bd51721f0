import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spApiError, type SpApiRequestContext } from './sp-api-errors.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/amazon/${name}`, import.meta.url), 'utf8')) as unknown;
const ctx = (query = '', baseUrl = 'https://sellingpartnerapi-eu.amazon.com'): SpApiRequestContext => ({
  operation: 'searchOrders',
  baseUrl,
  query: new URLSearchParams(query),
  requestId: 'req-1',
});
const errors = (code: string, message: string, details = '') => ({ errors: [{ code, message, details }] });

describe('spApiError (final SP-API failures → AppError codes)', () => {
  it("maps Amazon's observed 403 and 429 bodies", () => {
    const refused = spApiError(403, fixture('error.403.Unauthorized.expiredOrInvalidToken.json'), ctx());
    expect(refused).toMatchObject({ code: 'amazon_auth_token_invalid', kind: 'auth', retryable: false });
    expect(refused.message).toContain('revoked, malformed or invalid');
    expect(refused.message).toMatch(/wrong region\?/i);
    expect(refused.details).toMatchObject({ operation: 'searchOrders', status: 403, requestId: 'req-1' });

    const throttled = spApiError(429, fixture('error.429.QuotaExceeded.json'), ctx());
    expect(throttled).toMatchObject({ code: 'amazon_throttled', kind: 'rate_limited', retryable: true });
  });

  it('says "wrong region" outright when the request names a marketplace of another region', () => {
    const body = fixture('error.403.Unauthorized.json');
    const us = spApiError(403, body, ctx('marketplaceIds=ATVPDKIKX0DER', 'https://sellingpartnerapi-eu.amazon.com'));
    expect(us.code).toBe('amazon_auth_token_invalid');
    expect(us.message).toContain('Wrong region: marketplace US (ATVPDKIKX0DER) is served by the NA endpoint');
    expect(us.message).toContain('https://sellingpartnerapi-na.amazon.com');
    const sandboxHost = spApiError(403, body, ctx('marketplaceIds=A1VC38T7YXB528', SANDBOX_EU));
    expect(sandboxHost.message).toContain('served by the FE endpoint');
    const same = spApiError(403, body, ctx('marketplaceIds=A1PA6795UKMFR9'));
    expect(same.message).not.toContain('Wrong region:');
  });

  it('tells a missing role from a refused token', () => {
    const role = spApiError(
      403,
      errors(
        'Unauthorized',
        'Access to requested resource is denied.',
        'RECIPIENT requires the Direct-to-Consumer Delivery (Restricted) role.',
      ),
      ctx(),
    );
    expect(role).toMatchObject({ code: 'amazon_forbidden_role', kind: 'auth', retryable: false });
    expect(role.message).toContain('Direct-to-Consumer Delivery');
  });

  it('maps 400, an expired page token, 404, 5xx and the rest', () => {
    const invalid = spApiError(400, errors('InvalidInput', 'createdAfter must be at least 2 minutes ago'), ctx());
    expect(invalid).toMatchObject({ code: 'amazon_invalid_input', kind: 'invalid', retryable: false });
    expect(invalid.details.errors).toEqual([
      { code: 'InvalidInput', message: 'createdAfter must be at least 2 minutes ago', details: '' },
    ]);
    const expired = spApiError(
      400,
      errors('InvalidInput', 'The paginationToken has expired; pagination tokens are valid for 24 hours.'),
      ctx('paginationToken=abc'),
    );
    expect(expired).toMatchObject({ code: 'amazon_pagination_token_expired', retryable: true });
    expect(spApiError(404, errors('NotFound', 'No order'), ctx())).toMatchObject({
      code: 'amazon_not_found',
      kind: 'not_found',
    });
    for (const status of [500, 502, 503, 504]) {
      expect(spApiError(status, null, ctx())).toMatchObject({ code: 'amazon_unavailable', retryable: true });
    }
    expect(spApiError(413, errors('RequestEntityTooLarge', 'too big'), ctx())).toMatchObject({
      code: 'amazon_request_failed',
      retryable: false,
    });
  });
});

const SANDBOX_EU = 'https://sandbox.sellingpartnerapi-eu.amazon.com';
