import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Connection settings of a Magento 2 / Adobe Commerce store (README.md in this folder). */
export const magento2SettingsSchema = z.strictObject({
  /** Store view code in `/rest/<storeCode>/V1/…` (default `default`). */
  storeCode: z
    .string()
    .regex(/^[a-z0-9_]+$/i, 'must be a Magento store view code (letters, digits, _)')
    .optional(),
  /** `direct` (default): OrderBridge writes Amazon's amounts; `cart`: Magento prices a checkout. */
  orderCreation: z.enum(['direct', 'cart']).optional(),
  /** Prefix of the order number (increment_id = prefix + Amazon order id, at most 50 characters). */
  incrementIdPrefix: z.string().max(30, 'must be at most 30 characters').optional(),
  /** Offline payment method code of created orders (default `checkmo`). */
  paymentMethod: nonEmpty.optional(),
  /** Invoice the created order (state `processing`); false leaves it `pending` (default true). */
  invoice: z.boolean().optional(),
  /** MSI source whose quantity OrderBridge reads and writes (default `default`). */
  sourceCode: nonEmpty.optional(),
  /** MSI stock whose salable quantity OrderBridge reads (default 1). */
  stockId: z.number().int().positive().optional(),
  /** Cart flow: `carrier_method` of the shipping method Magento prices (default `flatrate_flatrate`). */
  cartShippingMethod: z
    .string()
    .regex(/^[a-z0-9]+_[\w-]+$/i, 'must be carrier_method, e.g. flatrate_flatrate')
    .optional(),
  /** Seconds between event polls (read by the sync worker). */
  pollIntervalSeconds: z.number().int().min(10).max(86_400).optional(),
});

/** The integration's access token (Bearer) or all four integration credentials (OAuth 1.0a). */
export const magento2SecretsSchema = z
  .strictObject({
    accessToken: nonEmpty.optional(),
    accessTokenSecret: nonEmpty.optional(),
    consumerKey: nonEmpty.optional(),
    consumerSecret: nonEmpty.optional(),
  })
  .refine(
    (s) =>
      s.accessToken !== undefined &&
      [s.consumerKey, s.consumerSecret, s.accessTokenSecret].every((v) => v === undefined) !==
        [s.consumerKey, s.consumerSecret, s.accessTokenSecret].every((v) => v !== undefined),
    {
      message:
        'give either accessToken (integration access token, used as Bearer) or all four integration credentials: consumerKey, consumerSecret, accessToken, accessTokenSecret',
    },
  );

export type Magento2Settings = z.output<typeof magento2SettingsSchema>;
export type Magento2Secrets = z.output<typeof magento2SecretsSchema>;

/** Every setting with its default applied. */
export interface ResolvedMagentoSettings {
  storeCode: string;
  orderCreation: 'direct' | 'cart';
  incrementIdPrefix: string;
  paymentMethod: string;
  invoice: boolean;
  sourceCode: string;
  stockId: number;
  cartShippingMethod: string;
}

export function resolveSettings(s: Magento2Settings): ResolvedMagentoSettings {
  return {
    storeCode: s.storeCode ?? 'default',
    orderCreation: s.orderCreation ?? 'direct',
    incrementIdPrefix: s.incrementIdPrefix ?? 'AMZ-',
    paymentMethod: s.paymentMethod ?? 'checkmo',
    invoice: s.invoice ?? true,
    sourceCode: s.sourceCode ?? 'default',
    stockId: s.stockId ?? 1,
    cartShippingMethod: s.cartShippingMethod ?? 'flatrate_flatrate',
  };
}

/**
 * The shop's root URL: trimmed, without a trailing `/` and without a pasted REST suffix (`/rest`,
 * `/rest/<code>`, `/rest/<code>/V1`, and any route after `V1`); a path prefix such as `/magento` or
 * `/index.php` is kept.
 */
export function normaliseMagentoUrl(input: string): string {
  let value = input.trim().replace(/[?#].*$/, '');
  value = value.replace(/\/+$/, '');
  value = value.replace(/\/rest(?:\/(?!V1(?:\/|$))[^/]+)?(?:\/V1(?:\/.*)?)?$/i, '');
  return value.replace(/\/+$/, '');
}
