import { describe, expect, it } from 'vitest';
import { matchesEmptyEverywhere, regexRuleIssues, replacementIssues } from './sku-crop-regex.js';

const messages = (pattern: string, replacement = '', flags?: string): string =>
  regexRuleIssues({ pattern, replacement, flags })
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join(' | ');

describe('regexRuleIssues', () => {
  it('accepts a sensible rule', () => {
    expect(regexRuleIssues({ pattern: '-(FBM|FBA)$', replacement: '' })).toEqual([]);
  });

  it('reports a pattern that does not compile, with the engine message', () => {
    expect(messages('(abc')).toMatch(
      /^regex\.pattern: pattern does not compile: Invalid regular expression: .*Unterminated group/,
    );
  });

  it('rejects unknown or repeated flags', () => {
    expect(messages('a', '', 'y')).toContain('regex.flags: flags "y" not allowed');
    expect(messages('a', '', 'gg')).toContain('not allowed');
  });

  it('rejects catastrophic shapes statically', () => {
    expect(messages('(a+)+$')).toContain('nested quantifier');
    expect(messages('(a|a)*')).toContain('can match the same text');
    expect(messages('(x)\\1')).toContain('backreference');
  });

  it('rejects what only the runtime guard catches', () => {
    expect(messages('.*.*=')).toContain('pattern is too slow');
  });

  it('rejects patterns matching the empty string everywhere', () => {
    expect(messages('x*')).toContain('empty string everywhere');
    expect(messages('(?:)')).toContain('empty string everywhere');
  });

  it('rejects empty and overlong input', () => {
    expect(messages('')).toContain('empty pattern');
    expect(messages('a'.repeat(501))).toContain('longer than 500');
    expect(messages('a', 'b'.repeat(201))).toContain('regex.replacement: replacement longer than 200');
  });

  it('rejects references to groups that do not exist', () => {
    expect(messages('(a)-(b)', '$3')).toContain(
      'regex.replacement: replacement uses $3 but the pattern has 2 capturing group(s)',
    );
  });
});

describe('replacementIssues', () => {
  it('allows existing groups and the special forms', () => {
    expect(replacementIssues("$1-$2 $$ $& $` $'", '(a)(b)')).toEqual([]);
    expect(replacementIssues('$<base>', '(?<base>\\w+)')).toEqual([]);
    expect(replacementIssues('$10', '(a)')).toEqual([]); // JavaScript reads $1 followed by "0"
  });
  it('rejects missing groups, missing names and $0', () => {
    expect(replacementIssues('$1', 'abc')).toEqual(['replacement uses $1 but the pattern has 0 capturing group(s)']);
    expect(replacementIssues('$<base>', '(\\w+)')).toEqual([
      'replacement uses $<base> but the pattern has no group named "base"',
    ]);
    expect(replacementIssues('$0', '(a)')[0]).toContain('use $& for the whole match');
  });
});

describe('matchesEmptyEverywhere', () => {
  it('is true only for patterns that match nothing at every position', () => {
    expect(matchesEmptyEverywhere(/a?/)).toBe(true);
    expect(matchesEmptyEverywhere(/(?:-FBM)?$/)).toBe(false);
    expect(matchesEmptyEverywhere(/^/)).toBe(false);
    expect(matchesEmptyEverywhere(/-/g)).toBe(false);
  });
});
