import { z } from 'zod';

const nonEmpty = z.string().min(1, 'must not be empty');
const metafieldKey = z.string().regex(/^[\w-]+\.[\w-]+$/, 'must be namespace.key');

/** Connection settings of a Shopify store (README.md in this folder). */
export const shopifySettingsSchema = z.strictObject({
  /** Location whose `available` quantity OrderBridge reads and adjusts (GID); default the primary one. */
  locationId: z
    .string()
    .regex(/^(gid:\/\/shopify\/Location\/)?\d+$/, 'must be a Location GID or number')
    .transform((v) => (v.startsWith('gid://') ? v : `gid://shopify/Location/${v}`))
    .optional(),
  /** 'amazon': the order's name is the Amazon order id; 'shopify' (default): Shopify numbers it (#1001). */
  orderNumbering: z.enum(['shopify', 'amazon']).optional(),
  /** Extra tags on every created order (besides `amazon` and the marketplace). */
  tags: z.array(nonEmpty).max(20).optional(),
  /** Shopify e-mails its order receipt to the buyer (default false: Amazon informs the buyer). */
  sendReceipt: z.boolean().optional(),
  /** `namespace.key` of a variant metafield used as the Product Identification Attribute `metafield`. */
  identifierMetafield: metafieldKey.optional(),
  /** Webhook signing secret (default: the client secret); also accepted in secrets. */
  webhookSecret: nonEmpty.optional(),
});

/** An Admin API access token, or the client id + secret of the merchant's app (client-credentials grant). */
export const shopifySecretsSchema = z
  .strictObject({
    accessToken: nonEmpty.optional(),
    clientId: nonEmpty.optional(),
    clientSecret: nonEmpty.optional(),
    webhookSecret: nonEmpty.optional(),
  })
  .refine((s) => s.accessToken !== undefined || (s.clientId !== undefined && s.clientSecret !== undefined), {
    message: 'give either accessToken (Admin API access token) or clientId and clientSecret of your Shopify app',
  });

export type ShopifySettings = z.output<typeof shopifySettingsSchema>;
export type ShopifySecrets = z.output<typeof shopifySecretsSchema>;

/**
 * The store's base URL: `shop`, `shop.myshopify.com` or `https://shop.myshopify.com/…` → the https
 * origin; any other http(s) URL (a custom domain, the sandbox) is kept as its origin.
 */
export function normaliseShopUrl(input: string): string {
  const value = input.trim().replace(/\/+$/, '');
  if (/^[a-z0-9][a-z0-9-]*$/i.test(value)) return `https://${value.toLowerCase()}.myshopify.com`;
  if (/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(value)) return `https://${value.toLowerCase()}`;
  try {
    const url = new URL(value);
    return url.origin;
  } catch {
    return value;
  }
}
