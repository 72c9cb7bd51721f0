import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { AMAZON_CARRIER_CODES, suggestCarrierCode } from './carrier-codes.js';
import { mergePatch } from './merge-patch.js';
import { skuCropRulesSchema } from './sku-crop.js';

/** Cancel reasons of POST_ORDER_ACKNOWLEDGEMENT_DATA (amazon/README §9.4; the last four UNVERIFIED). */
export const CANCELLATION_REASONS = [
  'NoInventory',
  'ShippingAddressUndeliverable',
  'CustomerExchange',
  'BuyerCanceled',
  'GeneralAdjustment',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'CustomerReturn',
  'MerchandiseNotReceived',
  'CannotVerifyInformation',
  'PricingError',
  'RejectOrder',
  'WeatherDelay',
] as const;

export const BUILTIN_IDENTIFICATION_ATTRIBUTES = ['sku', 'ean', 'gtin', 'mpn'] as const;
/** Store attribute codes: Magento `color_code`, WooCommerce `_gtin`, Shopify metafield `custom.ean`. */
const ATTRIBUTE_CODE = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

export interface OrdersConfigContext {
  /** The marketplace's default for "Tax is included in prices" (from the marketplace table). */
  taxIncludedDefault: boolean;
  /** Creation time; the default sync-from date is one day before it. */
  now: Date;
}

const DAY_MS = 86_400_000;
const intBetween = (min: number, max: number, what: string) =>
  z
    .int({ error: `${what} must be a whole number` })
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);
const bool = () => z.boolean({ error: 'must be true or false' });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `"${String(iss.input)}" is not one of ${values.map((v) => `"${v}"`).join(', ')}` });

export type SkuCropConfig = z.output<typeof skuCropRulesSchema>;

function ordersConfigSchema(ctx: OrdersConfigContext) {
  const defaultSyncFrom = new Date(ctx.now.getTime() - DAY_MS).toISOString();
  return z.strictObject({
    active: bool().default(false),
    syncLevel: oneOf(['orders_and_stock', 'stock_only']).default('orders_and_stock'),
    orderTypes: z
      .array(oneOf(['MFN', 'AFN']), { error: 'must be a list of "MFN" and/or "AFN"' })
      .min(1, 'select at least one order type')
      .refine((types) => new Set(types).size === types.length, 'each order type at most once')
      .default(['MFN']),
    fbaOrdersLowerStock: bool().default(false),
    productIdentificationAttribute: z
      .union(
        [
          z.enum(BUILTIN_IDENTIFICATION_ATTRIBUTES),
          z.strictObject({
            custom: z.string({ error: 'must be text' }).regex(ATTRIBUTE_CODE, {
              error:
                'custom attribute code must start with a letter or "_" and use only letters, digits, "_", ".", ":" or "-" (at most 64)',
            }),
          }),
        ],
        { error: 'must be "sku", "ean", "gtin", "mpn" or { "custom": "<attribute code>" }' },
      )
      .default('sku'),
    skuCrop: skuCropRulesSchema.prefault({}),
    defaultShippingService: z
      .enum(AMAZON_CARRIER_CODES, {
        error: (iss) => {
          const hint = typeof iss.input === 'string' ? suggestCarrierCode(iss.input) : null;
          const didYouMean = hint ? ` (did you mean "${hint}"?)` : '';
          return `"${String(iss.input)}" is not an Amazon carrier code${didYouMean}; use "Other" for carriers Amazon does not list`;
        },
      })
      .default('Other'),
    defaultOrderShippingMethod: z.string({ error: 'must be text' }).max(100, 'at most 100 characters').default(''),
    /** Store carrier (case-insensitive) → Amazon carrier code; checked before Default Shipping service. */
    carrierMapping: z
      .record(
        z.string().trim().min(1, 'store carrier must not be empty').max(100),
        z.enum(AMAZON_CARRIER_CODES, {
          error: (iss) => `"${String(iss.input)}" is not an Amazon carrier code (see amazon/carrier-codes.json)`,
        }),
        { error: 'must map store carrier names to Amazon carrier codes' },
      )
      .default({}),
    cancellationReason: oneOf(CANCELLATION_REASONS).default('NoInventory'),
    ignoreAmazonTax: bool().default(false),
    taxIncluded: bool().default(ctx.taxIncludedDefault),
    unknownSkuPolicy: oneOf(['hold', 'import_unlinked', 'skip']).default('hold'),
    reservePendingStock: bool().default(true),
    facilitatorTax: oneOf(['keep', 'drop']).default('drop'),
    syncFromDate: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z' })
      .transform((s) => new Date(s).toISOString())
      .refine((s) => Date.parse(s) <= ctx.now.getTime() + DAY_MS, 'must not be in the future')
      .default(defaultSyncFrom),
    pollIntervalMinutes: intBetween(1, 1440, 'poll interval (minutes)').default(5),
    stockBuffer: intBetween(0, 1_000_000, 'stock buffer').default(0),
    maxQuantity: intBetween(0, 1_000_000, 'max quantity').nullable().default(null),
    lookbackOverlapSeconds: intBetween(0, 86_400, 'lookback overlap (seconds)').default(300),
  });
}

/** The complete Orders Configuration of a connection (PRODUCT.md §5), defaults filled in. */
export type OrdersConfig = z.output<ReturnType<typeof ordersConfigSchema>>;
export type OrdersConfigInput = z.input<ReturnType<typeof ordersConfigSchema>>;

export interface ConfigIssue {
  path: string;
  message: string;
}

function toIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'unknown setting' }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}

/** Validates a whole configuration; every problem is listed with its field path and a human message. */
export function parseOrdersConfig(input: unknown, ctx: OrdersConfigContext): Result<OrdersConfig> {
  const parsed = ordersConfigSchema(ctx).safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const issues = toIssues(parsed.error);
  const summary = issues.map((i) => `${i.path || '(config)'}: ${i.message}`).join('; ');
  return err(
    new AppError('orders_config_invalid', `Invalid Orders Configuration: ${summary}`, {
      kind: 'invalid',
      details: { issues },
    }),
  );
}

/** A configuration with every default (what a new connection starts with). */
export function defaultOrdersConfig(ctx: OrdersConfigContext): OrdersConfig {
  const parsed = parseOrdersConfig({}, ctx);
  if (!parsed.ok) throw parsed.error; // defaults are valid by construction
  return parsed.value;
}

/**
 * Applies a partial update (JSON merge patch, RFC 7396: nested objects merge, arrays are replaced,
 * null removes a key so its default applies) and re-validates the result.
 */
export function updateOrdersConfig(
  current: OrdersConfig,
  patch: unknown,
  ctx: OrdersConfigContext,
): Result<OrdersConfig> {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    return err(
      new AppError('orders_config_invalid', 'Invalid Orders Configuration update: expected an object of settings', {
        kind: 'invalid',
        details: { issues: [{ path: '', message: 'expected an object of settings' }] },
      }),
    );
  }
  return parseOrdersConfig(mergePatch(current, patch), ctx);
}
