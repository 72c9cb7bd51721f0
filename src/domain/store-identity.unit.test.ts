import { describe, expect, it } from 'vitest';
import { storeIdentity } from './store-identity.js';

describe('storeIdentity', () => {
  it('gives every spelling of one shop the same identity', () => {
    const spellings = [
      'https://shop.example.com',
      'http://shop.example.com/',
      'HTTPS://WWW.Shop.Example.com:443//',
      'https://user:pass@shop.example.com/?utm=1#top',
      'https://shop.example.com./',
    ];
    expect(new Set(spellings.map((u) => storeIdentity('woocommerce', u)))).toEqual(
      new Set(['woocommerce|shop.example.com']),
    );
  });

  it('treats every loopback host name as one host, keeping the port and the path', () => {
    const local = ['http://127.0.0.1:3002', 'http://localhost:3002/', 'http://[::1]:3002', 'http://127.1.2.3:3002'];
    expect(new Set(local.map((u) => storeIdentity('woocommerce', u)))).toEqual(new Set(['woocommerce|loopback:3002']));
    expect(storeIdentity('woocommerce', 'http://localhost:3003')).not.toBe(storeIdentity('woocommerce', local[0]!));
    expect(storeIdentity('woocommerce', 'https://x.test/Shop/')).toBe('woocommerce|x.test/shop');
  });

  it('keeps different shops, paths and platforms apart', () => {
    const a = storeIdentity('woocommerce', 'https://a.example.com');
    expect(storeIdentity('woocommerce', 'https://b.example.com')).not.toBe(a);
    expect(storeIdentity('woocommerce', 'https://a.example.com/de')).not.toBe(a);
    expect(storeIdentity('vendure', 'https://a.example.com')).not.toBe(a);
    expect(storeIdentity('woocommerce', 'https://a.example.com:8443')).not.toBe(a);
  });

  it('still compares URLs it cannot parse, by their text', () => {
    expect(storeIdentity('hub-api', ' Not A URL/ ')).toBe('hub-api|not a url');
  });
});
