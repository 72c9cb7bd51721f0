import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { applySkuCropRules, type SkuCropRules } from './sku-crop-apply.js';
import { regexRuleIssues, type SkuCropIssue } from './sku-crop-regex.js';

export { DEFAULT_SKU_CROP_RULES, applySkuCropRules, cropGradeAndResell } from './sku-crop-apply.js';
export type { SkuCropRegex, SkuCropRules } from './sku-crop-apply.js';
export type { SkuCropIssue } from './sku-crop-regex.js';

export const AFFIX_LIMITS = { entries: 50, length: 100 } as const;

/** SKUs of common shapes that no sensible rule set crops to nothing. */
export const TYPICAL_SKUS = ['ABC-123', 'SKU12345', 'TSHIRT-RED-XL', '1234567890', 'ab_cd.ef', 'B0-77/X'] as const;

/**
 * Crops a Seller SKU. Rules are validated on save; should they still crop a SKU to nothing, the
 * original SKU is returned (an empty SKU can never identify a product).
 */
export function cropSku(sku: string, rules: SkuCropRules): string {
  const out = applySkuCropRules(sku, rules);
  return out === '' ? sku : out;
}

function affixIssues(list: readonly string[], field: 'removePrefixes' | 'removeSuffixes'): SkuCropIssue[] {
  const what = field === 'removePrefixes' ? 'prefix' : 'suffix';
  const issues: SkuCropIssue[] = [];
  if (list.length > AFFIX_LIMITS.entries)
    issues.push({ path: [field], message: `at most ${AFFIX_LIMITS.entries} entries` });
  list.forEach((value, i) => {
    if (value.trim() === '') issues.push({ path: [field, i], message: `empty ${what}: it would match every SKU` });
    else if (value.length > AFFIX_LIMITS.length) {
      issues.push({ path: [field, i], message: `${what} longer than ${AFFIX_LIMITS.length} characters` });
    }
  });
  return issues;
}

function emptiedIssue(rules: SkuCropRules): SkuCropIssue[] {
  const emptied = TYPICAL_SKUS.filter((sku) => applySkuCropRules(sku, rules) === '');
  if (emptied.length === 0) return [];
  const message =
    emptied.length === TYPICAL_SKUS.length
      ? 'would crop every SKU to an empty string'
      : `would crop typical SKUs to an empty string (e.g. "${emptied[0]}" → "")`;
  return [{ path: rules.regex ? ['regex', 'pattern'] : [], message }];
}

/** Every problem of a rule set with the field it belongs to (empty = valid). */
export function skuCropIssues(rules: SkuCropRules): SkuCropIssue[] {
  const issues = [
    ...affixIssues(rules.removePrefixes, 'removePrefixes'),
    ...affixIssues(rules.removeSuffixes, 'removeSuffixes'),
    ...(rules.regex ? regexRuleIssues(rules.regex) : []),
  ];
  return issues.length > 0 ? issues : emptiedIssue(rules);
}

const text = () => z.string({ error: 'must be text' });

/** The shape of the rules with defaults, checked by `skuCropIssues` (also used by orders-config.ts). */
export const skuCropRulesSchema = z
  .strictObject({
    removePrefixes: z.array(text(), { error: 'must be a list of prefixes' }).default([]),
    removeSuffixes: z.array(text(), { error: 'must be a list of suffixes' }).default([]),
    regex: z
      .strictObject({ pattern: text(), replacement: text().default(''), flags: text().default('') })
      .nullable()
      .default(null),
    gradeAndResell: z.boolean({ error: 'must be true or false' }).default(true),
  })
  .superRefine((rules, ctx) => {
    for (const issue of skuCropIssues(rules))
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

export type ValidSkuCropRules = z.output<typeof skuCropRulesSchema>;

/** Validates rules from any source (form, API, stored config); every problem is listed with its path. */
export function validateSkuCropRules(input: unknown): Result<ValidSkuCropRules> {
  const parsed = skuCropRulesSchema.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: [...i.path, key].map(String).join('.'), message: 'unknown setting' }))
      : [{ path: i.path.map(String).join('.'), message: i.message }],
  );
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return err(
    new AppError('sku_crop_invalid', `Invalid SKU crop rules: ${summary}`, { kind: 'invalid', details: { issues } }),
  );
}

export interface SkuCropPreview {
  sku: string;
  cropped: string;
  changed: boolean;
  error?: string;
}

/** Live preview for the configuration form: what each recent SKU becomes under the rules. */
export function previewSkuCrop(rules: unknown, skus: readonly string[]): SkuCropPreview[] {
  const valid = validateSkuCropRules(rules);
  if (!valid.ok) return skus.map((sku) => ({ sku, cropped: sku, changed: false, error: valid.error.message }));
  return skus.map((sku) => {
    const raw = applySkuCropRules(sku, valid.value);
    if (raw === '') {
      return {
        sku,
        cropped: sku,
        changed: false,
        error: 'the rules crop this SKU to an empty string; it is used unchanged',
      };
    }
    return { sku, cropped: raw, changed: raw !== sku };
  });
}
