import { z } from 'zod';

/**
 * Settings of a hub-api store: the store pulls orders from OrderBridge's REST API (`/api/hub/...`)
 * and may receive signed webhooks. StoreConfig.baseUrl is informational (the store's own site).
 */
export const hubApiSettingsSchema = z.strictObject({
  /** Where OrderBridge POSTs signed webhooks (order.created, order.cancelled, …); absent = none. */
  webhookUrl: z.url({ protocol: /^https?$/, error: 'webhookUrl must be an http(s) URL' }).optional(),
  /** How often the store says it polls (informational: shown to the merchant; OrderBridge does not poll). */
  pollIntervalSeconds: z.number().int().min(10).max(86_400).optional(),
});

export const hubApiSecretsSchema = z.strictObject({
  /** The store authenticates to OrderBridge with `Authorization: Bearer <apiKey>`. */
  apiKey: z.string().min(24, 'apiKey must be at least 24 characters (use a random token)'),
  /** Signs the webhooks OrderBridge sends (HMAC-SHA256). */
  webhookSecret: z.string().min(24, 'webhookSecret must be at least 24 characters (use a random token)'),
});

export type HubApiSettings = z.output<typeof hubApiSettingsSchema>;
export type HubApiSecrets = z.output<typeof hubApiSecretsSchema>;

/** The settings of a stored hub-api store; invalid or foreign settings read as "no webhook". */
export function readHubApiSettings(settings: unknown): HubApiSettings {
  const parsed = hubApiSettingsSchema.safeParse(settings ?? {});
  return parsed.success ? parsed.data : {};
}
