import { describe, expect, it } from 'vitest';
import { applySkuCropRules, cropGradeAndResell, DEFAULT_SKU_CROP_RULES, type SkuCropRules } from './sku-crop-apply.js';

const rules = (overrides: Partial<SkuCropRules>): SkuCropRules => ({ ...DEFAULT_SKU_CROP_RULES, ...overrides });

describe('cropGradeAndResell', () => {
  it.each([
    ['amzn.gr.ABC-1x2y3z4w', 'ABC'],
    ['amzn.gr.ABC-RED-XL-9k8j7h6g', 'ABC-RED-XL'],
    ['AMZN.GR.abc-1x2y3z4w', 'abc'],
    ['amzn.gr.ABC', 'ABC'],
    ['ABC-1x2y3z4w', 'ABC-1x2y3z4w'],
    ['xamzn.gr.ABC-1', 'xamzn.gr.ABC-1'],
  ])('%s → %s', (sku, expected) => expect(cropGradeAndResell(sku)).toBe(expected));
});

describe('applySkuCropRules', () => {
  it('defaults: only Grade & Resell', () => {
    expect(applySkuCropRules('amzn.gr.ABC-1x2y3z4w', DEFAULT_SKU_CROP_RULES)).toBe('ABC');
    expect(applySkuCropRules('ABC-FBM', DEFAULT_SKU_CROP_RULES)).toBe('ABC-FBM');
    expect(applySkuCropRules('amzn.gr.ABC-1x2y3z4w', rules({ gradeAndResell: false }))).toBe('amzn.gr.ABC-1x2y3z4w');
  });

  it('removes the first matching prefix only, once', () => {
    const r = rules({ removePrefixes: ['AMZ-', 'AMZ-X'] });
    expect(applySkuCropRules('AMZ-X123', r)).toBe('X123');
    expect(applySkuCropRules('AMZ-AMZ-1', r)).toBe('AMZ-1');
    expect(applySkuCropRules('amz-1', r)).toBe('amz-1'); // case-sensitive
  });

  it('removes the first matching suffix (strip -FBM)', () => {
    const r = rules({ removeSuffixes: ['-FBM', '-stickerless'] });
    expect(applySkuCropRules('ABC-123-FBM', r)).toBe('ABC-123');
    expect(applySkuCropRules('ABC-stickerless', r)).toBe('ABC');
    expect(applySkuCropRules('FBM-ABC', r)).toBe('FBM-ABC');
  });

  it('applies the regex last, first match only without g, all matches with g', () => {
    expect(applySkuCropRules('A_B_C', rules({ regex: { pattern: '_', replacement: '-' } }))).toBe('A-B_C');
    expect(applySkuCropRules('A_B_C', rules({ regex: { pattern: '_', replacement: '-', flags: 'g' } }))).toBe('A-B-C');
    expect(
      applySkuCropRules('abc-v2', rules({ regex: { pattern: '^([a-z]+)-v\\d$', replacement: '$1', flags: 'i' } })),
    ).toBe('abc');
  });

  it('runs in the documented order: grade & resell → prefix → suffix → regex', () => {
    const r = rules({ removePrefixes: ['DE-'], removeSuffixes: ['-FBM'], regex: { pattern: '-', replacement: '' } });
    expect(applySkuCropRules('amzn.gr.DE-AB-C-FBM-1x2y3z4w', r)).toBe('ABC');
  });
});
