/** "Crop Amazon Seller SKU" rules (PRODUCT.md §5) and how they are applied, before the store lookup. */
export interface SkuCropRegex {
  pattern: string;
  replacement: string;
  /** Subset of "gimsu"; without "g" only the first match is replaced. */
  flags?: string | undefined;
}

export interface SkuCropRules {
  removePrefixes: readonly string[];
  removeSuffixes: readonly string[];
  regex: SkuCropRegex | null;
  /** Grade & Resell: 'amzn.gr.ABC-1x2y3z4w' → 'ABC' (default true). */
  gradeAndResell: boolean;
}

export const DEFAULT_SKU_CROP_RULES: SkuCropRules = {
  removePrefixes: [],
  removeSuffixes: [],
  regex: null,
  gradeAndResell: true,
};

const GRADE_AND_RESELL = /^amzn\.gr\.(.+)$/i;

/**
 * Amazon's Grade & Resell SKUs are `amzn.gr.<original SKU>-<random token>`; the token is
 * alphanumeric, so the original SKU is everything before the last "-".
 */
export function cropGradeAndResell(sku: string): string {
  const m = GRADE_AND_RESELL.exec(sku);
  if (!m) return sku;
  const rest = m[1] as string;
  const dash = rest.lastIndexOf('-');
  return dash > 0 && /^[A-Za-z0-9]+$/.test(rest.slice(dash + 1)) ? rest.slice(0, dash) : rest;
}

const compiled = new Map<string, RegExp>();

/** Compiled patterns are cached: the same few rules run for every order line. */
function compile(regex: SkuCropRegex): RegExp {
  const key = `${regex.flags ?? ''}/${regex.pattern}`;
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size >= 200) compiled.clear();
    re = new RegExp(regex.pattern, regex.flags ?? '');
    compiled.set(key, re);
  }
  return re;
}

/**
 * Applies the rules in order: grade & resell, the first matching prefix, the first matching
 * suffix, then the regex. Prefixes and suffixes are case-sensitive and removed once. May return ''.
 */
export function applySkuCropRules(sku: string, rules: SkuCropRules): string {
  let out = rules.gradeAndResell ? cropGradeAndResell(sku) : sku;
  const prefix = rules.removePrefixes.find((p) => p !== '' && out.startsWith(p));
  if (prefix !== undefined) out = out.slice(prefix.length);
  const suffix = rules.removeSuffixes.find((s) => s !== '' && out.endsWith(s));
  if (suffix !== undefined) out = out.slice(0, out.length - suffix.length);
  if (rules.regex) out = out.replace(compile(rules.regex), rules.regex.replacement);
  return out;
}
