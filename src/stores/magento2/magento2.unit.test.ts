import { describe, expect, it } from 'vitest';
import { carrierOf } from './magento2-carriers.js';
import { attribute, formatItemIds, parseItemIds } from './magento2-item-ids.js';
import { fillMessage, httpError } from './magento2.errors.js';
import { oauthHeader, percentEncode, signatureBaseString } from './magento2-oauth.js';
import { planMoney } from './magento2-order.money.js';
import { fromMagentoTime, searchParams, toMagentoTime } from './magento2-search.js';
import { magento2SecretsSchema, normaliseMagentoUrl } from './magento2.settings.js';
import { deDraft, draft, item, usDraft } from './magento2.test-support.js';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

describe('money: Amazon amounts as Magento order fields', () => {
  it('DE (VAT included): 3 × for 10.00 → 2 × 3.33 + 1 × 3.34 gross, rows and totals to the cent', () => {
    const plan = must(planMoney(deDraft('BOTTLE-750-SS')));
    expect(plan.items.map((i) => [i.qty, i.priceInclTax, i.price, i.rowTotalInclTax, i.rowTotal, i.taxAmount])).toEqual(
      [
        [2, '3.3300', '2.7950', '6.66', '5.59', '1.07'],
        [1, '3.3400', '2.8100', '3.34', '2.81', '0.53'],
      ],
    );
    expect(plan.items.every((i) => i.taxPercent === '19' && i.item.orderItemId === 'item-1')).toBe(true);
    expect(plan.shipping).toEqual({ amount: '4.19', tax: '0.80', inclTax: '4.99', taxPercent: '19' });
    expect([plan.subtotal, plan.subtotalInclTax, plan.taxAmount, plan.discountAmount, plan.grandTotal]).toEqual([
      '8.40',
      '10.00',
      '2.40',
      '0.00',
      '14.99',
    ]);
  });

  it('US (tax on top): net unit price 12.99, tax 2.14 on the row, total 33.12', () => {
    const plan = must(planMoney(usDraft('CABLE')));
    expect(
      plan.items.map((i) => [i.qty, i.price, i.priceInclTax, i.rowTotal, i.rowTotalInclTax, i.taxAmount, i.taxPercent]),
    ).toEqual([[2, '12.9900', '14.0600', '25.98', '28.12', '2.14', '8.25']]);
    expect([plan.subtotal, plan.shipping.amount, plan.taxAmount, plan.grandTotal]).toEqual([
      '25.98',
      '5.00',
      '2.14',
      '33.12',
    ]);
  });

  it('a promotion of an item is that item’s discount; gift wrap goes into shipping with a comment; shipping discount folded', () => {
    const d = draft({
      items: [item('BOTTLE', 2, { net: '33.61', tax: '6.39', gross: '40.00', rate: '19' })],
      charges: [
        {
          kind: 'discount',
          orderItemId: 'item-1',
          title: 'Promotion P1',
          net: '-4.20',
          tax: '-0.80',
          gross: '-5.00',
          taxRate: '19',
        },
        { kind: 'shipping', title: 'Shipping', net: '2.52', tax: '0.48', gross: '3.00', taxRate: '19' },
        {
          kind: 'discount',
          title: 'Shipping discount – Item 1',
          net: '-2.52',
          tax: '-0.48',
          gross: '-3.00',
          taxRate: '19',
        },
        { kind: 'gift_wrap', title: 'Gift wrap', net: '2.10', tax: '0.40', gross: '2.50', taxRate: '19' },
      ],
      totals: { net: '31.51', tax: '5.99', gross: '37.50' },
    });
    const plan = must(planMoney(d));
    expect(
      plan.items.map((i) => [i.rowTotalInclTax, i.discountAmount, i.discountTaxCompensation, i.taxAmount]),
    ).toEqual([['40.00', '5.00', '0.80', '5.59']]);
    expect(plan.shipping).toEqual({ amount: '2.10', tax: '0.40', inclTax: '2.50', taxPercent: '19' });
    expect(plan.foldedCharges.map((c) => c.kind)).toEqual(['gift_wrap']);
    expect([plan.discountAmount, plan.grandTotal]).toEqual(['-5.00', '37.50']);
  });

  it('an order-level discount is spread over the items by amount (US: net discount, tax after it)', () => {
    const d = usDraft('A', {
      items: [
        item('A', 1, { net: '10.00', tax: '0.80', gross: '10.80', rate: '8' }, '1'),
        item('B', 1, { net: '30.00', tax: '2.40', gross: '32.40', rate: '8' }, '2'),
      ],
      charges: [{ kind: 'discount', title: 'Promotion', net: '-4.00', tax: '-0.32', gross: '-4.32', taxRate: '8' }],
      totals: { net: '36.00', tax: '2.88', gross: '38.88' },
    });
    const plan = must(planMoney(d));
    expect(plan.items.map((i) => [i.discountAmount, i.taxAmount])).toEqual([
      ['1.00', '0.72'],
      ['3.00', '2.16'],
    ]);
    expect([plan.discountAmount, plan.discountTaxCompensation, plan.grandTotal]).toEqual(['-4.00', '0.00', '38.88']);
  });

  it('JPY (no minor unit): 3 × for 1000 → 2 × 333 + 1 × 334', () => {
    const d = draft({
      currency: 'JPY',
      items: [item('X', 3, { net: '910', tax: '90', gross: '1000', rate: '10' })],
      totals: { net: '910', tax: '90', gross: '1000' },
    });
    const plan = must(planMoney(d));
    expect(plan.items.map((i) => [i.qty, i.priceInclTax, i.rowTotalInclTax])).toEqual([
      [2, '333.0000', '666'],
      [1, '334.0000', '334'],
    ]);
    expect(plan.grandTotal).toBe('1000');
  });

  it('refuses lines that do not add up to Amazon’s total, and a discount larger than its item', () => {
    const mismatch = planMoney(deDraft('X', { totals: { net: '1', tax: '1', gross: '15.00' } }));
    expect(mismatch.ok ? null : mismatch.error.code).toBe('magento2_total_mismatch');
    const big = planMoney(
      draft({
        items: [item('X', 1, { net: '1.00', tax: '0.00', gross: '1.00', rate: null })],
        charges: [
          {
            kind: 'discount',
            orderItemId: 'item-1',
            title: 'P',
            net: '-2.00',
            tax: '0',
            gross: '-2.00',
            taxRate: null,
          },
        ],
        totals: { net: '-1.00', tax: '0', gross: '-1.00' },
      }),
    );
    expect(big.ok ? null : big.error.code).toBe('magento2_order_unrepresentable');
  });
});

describe('OAuth 1.0a signing (RFC 5849)', () => {
  const credentials = {
    consumerKey: 'dpf43f3p2l4k3l03',
    consumerSecret: 'kd94hf93k423kf44',
    accessToken: 'nnch734d00sl2jdk',
    accessTokenSecret: 'pfkkdhi9sl3r4s00',
  };

  it('signs the §1.2 example (HMAC-SHA1) exactly as the RFC shows', () => {
    const header = oauthHeader({
      method: 'GET',
      url: new URL('http://photos.example.net/photos?file=vacation.jpg&size=original'),
      credentials,
      timestamp: 137131202,
      nonce: 'chapoH',
      signatureMethod: 'HMAC-SHA1',
      version: null,
    });
    expect(header).toContain('oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"');
  });

  it('base string: lower-case host, no default port, query parameters sorted and encoded (brackets too)', () => {
    const url = new URL('HTTPS://Shop.Example:443/rest/default/V1/orders?searchCriteria%5BpageSize%5D=1&b=%20x');
    expect(signatureBaseString('get', url, { oauth_nonce: 'n' })).toBe(
      'GET&https%3A%2F%2Fshop.example%2Frest%2Fdefault%2FV1%2Forders&b%3D%2520x%26oauth_nonce%3Dn%26searchCriteria%255BpageSize%255D%3D1',
    );
    expect(percentEncode("a!*'()~ é")).toBe('a%21%2A%27%28%29~%20%C3%A9');
  });

  it('Magento’s default: HMAC-SHA256 with oauth_version 1.0', () => {
    const header = oauthHeader({
      method: 'GET',
      url: new URL('https://m.example/rest/V1/x'),
      credentials,
      timestamp: 1,
      nonce: 'n',
    });
    expect(header).toMatch(
      /^OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="n", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1", oauth_token="nnch734d00sl2jdk", oauth_version="1.0", oauth_signature="[^"]{44,}"$/,
    );
  });
});

describe('settings', () => {
  it.each([
    ['https://shop.example/', 'https://shop.example'],
    [' https://shop.example/rest/default/V1/ ', 'https://shop.example'],
    ['https://shop.example/magento/rest', 'https://shop.example/magento'],
    ['https://shop.example/index.php/rest/V1', 'https://shop.example/index.php'],
    ['https://shop.example/index.php/rest/de_store', 'https://shop.example/index.php'],
    ['https://shop.example/rest/default/V1/orders?searchCriteria=1', 'https://shop.example'],
    ['https://shop.example/rest/V1/products/abc', 'https://shop.example'],
  ])('normaliseMagentoUrl(%j) = %j', (input, expected) => {
    expect(normaliseMagentoUrl(input)).toBe(expected);
  });

  it('secrets: a token alone (Bearer) or all four credentials (OAuth); anything else is explained', () => {
    expect(magento2SecretsSchema.safeParse({ accessToken: 't' }).success).toBe(true);
    const four = { consumerKey: 'a', consumerSecret: 'b', accessToken: 'c', accessTokenSecret: 'd' };
    expect(magento2SecretsSchema.safeParse(four).success).toBe(true);
    const half = magento2SecretsSchema.safeParse({ consumerKey: 'a', accessToken: 'c' });
    expect(half.success ? '' : half.error.issues[0]?.message).toMatch(/either accessToken .* or all four/);
  });
});

describe('searchCriteria, times, errors, carriers', () => {
  it('filters in a group are OR, groups AND; pageSize never above 300', () => {
    const params = searchParams({
      groups: [
        [
          { field: 'sku', value: 'A' },
          { field: 'sku', value: 'B' },
        ],
        [{ field: 'type_id', value: 'simple,virtual', conditionType: 'in' }],
      ],
      sort: [{ field: 'updated_at', direction: 'ASC' }],
      pageSize: 1000,
    });
    expect(Object.fromEntries(params)).toEqual({
      'searchCriteria[filter_groups][0][filters][0][field]': 'sku',
      'searchCriteria[filter_groups][0][filters][0][value]': 'A',
      'searchCriteria[filter_groups][0][filters][0][condition_type]': 'eq',
      'searchCriteria[filter_groups][0][filters][1][field]': 'sku',
      'searchCriteria[filter_groups][0][filters][1][value]': 'B',
      'searchCriteria[filter_groups][0][filters][1][condition_type]': 'eq',
      'searchCriteria[filter_groups][1][filters][0][field]': 'type_id',
      'searchCriteria[filter_groups][1][filters][0][value]': 'simple,virtual',
      'searchCriteria[filter_groups][1][filters][0][condition_type]': 'in',
      'searchCriteria[sortOrders][0][field]': 'updated_at',
      'searchCriteria[sortOrders][0][direction]': 'ASC',
      'searchCriteria[pageSize]': '300',
      'searchCriteria[currentPage]': '1',
    });
    expect(toMagentoTime('2026-12-06T21:05:09.123Z')).toBe('2026-12-06 21:05:09');
    expect(fromMagentoTime('2026-12-06 21:05:09')).toBe('2026-12-06T21:05:09.000Z');
  });

  it('fills %1 and %name placeholders of Magento’s error body', () => {
    expect(fillMessage('The "%1" value is %2.', ['qty', 'wrong'])).toBe('The "qty" value is wrong.');
    const acl = httpError(
      401,
      JSON.stringify({
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Sales::cancel' },
      }),
      'POST /V1/orders/{id}/cancel',
    );
    expect([acl.code, acl.retryable]).toEqual(['magento2_auth_failed', false]);
    expect(acl.message).toContain("isn't authorized to access Magento_Sales::cancel");
    expect(httpError(400, '{"message":"Unique constraint violation found"}', 'x').code).toBe('magento2_duplicate');
    expect(httpError(503, 'oops', 'x')).toMatchObject({ code: 'magento2_unavailable', retryable: true });
  });

  it('carrier modules become Amazon codes; custom tracks go by their title', () => {
    expect(carrierOf('dhl', 'DHL Paket')).toEqual({ carrier: 'DHL', carrierName: 'DHL Paket' });
    expect(carrierOf('fedex', null)).toEqual({ carrier: 'FedEx', carrierName: null });
    expect(carrierOf('usps', 'USPS')).toEqual({ carrier: 'USPS', carrierName: 'USPS' });
    expect(carrierOf('custom', 'Kurier Müller')).toEqual({ carrier: 'Kurier Müller', carrierName: 'Kurier Müller' });
  });
});

describe('Amazon item ids on a Magento item', () => {
  it('one id stays as it is; merged items carry id:qty pairs and shipped units go to them in order', () => {
    expect(formatItemIds([{ orderItemId: '123', quantity: 2 }])).toBe('123');
    expect(parseItemIds('123')).toEqual([{ orderItemId: '123', quantity: null }]);
    const merged = parseItemIds(
      formatItemIds([
        { orderItemId: '1', quantity: 1 },
        { orderItemId: '2', quantity: 2 },
      ]),
    );
    expect(merged).toEqual([
      { orderItemId: '1', quantity: 1 },
      { orderItemId: '2', quantity: 2 },
    ]);
    expect(attribute(merged, 0, 2)).toEqual([
      { orderItemId: '1', quantity: 1 },
      { orderItemId: '2', quantity: 1 },
    ]);
    expect(attribute(merged, 2, 1)).toEqual([{ orderItemId: '2', quantity: 1 }]);
    expect(attribute(parseItemIds('9'), 5, 3)).toEqual([{ orderItemId: '9', quantity: 3 }]);
  });
});
