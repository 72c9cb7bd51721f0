import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch.js';

describe('mergePatch (RFC 7396)', () => {
  it('merges nested objects, replaces arrays and scalars, null removes', () => {
    const target = { a: 1, b: { c: 2, d: [1, 2] }, e: 'x' };
    expect(mergePatch(target, { a: 3, b: { d: [9] }, e: null })).toEqual({ a: 3, b: { c: 2, d: [9] } });
    expect(target).toEqual({ a: 1, b: { c: 2, d: [1, 2] }, e: 'x' });
  });

  it('replaces a non-object with an object and vice versa', () => {
    expect(mergePatch({ p: 'sku' }, { p: { custom: 'ean13' } })).toEqual({ p: { custom: 'ean13' } });
    expect(mergePatch({ p: { custom: 'x' } }, { p: 'ean' })).toEqual({ p: 'ean' });
    expect(mergePatch({ a: 1 }, [1])).toEqual([1]);
  });

  it('RFC 7396 appendix examples', () => {
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(mergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });

  it('ignores prototype-polluting keys', () => {
    const merged = mergePatch({}, JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}')) as Record<string, unknown>;
    expect(merged).toEqual({ ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
