import { parseRegex } from './regex-parse.js';
import { runtimeRegexCheck, staticRegexIssues } from './regex-safety.js';
import type { SkuCropRegex } from './sku-crop-apply.js';

export interface SkuCropIssue {
  path: (string | number)[];
  message: string;
}

export const REGEX_LIMITS = { patternLength: 500, replacementLength: 200 } as const;
const ALLOWED_FLAGS = /^(?!.*(.).*\1)[gimsu]*$/;

const issue = (field: 'pattern' | 'replacement' | 'flags', message: string): SkuCropIssue[] => [
  { path: ['regex', field], message },
];

/** Replacement references ($1, $<name>) must exist in the pattern; $0 is a common mistake for $&. */
export function replacementIssues(replacement: string, pattern: string): string[] {
  const { groupCount, groupNames } = parseRegex(pattern);
  const issues: string[] = [];
  for (const m of replacement.matchAll(/\$(\$|&|`|'|<([^>]*)>|\d{1,2})/g)) {
    const ref = m[1] as string;
    if (ref.startsWith('<')) {
      if (!groupNames.includes(m[2] as string)) {
        issues.push(`replacement uses ${m[0]} but the pattern has no group named "${m[2]}"`);
      }
    } else if (/^\d/.test(ref)) {
      // JavaScript reads $12 as group 12 if it exists, else as group 1 followed by "2".
      const two = Number(ref);
      const one = Number(ref[0]);
      if (one === 0) issues.push(`replacement uses $${ref}; use $& for the whole match`);
      else if (!(two <= groupCount) && !(one <= groupCount)) {
        issues.push(`replacement uses $${ref} but the pattern has ${groupCount} capturing group(s)`);
      }
    }
  }
  return issues;
}

/** True for patterns like "x*" or "(?:)" that match an empty string at every position. */
export function matchesEmptyEverywhere(re: RegExp): boolean {
  const sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
  const sample = 'ABC-123';
  for (let pos = 0; pos <= sample.length; pos += 1) {
    sticky.lastIndex = pos;
    const m = sticky.exec(sample);
    if (!m || m[0] !== '') return false;
  }
  return true;
}

const checked = new Map<string, SkuCropIssue[]>();

/**
 * Problems of the regex rule, cheapest checks first; the runtime check (up to a few hundred ms for a
 * bad pattern) runs last. Results are remembered, so a live preview does not re-run it per keystroke.
 */
export function regexRuleIssues(regex: SkuCropRegex): SkuCropIssue[] {
  const key = JSON.stringify([regex.pattern, regex.replacement, regex.flags ?? '']);
  const known = checked.get(key);
  if (known) return known;
  const issues = uncachedIssues(regex);
  if (checked.size >= 500) checked.clear();
  checked.set(key, issues);
  return issues;
}

function uncachedIssues(regex: SkuCropRegex): SkuCropIssue[] {
  const flags = regex.flags ?? '';
  if (regex.pattern === '') return issue('pattern', 'empty pattern: remove the regular expression instead');
  if (regex.pattern.length > REGEX_LIMITS.patternLength) {
    return issue('pattern', `pattern longer than ${REGEX_LIMITS.patternLength} characters`);
  }
  if (regex.replacement.length > REGEX_LIMITS.replacementLength) {
    return issue('replacement', `replacement longer than ${REGEX_LIMITS.replacementLength} characters`);
  }
  if (!ALLOWED_FLAGS.test(flags))
    return issue('flags', `flags "${flags}" not allowed: use g, i, m, s, u, each at most once`);
  let re: RegExp;
  try {
    re = new RegExp(regex.pattern, flags);
  } catch (cause) {
    return issue('pattern', `pattern does not compile: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const unsafe = staticRegexIssues(regex.pattern, flags);
  if (unsafe.length > 0) return unsafe.flatMap((m) => issue('pattern', m));
  if (matchesEmptyEverywhere(re)) {
    return issue(
      'pattern',
      'pattern can match the empty string everywhere (like "x*" or "(?:)"); it cannot crop anything',
    );
  }
  const refs = replacementIssues(regex.replacement, regex.pattern);
  if (refs.length > 0) return refs.flatMap((m) => issue('replacement', m));
  const runtime = runtimeRegexCheck(regex.pattern, flags, regex.replacement);
  if (runtime.slow) {
    return issue(
      'pattern',
      `pattern is too slow: it took over ${runtime.budgetMs} ms on the input ${runtime.sample} (catastrophic backtracking)`,
    );
  }
  return [];
}
