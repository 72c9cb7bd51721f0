/**
 * A small parser for JavaScript regular expressions, just deep enough to judge backtracking risk
 * (regex-safety.ts). It assumes the pattern already compiled with `new RegExp`, so it is lenient.
 */

export type Atom =
  | { kind: 'char'; source: string }
  | { kind: 'class'; source: string }
  | { kind: 'assertion' }
  | { kind: 'backref'; source: string }
  | { kind: 'group'; capture: boolean; name: string | null; lookaround: boolean; body: Alternation };

export interface Term {
  atom: Atom;
  min: number;
  /** Infinity for *, + and {n,}. */
  max: number;
  start: number;
  end: number;
}

export interface Alternation {
  branches: Term[][];
}

export interface ParsedRegex {
  root: Alternation;
  groupCount: number;
  groupNames: string[];
}

const QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

export function parseRegex(pattern: string): ParsedRegex {
  const state = { s: pattern, i: 0, groupCount: 0, groupNames: [] as string[] };
  const root = parseAlternation(state);
  return { root, groupCount: state.groupCount, groupNames: state.groupNames };
}

type State = { s: string; i: number; groupCount: number; groupNames: string[] };

function parseAlternation(st: State): Alternation {
  const branches: Term[][] = [[]];
  while (st.i < st.s.length && st.s[st.i] !== ')') {
    if (st.s[st.i] === '|') {
      st.i += 1;
      branches.push([]);
      continue;
    }
    (branches[branches.length - 1] as Term[]).push(parseTerm(st));
  }
  return { branches };
}

function parseTerm(st: State): Term {
  const start = st.i;
  const atom = parseAtom(st);
  let min = 1;
  let max = 1;
  const c = st.s[st.i];
  const braces = QUANTIFIER.exec(st.s.slice(st.i));
  if (c === '*' || c === '+' || c === '?') {
    [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    st.i += 1;
  } else if (braces) {
    min = Number(braces[1]);
    max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    st.i += braces[0].length;
  }
  if ((min !== 1 || max !== 1) && st.s[st.i] === '?') st.i += 1; // lazy
  return { atom, min, max, start, end: st.i };
}

function parseAtom(st: State): Atom {
  const c = st.s[st.i] as string;
  if (c === '(') return parseGroup(st);
  if (c === '[') return { kind: 'class', source: scanClass(st) };
  if (c === '\\') return parseEscape(st);
  st.i += 1;
  if (c === '.') return { kind: 'class', source: '.' };
  if (c === '^' || c === '$') return { kind: 'assertion' };
  return { kind: 'char', source: c };
}

function parseGroup(st: State): Atom {
  const rest = st.s.slice(st.i);
  const look = /^\(\?(=|!|<=|<!)/.exec(rest);
  const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(rest);
  const nonCapture = /^\(\?[ims-]*:/.exec(rest);
  let capture = false;
  let name: string | null = null;
  if (look) st.i += look[0].length;
  else if (named) {
    st.i += named[0].length;
    capture = true;
    name = named[1] as string;
    st.groupNames.push(name);
  } else if (nonCapture) st.i += nonCapture[0].length;
  else {
    st.i += 1;
    capture = true;
  }
  if (capture) st.groupCount += 1;
  const body = parseAlternation(st);
  st.i += 1; // ')'
  return { kind: 'group', capture, name, lookaround: look !== null, body };
}

function scanClass(st: State): string {
  const start = st.i;
  st.i += 1;
  if (st.s[st.i] === '^') st.i += 1;
  while (st.i < st.s.length && st.s[st.i] !== ']') st.i += st.s[st.i] === '\\' ? 2 : 1;
  st.i += 1;
  return st.s.slice(start, st.i);
}

function parseEscape(st: State): Atom {
  const start = st.i;
  const c = st.s[st.i + 1] ?? '';
  st.i += 2;
  if (/[1-9]/.test(c)) {
    while (/\d/.test(st.s[st.i] ?? '')) st.i += 1;
    return { kind: 'backref', source: st.s.slice(start, st.i) };
  }
  if (c === 'k' && st.s[st.i] === '<') {
    st.i = st.s.indexOf('>', st.i) + 1 || st.s.length;
    return { kind: 'backref', source: st.s.slice(start, st.i) };
  }
  if (c === 'b' || c === 'B') return { kind: 'assertion' };
  if ((c === 'p' || c === 'P') && st.s[st.i] === '{') {
    st.i = st.s.indexOf('}', st.i) + 1 || st.s.length;
    return { kind: 'class', source: st.s.slice(start, st.i) };
  }
  if ('dDwWsS'.includes(c)) return { kind: 'class', source: st.s.slice(start, st.i) };
  const long = /^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|c[A-Za-z])/.exec(st.s.slice(start + 1));
  if (long) st.i = start + 1 + long[0].length;
  return { kind: 'char', source: st.s.slice(start, st.i) };
}

/** Every term of the tree, depth first (a group's own term comes before its body's terms). */
export function* walkTerms(alt: Alternation): Generator<Term> {
  for (const branch of alt.branches) {
    for (const term of branch) {
      yield term;
      if (term.atom.kind === 'group') yield* walkTerms(term.atom.body);
    }
  }
}
