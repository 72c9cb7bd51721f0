import { describe, expect, it } from 'vitest';
import type { Connection } from '../domain/connection.js';
import { contentHash } from './build-order.js';

const connection = {
  config: {
    taxIncluded: true,
    ignoreAmazonTax: false,
    facilitatorTax: 'drop',
    orderTypes: ['MFN'],
    skuCrop: { removePrefixes: ['X-'] },
  },
} as unknown as Connection;

describe('order content hash', () => {
  it('is the hash stored by earlier versions, whatever the key order (a re-read after an upgrade stays unchanged)', () => {
    const raw = { orderId: '028-1', b: [2, { z: null, a: 'é"' }], '10': 1, '9': true, A: -0.5 };
    const reordered = { A: -0.5, '9': true, b: [2, { a: 'é"', z: null }], '10': 1, orderId: '028-1' };
    // sha256 of the sorted-key JSON and the settings, as computed before the one-pass canonical JSON.
    const stored = 'fb878c1f3cc7984f54c99f364a56300d7a2a495b75bff623545ed0ae11586e2c';
    expect(contentHash(raw, connection)).toBe(stored);
    expect(contentHash(reordered, connection)).toBe(stored);
    expect(contentHash({ ...raw, b: [{ z: null, a: 'é"' }, 2] }, connection)).not.toBe(stored);
  });
});
