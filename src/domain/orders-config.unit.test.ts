import { describe, expect, it } from 'vitest';
import {
  CANCELLATION_REASONS,
  defaultOrdersConfig,
  parseOrdersConfig,
  updateOrdersConfig,
  type ConfigIssue,
  type OrdersConfig,
  type OrdersConfigContext,
} from './orders-config.js';

const now = new Date('2026-03-10T12:00:00.000Z');
const EU: OrdersConfigContext = { taxIncludedDefault: true, now };
const US: OrdersConfigContext = { taxIncludedDefault: false, now };

const issuesOf = (input: unknown, ctx = US): ConfigIssue[] => {
  const r = parseOrdersConfig(input, ctx);
  if (r.ok) throw new Error('expected invalid');
  expect(r.error.code).toBe('orders_config_invalid');
  expect(r.error.kind).toBe('invalid');
  return (r.error.details as { issues: ConfigIssue[] }).issues;
};
const valid = (input: unknown, ctx = US): OrdersConfig => {
  const r = parseOrdersConfig(input, ctx);
  if (!r.ok) throw r.error;
  return r.value;
};

describe('defaults', () => {
  it('an empty input gets every default of PRODUCT.md §5', () => {
    expect(defaultOrdersConfig(US)).toEqual({
      active: false,
      syncLevel: 'orders_and_stock',
      orderTypes: ['MFN'],
      fbaOrdersLowerStock: false,
      productIdentificationAttribute: 'sku',
      skuCrop: { removePrefixes: [], removeSuffixes: [], regex: null, gradeAndResell: true },
      defaultShippingService: 'Other',
      defaultOrderShippingMethod: '',
      carrierMapping: {},
      cancellationReason: 'NoInventory',
      ignoreAmazonTax: false,
      taxIncluded: false,
      unknownSkuPolicy: 'hold',
      reservePendingStock: true,
      facilitatorTax: 'drop',
      syncFromDate: '2026-03-09T12:00:00.000Z',
      pollIntervalMinutes: 5,
      stockBuffer: 0,
      maxQuantity: null,
      lookbackOverlapSeconds: 300,
    });
  });

  it('tax-included default comes from the marketplace (passed in)', () => {
    expect(defaultOrdersConfig(EU).taxIncluded).toBe(true);
    expect(valid({ taxIncluded: false }, EU).taxIncluded).toBe(false);
  });

  it('undefined/null input means "all defaults"', () => {
    expect(valid(undefined).active).toBe(false);
    expect(valid(null).pollIntervalMinutes).toBe(5);
  });
});

describe('validation', () => {
  it('accepts a complete, non-default configuration', () => {
    const config = valid({
      active: true,
      syncLevel: 'stock_only',
      orderTypes: ['MFN', 'AFN'],
      fbaOrdersLowerStock: true,
      productIdentificationAttribute: { custom: 'custom.ean_13' },
      skuCrop: { removeSuffixes: ['-FBM'], regex: { pattern: '^(\\w+)-v\\d+$', replacement: '$1', flags: 'i' } },
      defaultShippingService: 'Deutsche Post',
      defaultOrderShippingMethod: 'DHL DE',
      cancellationReason: 'BuyerCanceled',
      ignoreAmazonTax: true,
      taxIncluded: true,
      unknownSkuPolicy: 'import_unlinked',
      reservePendingStock: false,
      facilitatorTax: 'keep',
      syncFromDate: '2026-01-01T00:00:00+01:00',
      pollIntervalMinutes: 1440,
      stockBuffer: 2,
      maxQuantity: 0,
      lookbackOverlapSeconds: 0,
    });
    expect(config.syncFromDate).toBe('2025-12-31T23:00:00.000Z'); // normalised to UTC "Z"
    expect(config.skuCrop).toEqual({
      removePrefixes: [],
      removeSuffixes: ['-FBM'],
      regex: { pattern: '^(\\w+)-v\\d+$', replacement: '$1', flags: 'i' },
      gradeAndResell: true,
    });
  });

  it('lists every issue with its path and a human message', () => {
    const issues = issuesOf({
      active: 'yes',
      orderTypes: [],
      pollIntervalMinutes: 0,
      stockBuffer: 1.5,
      maxQuantity: -1,
      cancellationReason: 'Because',
      syncFromDate: '10/03/2026',
      defaultOrderShippingMethod: 'x'.repeat(101),
      typo: 1,
    });
    expect(issues).toEqual([
      { path: 'active', message: 'must be true or false' },
      { path: 'orderTypes', message: 'select at least one order type' },
      { path: 'defaultOrderShippingMethod', message: 'at most 100 characters' },
      {
        path: 'cancellationReason',
        message: expect.stringContaining('"Because" is not one of "NoInventory"') as unknown,
      },
      { path: 'syncFromDate', message: 'must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z' },
      { path: 'pollIntervalMinutes', message: 'poll interval (minutes) must be at least 1' },
      { path: 'stockBuffer', message: 'stock buffer must be a whole number' },
      { path: 'maxQuantity', message: 'max quantity must be at least 0' },
      { path: 'typo', message: 'unknown setting' },
    ]);
  });

  it('the error message summarises the issues', () => {
    const r = parseOrdersConfig({ pollIntervalMinutes: 2000 }, US);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'Invalid Orders Configuration: pollIntervalMinutes: poll interval (minutes) must be at most 1440',
      );
  });

  it('order types: subset of MFN/AFN, no duplicates', () => {
    expect(issuesOf({ orderTypes: ['FBM'] })[0]).toEqual({
      path: 'orderTypes.0',
      message: '"FBM" is not one of "MFN", "AFN"',
    });
    expect(issuesOf({ orderTypes: ['MFN', 'MFN'] })[0]?.message).toBe('each order type at most once');
  });

  it('product identification attribute: built-in or a valid custom code', () => {
    expect(valid({ productIdentificationAttribute: 'gtin' }).productIdentificationAttribute).toBe('gtin');
    expect(issuesOf({ productIdentificationAttribute: { custom: 'bad code!' } })[0]?.path).toBe(
      'productIdentificationAttribute.custom',
    );
    expect(issuesOf({ productIdentificationAttribute: 'isbn' })[0]?.message).toContain(
      'must be "sku", "ean", "gtin", "mpn"',
    );
  });

  it('carrier code must be Amazon’s exact code, with a hint for near misses', () => {
    expect(valid({ defaultShippingService: 'Royal Mail' }).defaultShippingService).toBe('Royal Mail');
    expect(issuesOf({ defaultShippingService: 'royal mail' })[0]?.message).toBe(
      '"royal mail" is not an Amazon carrier code (did you mean "Royal Mail"?); use "Other" for carriers Amazon does not list',
    );
    expect(issuesOf({ defaultShippingService: 'Pigeon Post' })[0]?.message).not.toContain('did you mean');
  });

  it('all 14 cancellation reasons are accepted', () => {
    expect(CANCELLATION_REASONS).toHaveLength(14);
    for (const reason of CANCELLATION_REASONS)
      expect(valid({ cancellationReason: reason }).cancellationReason).toBe(reason);
  });

  it('SKU crop rules are checked with the safety checker, issues under skuCrop.*', () => {
    const issues = issuesOf({ skuCrop: { removePrefixes: [''], regex: { pattern: '(a+)+$' } } });
    expect(issues.map((i) => i.path)).toEqual(['skuCrop.removePrefixes.0', 'skuCrop.regex.pattern']);
    expect(issues[1]?.message).toContain('nested quantifier');
    expect(issuesOf({ skuCrop: { regex: { pattern: '(' } } })[0]?.message).toContain('pattern does not compile');
  });

  it('sync-from date must not be in the future', () => {
    expect(issuesOf({ syncFromDate: '2026-04-01T00:00:00Z' })[0]).toEqual({
      path: 'syncFromDate',
      message: 'must not be in the future',
    });
  });
});

describe('updateOrdersConfig', () => {
  const current = defaultOrdersConfig(US);

  it('merges a partial update and re-validates', () => {
    const r = updateOrdersConfig(current, { active: true, skuCrop: { removeSuffixes: ['-FBM'] } }, US);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.active).toBe(true);
      expect(r.value.skuCrop).toEqual({
        removePrefixes: [],
        removeSuffixes: ['-FBM'],
        regex: null,
        gradeAndResell: true,
      });
      expect(r.value.syncFromDate).toBe(current.syncFromDate);
    }
  });

  it('null resets a setting to its default; nested regex can be removed', () => {
    const withRegex = updateOrdersConfig(current, { maxQuantity: 10, skuCrop: { regex: { pattern: '-X$' } } }, US);
    if (!withRegex.ok) throw withRegex.error;
    const reset = updateOrdersConfig(withRegex.value, { maxQuantity: null, skuCrop: { regex: null } }, US);
    if (!reset.ok) throw reset.error;
    expect(reset.value.maxQuantity).toBeNull();
    expect(reset.value.skuCrop.regex).toBeNull();
  });

  it('rejects an invalid patch and leaves nothing half-applied', () => {
    const r = updateOrdersConfig(current, { pollIntervalMinutes: 0, active: true }, US);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.details).toEqual({
        issues: [{ path: 'pollIntervalMinutes', message: 'poll interval (minutes) must be at least 1' }],
      });
    expect(current.active).toBe(false);
  });

  it('rejects a patch that is not an object', () => {
    for (const patch of [null, 'x', [1]]) expect(updateOrdersConfig(current, patch, US).ok).toBe(false);
  });
});
