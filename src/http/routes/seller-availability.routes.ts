import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountOf } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

const query = z.object({
  sellerId: z.string().min(1).max(100).describe('Seller ID (merchant token), e.g. A2EUQ1WTGCTBG2'),
  marketplace: z.string().min(1).max(20).describe('marketplace id (A1PA6795UKMFR9) or country code (DE)'),
});

const availability = z.object({
  available: z
    .boolean()
    .describe('false when another connection of this seller account + marketplace is active (in any account)'),
  message: z
    .string()
    .optional()
    .describe('why it is not available, or a hint: a disabled connection of this account already uses it'),
  existingConnectionId: z
    .string()
    .optional()
    .describe('the existing connection, only when it is in the caller’s account'),
});

/** GET /api/connections/seller-availability: the wizard's Seller ID step checks it before going on. */
export function registerSellerAvailabilityRoutes(server: FastifyInstance, deps: RouteDeps): void {
  server.withTypeProvider<ZodTypeProvider>().get('/api/connections/seller-availability', {
    schema: {
      tags: ['connections'],
      summary: 'Is this Amazon seller account + marketplace free for an active order connection?',
      description:
        'One seller account + marketplace may have one active order connection per installation. ' +
        'Adding or activating a second one answers 409 connection_duplicate with the same message.',
      querystring: query,
      response: { 200: availability, ...errorResponses },
    },
    handler: async (req) => {
      const checked = await deps.app.connections.sellerAvailability(
        accountOf(req),
        req.query.sellerId,
        req.query.marketplace,
      );
      if (!checked.ok) throw checked.error;
      return checked.value;
    },
  });
}
