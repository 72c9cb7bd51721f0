import { createContext, Script, type Context } from 'node:vm';
import { parseRegex, walkTerms, type Alternation, type Term } from './regex-parse.js';

/**
 * Guards against user regular expressions that backtrack catastrophically (ReDoS). Two layers:
 * a static check that rejects the known dangerous shapes, and a runtime check that runs the pattern
 * on long adversarial inputs in a VM with a hard time limit (V8 can interrupt a running regex).
 */

/** Characters used to decide whether two alternatives can start with the same character. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
/** Letters and digits first, so adversarial inputs look like SKUs. */
const SAMPLE_CHARS = [
  ...PRINTABLE.filter((c) => /[A-Za-z0-9]/.test(c)),
  ...PRINTABLE.filter((c) => !/[A-Za-z0-9]/.test(c)),
  ...['\t', '\n', 'é', 'ß', '中'],
];

function matchesChar(source: string, flags: string, ch: string): boolean {
  try {
    return new RegExp(`^(?:${source})$`, flags.replace(/[gy]/g, '')).test(ch);
  } catch {
    return true; // cannot tell: assume it overlaps
  }
}

interface First {
  sources: string[];
  nullable: boolean;
}

/** The atoms that can match the first character of a sequence, and whether it can match nothing. */
function firstOf(terms: Term[]): First {
  const sources: string[] = [];
  for (const term of terms) {
    const a = term.atom;
    if (a.kind === 'assertion') continue;
    let nullable = term.min === 0;
    if (a.kind === 'char' || a.kind === 'class') sources.push(a.source);
    else if (a.kind === 'backref') sources.push('[\\s\\S]');
    else if (a.lookaround) continue;
    else {
      const inner = firstOfAlt(a.body);
      sources.push(...inner.sources);
      nullable ||= inner.nullable;
    }
    if (!nullable) return { sources, nullable: false };
  }
  return { sources, nullable: true };
}

function firstOfAlt(alt: Alternation): First {
  const parts = alt.branches.map(firstOf);
  return { sources: parts.flatMap((p) => p.sources), nullable: parts.some((p) => p.nullable) };
}

function branchesOverlap(alt: Alternation, flags: string): boolean {
  const firsts = alt.branches.map((b) => firstOf(b).sources);
  for (let i = 0; i < firsts.length; i += 1) {
    for (let j = i + 1; j < firsts.length; j += 1) {
      const a = firsts[i] as string[];
      const b = firsts[j] as string[];
      const shared = SAMPLE_CHARS.some(
        (ch) => a.some((s) => matchesChar(s, flags, ch)) && b.some((s) => matchesChar(s, flags, ch)),
      );
      if (shared) return true;
    }
  }
  return false;
}

/** Static check: human messages for every dangerous construct found (empty = none found). */
export function staticRegexIssues(pattern: string, flags = ''): string[] {
  const issues: string[] = [];
  const parsed = parseRegex(pattern);
  for (const term of walkTerms(parsed.root)) {
    const text = pattern.slice(term.start, term.end);
    if (term.atom.kind === 'backref') {
      issues.push(`backreference ${text} is not allowed (backreferences can make matching exponentially slow)`);
    }
    if (term.atom.kind !== 'group' || term.max <= 1) continue;
    const body = term.atom.body;
    const inner = [...walkTerms(body)].find((t) => t.min !== t.max);
    if (inner) {
      issues.push(
        `nested quantifier in "${text}": a repeated group contains "${pattern.slice(inner.start, inner.end)}" (shapes like (a+)+ or (.*)* can take exponential time; use one quantifier, e.g. a character class with +)`,
      );
    } else if (firstOfAlt(body).nullable) {
      issues.push(`the repeated group "${text}" can match the empty string (like (a|)* ), which can backtrack badly`);
    } else if (
      [body, ...nestedAlternations(body)].some((alt) => alt.branches.length > 1 && branchesOverlap(alt, flags))
    ) {
      issues.push(
        `alternatives in the repeated group "${text}" can match the same text (like (a|a)* or (a|ab)*), which can take exponential time`,
      );
    }
  }
  return issues;
}

function nestedAlternations(alt: Alternation): Alternation[] {
  return [...walkTerms(alt)].flatMap((t) => (t.atom.kind === 'group' ? [t.atom.body] : []));
}

/** Characters worth repeating for this pattern: its literals and a sample of what its classes match. */
function interestingChars(pattern: string, flags: string): string[] {
  const chars = new Set<string>();
  for (const term of walkTerms(parseRegex(pattern).root)) {
    const a = term.atom;
    if (a.kind !== 'char' && a.kind !== 'class') continue;
    SAMPLE_CHARS.filter((ch) => matchesChar(a.source, flags, ch))
      .slice(0, 2)
      .forEach((ch) => chars.add(ch));
  }
  for (const ch of ['a', '0', '-']) chars.add(ch);
  return [...chars].slice(0, 10);
}

export function adversarialInputs(pattern: string, flags: string, length = 5000): string[] {
  const chars = interestingChars(pattern, flags);
  const tail = '\u0000'; // matches nothing a SKU rule looks for, so the engine must fail and backtrack
  const inputs = chars.map((c) => c.repeat(length) + tail);
  for (let i = 0; i + 1 < chars.length && i < 4; i += 1) {
    inputs.push(`${chars[i] as string}${chars[i + 1] as string}`.repeat(length / 2) + tail);
  }
  return inputs;
}

export interface RuntimeCheck {
  slow: boolean;
  /** The first input that exceeded the budget (shortened for messages). */
  sample: string | null;
  budgetMs: number;
}

/**
 * Runs `input.replace(regex, replacement)` on each adversarial input with a hard per-input time limit.
 * The limit is wall time (V8's watchdog), so a run counts as slow only when the process also spent
 * most of the budget on the CPU: on a busy machine a fast pattern can be descheduled past the limit,
 * and such a run is repeated instead of refusing a valid pattern.
 */
export function runtimeRegexCheck(
  pattern: string,
  flags: string,
  replacement: string,
  options: { inputLength?: number; budgetMs?: number } = {},
): RuntimeCheck {
  const budgetMs = options.budgetMs ?? 250;
  const context = createContext({ pattern, flags, replacement, input: '' });
  // Compiled and run once on an empty input first, so the timed runs measure the matching only.
  REPLACE.runInContext(context);
  for (const input of adversarialInputs(pattern, flags, options.inputLength ?? 5000)) {
    context.input = input;
    if (!finishesWithin(context, budgetMs)) {
      return { slow: true, sample: `${JSON.stringify(input.slice(0, 8))}… (${input.length} characters)`, budgetMs };
    }
  }
  return { slow: false, sample: null, budgetMs };
}

const REPLACE = new Script('input.replace(new RegExp(pattern, flags), replacement)');
/** Timed-out runs that used under half the budget on the CPU are repeated, at most this often. */
const STARVED_RETRIES = 5;

function finishesWithin(context: Context, budgetMs: number): boolean {
  for (let attempt = 0; attempt <= STARVED_RETRIES; attempt += 1) {
    const cpuBefore = process.cpuUsage();
    try {
      REPLACE.runInContext(context, { timeout: budgetMs });
      return true;
    } catch {
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      if (cpuMs >= budgetMs / 2) return false;
    }
  }
  return false;
}
