import { describe, expect, it } from 'vitest';
import { adversarialInputs, runtimeRegexCheck, staticRegexIssues } from './regex-safety.js';

describe('staticRegexIssues', () => {
  it.each(['(a+)+', '(a*)*', '(.*)*', '(\\d+)*x', '(?:[A-Z]+-)+', '(a?b?)*', '((a)+)+'])(
    'rejects nested quantifiers in %s',
    (p) => {
      expect(staticRegexIssues(p).join()).toContain('nested quantifier');
    },
  );

  it.each(['(a|a)*', '(a|ab)*', '(\\d|[0-9])+', '(?:x|(?:y|x))+'])('rejects overlapping alternatives in %s', (p) => {
    expect(staticRegexIssues(p).join()).toContain('can match the same text');
  });

  it('rejects a repeated group that can match nothing', () => {
    expect(staticRegexIssues('(a|)*').join()).toContain('empty string');
  });

  it('respects the i flag when comparing alternatives', () => {
    expect(staticRegexIssues('(a|A)*')).toEqual([]);
    expect(staticRegexIssues('(a|A)*', 'i').join()).toContain('can match the same text');
  });

  it.each(['\\1(a)', '(?<n>a)\\k<n>'])('rejects backreferences in %s', (p) => {
    expect(staticRegexIssues(p).join()).toContain('backreference');
  });

  it.each([
    '-FBM$',
    '^(.*)-FBM$',
    '(?:-FBM)?$',
    '^amz-',
    '(?:[A-Z]{3})+',
    '(a|b)*',
    '[A-Z]+-\\d+',
    '^(?<base>[^_]+)_.*$',
  ])('accepts the ordinary pattern %s', (p) => expect(staticRegexIssues(p)).toEqual([]));
});

describe('runtimeRegexCheck', () => {
  it('stops and flags a polynomial blow-up that the static check cannot see (.*.*=)', () => {
    const started = performance.now();
    const r = runtimeRegexCheck('.*.*=', '', '', { budgetMs: 100 });
    expect(r.slow).toBe(true);
    expect(r.sample).toMatch(/^"\w{8}"… \(5001 characters\)$/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('flags exponential backtracking on long input', () => {
    expect(runtimeRegexCheck('^(\\d+)*$', '', '', { budgetMs: 100 }).slow).toBe(true);
  });

  it('passes ordinary SKU patterns quickly', () => {
    for (const p of ['-FBM$', '^amzn\\.gr\\.', '[^A-Z0-9]', '^(?<base>[^_]+)_.*$']) {
      expect(runtimeRegexCheck(p, 'g', '').slow).toBe(false);
    }
  });

  it('builds ~5,000-character inputs from the characters the pattern uses', () => {
    const inputs = adversarialInputs('x-\\d', '');
    expect(inputs.length).toBeGreaterThan(3);
    expect(inputs.every((s) => s.length > 4900)).toBe(true);
    expect(inputs.some((s) => s.startsWith('xxxx'))).toBe(true);
    expect(inputs.some((s) => s.startsWith('0000'))).toBe(true);
  });
});
