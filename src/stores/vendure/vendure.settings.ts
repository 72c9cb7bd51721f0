import { z } from 'zod';

/**
 * Connection settings of a Vendure store. StoreConfig.baseUrl is the Admin API endpoint
 * (e.g. https://shop.example/admin-api); a bare server URL gets `/admin-api` appended.
 */
export const vendureSettingsSchema = z.strictObject({
  /** Channel token (`vendure-token` header); absent = the default channel. */
  channelToken: z.string().min(1, 'must not be empty').optional(),
  /** Code of the shipping method created orders use (default: the first eligible one). */
  shippingMethodCode: z.string().min(1, 'must not be empty').optional(),
  /** `method` of the manual payment that settles created orders (default `orderbridge`). */
  paymentMethodCode: z.string().min(1, 'must not be empty').optional(),
  /** The OrderBridge plugin's webhookSecret (for parseWebhook). Also accepted in secrets. */
  webhookSecret: z.string().min(1, 'must not be empty').optional(),
});

/** Either an administrator's username + password (login → bearer token) or an API key. */
export const vendureSecretsSchema = z
  .strictObject({
    username: z.string().min(1, 'must not be empty').optional(),
    password: z.string().min(1, 'must not be empty').optional(),
    /** Vendure API key (sent as `vendure-api-key`), for Vendure versions that have them. */
    apiKey: z.string().min(1, 'must not be empty').optional(),
    webhookSecret: z.string().min(1, 'must not be empty').optional(),
  })
  .refine((s) => s.apiKey !== undefined || (s.username !== undefined && s.password !== undefined), {
    message: 'give either username and password of a Vendure administrator, or apiKey',
  });

export type VendureSettings = z.output<typeof vendureSettingsSchema>;
export type VendureSecrets = z.output<typeof vendureSecretsSchema>;
