import { z } from 'zod';

/**
 * Connection settings of a WooCommerce store. The base URL (site root, e.g. https://shop.example)
 * is StoreConfig.baseUrl; the API lives under `<baseUrl>/wp-json/wc/v3/`.
 */
export const wooSettingsSchema = z.strictObject({
  /** Status of a created order once it is complete and reconciled. */
  orderStatus: z.enum(['processing', 'on-hold']).default('processing'),
  /** Secret of the store's `order.updated` webhook (for parseWebhook). Also accepted in secrets. */
  webhookSecret: z.string().min(1, 'must not be empty').optional(),
  /** `method_id` of the shipping line (default `flat_rate`); the title is the draft's shipping method. */
  shippingMethodId: z.string().min(1, 'must not be empty').max(100).optional(),
});

export const wooSecretsSchema = z.strictObject({
  consumerKey: z.string().min(1, 'is required (ck_…)'),
  consumerSecret: z.string().min(1, 'is required (cs_…)'),
  webhookSecret: z.string().min(1, 'must not be empty').optional(),
});

export type WooSettings = z.output<typeof wooSettingsSchema>;
export type WooSecrets = z.output<typeof wooSecretsSchema>;
