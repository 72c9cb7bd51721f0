import { describe, expect, it } from 'vitest';
import {
  cropSku,
  DEFAULT_SKU_CROP_RULES,
  previewSkuCrop,
  skuCropIssues,
  validateSkuCropRules,
  type SkuCropRules,
} from './sku-crop.js';

const rules = (overrides: Partial<SkuCropRules>): SkuCropRules => ({ ...DEFAULT_SKU_CROP_RULES, ...overrides });

describe('cropSku', () => {
  it('Grade & Resell SKU amzn.gr.ABC-1x2y3z4w resolves to ABC by default', () => {
    expect(cropSku('amzn.gr.ABC-1x2y3z4w', DEFAULT_SKU_CROP_RULES)).toBe('ABC');
  });
  it('prefix, suffix and regex rules (strip -FBM)', () => {
    const r = rules({
      removePrefixes: ['UK-'],
      removeSuffixes: ['-FBM'],
      regex: { pattern: '\\s+', replacement: '', flags: 'g' },
    });
    expect(cropSku('UK-AB 12-FBM', r)).toBe('AB12');
  });
  it('never returns an empty SKU: the original is used instead', () => {
    expect(cropSku('-FBM', rules({ removeSuffixes: ['-FBM'] }))).toBe('-FBM');
  });
});

describe('validateSkuCropRules', () => {
  it('accepts defaults and ordinary rules', () => {
    expect(validateSkuCropRules(DEFAULT_SKU_CROP_RULES).ok).toBe(true);
    expect(
      validateSkuCropRules(rules({ removeSuffixes: ['-FBM'], regex: { pattern: '^(\\w+)-v\\d+$', replacement: '$1' } }))
        .ok,
    ).toBe(true);
  });

  it('accepts input of unknown shape: fills defaults, reports malformed fields instead of throwing', () => {
    expect(validateSkuCropRules(null)).toEqual({ ok: true, value: DEFAULT_SKU_CROP_RULES });
    expect(validateSkuCropRules({ regex: { pattern: '-FBM$' } })).toEqual({
      ok: true,
      value: { ...DEFAULT_SKU_CROP_RULES, regex: { pattern: '-FBM$', replacement: '', flags: '' } },
    });
    const r = validateSkuCropRules({ removePrefixes: 'A-', regex: { pattern: 1 }, typo: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.details).toEqual({
        issues: [
          { path: 'removePrefixes', message: 'must be a list of prefixes' },
          { path: 'regex.pattern', message: 'must be text' },
          { path: 'typo', message: 'unknown setting' },
        ],
      });
    }
  });

  it('rejects empty prefixes and suffixes with their path', () => {
    const r = validateSkuCropRules(rules({ removePrefixes: ['A-', ''], removeSuffixes: ['  '] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('sku_crop_invalid');
      expect(r.error.kind).toBe('invalid');
      expect(r.error.details).toEqual({
        issues: [
          { path: 'removePrefixes.1', message: 'empty prefix: it would match every SKU' },
          { path: 'removeSuffixes.0', message: 'empty suffix: it would match every SKU' },
        ],
      });
    }
  });

  it('rejects too many or too long affixes', () => {
    expect(skuCropIssues(rules({ removePrefixes: Array.from({ length: 51 }, (_, i) => `P${i}`) }))[0]?.message).toBe(
      'at most 50 entries',
    );
    expect(skuCropIssues(rules({ removeSuffixes: ['x'.repeat(101)] }))[0]?.message).toContain('longer than 100');
  });

  it('rejects rules that crop every SKU to an empty string', () => {
    const r = validateSkuCropRules(rules({ regex: { pattern: '^.*$', replacement: '' } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('would crop every SKU to an empty string');
  });

  it('rejects rules that empty typical SKUs', () => {
    const issues = skuCropIssues(rules({ regex: { pattern: '^\\d+$', replacement: '' } }));
    expect(issues).toEqual([
      { path: ['regex', 'pattern'], message: 'would crop typical SKUs to an empty string (e.g. "1234567890" → "")' },
    ]);
  });

  it('puts the compile error in the message', () => {
    const r = validateSkuCropRules(rules({ regex: { pattern: '[a-', replacement: '' } }));
    if (!r.ok) expect(r.error.message).toMatch(/regex\.pattern: pattern does not compile: Invalid regular expression/);
    expect(r.ok).toBe(false);
  });

  it('rejects catastrophic patterns', () => {
    expect(validateSkuCropRules(rules({ regex: { pattern: '(a+)+$', replacement: '' } })).ok).toBe(false);
    expect(validateSkuCropRules(rules({ regex: { pattern: '(.*)*', replacement: '' } })).ok).toBe(false);
  });
});

describe('previewSkuCrop', () => {
  it('shows what each SKU becomes', () => {
    const r = rules({ removeSuffixes: ['-FBM'] });
    expect(previewSkuCrop(r, ['ABC-FBM', 'XYZ', 'amzn.gr.Q-1a2b3c4d', '-FBM'])).toEqual([
      { sku: 'ABC-FBM', cropped: 'ABC', changed: true },
      { sku: 'XYZ', cropped: 'XYZ', changed: false },
      { sku: 'amzn.gr.Q-1a2b3c4d', cropped: 'Q', changed: true },
      {
        sku: '-FBM',
        cropped: '-FBM',
        changed: false,
        error: 'the rules crop this SKU to an empty string; it is used unchanged',
      },
    ]);
  });

  it('invalid rules: every row carries the validation message', () => {
    const rows = previewSkuCrop(rules({ removePrefixes: [''] }), ['A']);
    expect(rows).toEqual([
      { sku: 'A', cropped: 'A', changed: false, error: expect.stringContaining('empty prefix') as unknown },
    ]);
  });
});
