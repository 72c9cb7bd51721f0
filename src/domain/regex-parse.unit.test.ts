import { describe, expect, it } from 'vitest';
import { parseRegex, walkTerms, type Term } from './regex-parse.js';

const terms = (pattern: string): Term[] => [...walkTerms(parseRegex(pattern).root)];

describe('parseRegex', () => {
  it('reads quantifiers, including braces and lazy forms', () => {
    expect(terms('a*b+?c?d{2}e{1,}f{2,5}?').map((t) => [t.min, t.max])).toEqual([
      [0, Infinity],
      [1, Infinity],
      [0, 1],
      [2, 2],
      [1, Infinity],
      [2, 5],
    ]);
  });

  it('counts capturing and named groups, not non-capturing groups or lookarounds', () => {
    const parsed = parseRegex('(a)(?:b)(?<tail>c)(?=d)(?!e)(?<=f)(?<!g)');
    expect(parsed.groupCount).toBe(2);
    expect(parsed.groupNames).toEqual(['tail']);
  });

  it('tells classes, escapes, assertions and backreferences apart', () => {
    const kinds = terms('^[a-z\\]]\\d\\.\\b\\1\\k<x>\\p{L}\\x41.$').map((t) => t.atom.kind);
    expect(kinds).toEqual([
      'assertion',
      'class',
      'class',
      'char',
      'assertion',
      'backref',
      'backref',
      'class',
      'char',
      'class',
      'assertion',
    ]);
  });

  it('keeps source positions so messages can quote the pattern', () => {
    const pattern = 'x(a+)+y';
    const group = terms(pattern).find((t) => t.atom.kind === 'group') as Term;
    expect(pattern.slice(group.start, group.end)).toBe('(a+)+');
  });

  it('splits alternatives at the right level', () => {
    const root = parseRegex('a|b(c|d)').root;
    expect(root.branches).toHaveLength(2);
  });

  it('treats a brace that is not a quantifier as a literal', () => {
    expect(terms('a{x}').map((t) => t.atom.kind)).toEqual(['char', 'char', 'char', 'char']);
  });
});
