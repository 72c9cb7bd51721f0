import { describe, expect, it } from 'vitest';
import { LwaTokenCache } from './lwa-token-cache.js';

describe('LwaTokenCache', () => {
  it('keys by a digest, never the refresh token itself', () => {
    const key = LwaTokenCache.key(['https://api.amazon.com/auth/o2/token', 'client', 'Atzr|secret-refresh']);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('secret');
    expect(LwaTokenCache.key(['a', 'b', 'c'])).not.toBe(LwaTokenCache.key(['a', 'bc', '']));
  });

  it('serves a token until its refresh time and runs one exchange at a time per key', async () => {
    const cache = new LwaTokenCache();
    cache.store('k', { accessToken: 'Atza|1', expiresAtMs: 3_600_000, refreshAtMs: 3_300_000 });
    expect(cache.fresh('k', 3_299_999)).toBe('Atza|1');
    expect(cache.fresh('k', 3_300_000)).toBeNull();
    let runs = 0;
    const exchange = async (): Promise<string> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'Atza|2';
    };
    const results = await Promise.all([1, 2, 3].map(() => cache.singleFlight('k', exchange)));
    expect(results).toEqual(['Atza|2', 'Atza|2', 'Atza|2']);
    expect(runs).toBe(1);
    await cache.singleFlight('k', exchange);
    expect(runs).toBe(2);
  });

  it('invalidates only the token that was refused', () => {
    const cache = new LwaTokenCache();
    cache.store('k', { accessToken: 'Atza|new', expiresAtMs: 10, refreshAtMs: 10 });
    cache.invalidate('k', 'Atza|old');
    expect(cache.fresh('k', 0)).toBe('Atza|new');
    cache.invalidate('k', 'Atza|new');
    expect(cache.fresh('k', 0)).toBeNull();
  });
});
