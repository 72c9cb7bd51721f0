import { z } from 'zod';

/** What a user gives to add a connection (CLI flags, REST body). Secrets are write-only. */
export const newConnectionSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(100),
  marketplaceId: z
    .string()
    .trim()
    .min(1, 'marketplace is required (a marketplace id such as A1PA6795UKMFR9 or a country code such as DE)'),
  sellerId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{8,20}$/, 'Seller ID (merchant token) looks like A2EUQ1WTGCTBG2: 8–20 capital letters and digits'),
  /** The app's LWA credentials; default: the installation's (ORDERBRIDGE_LWA_CLIENT_ID / _SECRET). */
  clientId: z.string().trim().min(1, 'LWA client id is required').optional(),
  clientSecret: z.string().min(1, 'LWA client secret is required').optional(),
  /** The seller's authorisation; absent until "Connect with Amazon" brings it (the connection stays Disabled). */
  refreshToken: z
    .string()
    .trim()
    .regex(
      /^Atzr\|/,
      'the refresh token starts with "Atzr|" (MWS auth tokens "amzn.mws.…" stopped working in 2024: authorise the SP-API app instead)',
    )
    .optional(),
  spApiBaseUrl: z.url({ protocol: /^https?$/, error: 'SP-API base URL must be an http(s) URL' }).optional(),
  lwaUrl: z.url({ protocol: /^https?$/, error: 'LWA token URL must be an http(s) URL' }).optional(),
  active: z.boolean().optional(),
  /** The store (id or name) that receives this connection's orders. */
  store: z.string().trim().min(1, 'store must be a store id or name').nullable().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export type NewConnectionInput = z.input<typeof newConnectionSchema>;

export const connectionUpdateSchema = newConnectionSchema
  .omit({ config: true })
  .partial()
  .extend({ config: z.record(z.string(), z.unknown()).optional() });

export type ConnectionUpdateInput = z.input<typeof connectionUpdateSchema>;
