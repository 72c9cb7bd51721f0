import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { marketplaceFor } from '../../amazon/marketplaces.js';
import { carriersForMarketplace } from '../../domain/shipping-carriers.js';
import { errorResponses } from '../schemas.js';

/** The Default Shipping service's choices (part of the reference data, see reference.routes.ts). */
export function registerCarrierReference(server: FastifyInstance): void {
  const s = server.withTypeProvider<ZodTypeProvider>();

  s.get('/api/reference/carriers', {
    schema: {
      tags: ['reference'],
      summary: 'Carriers for the Default Shipping service: the marketplace’s common ones first, each carrier once',
      description:
        'Amazon carrier codes without entries that are not carriers and without second spellings of one carrier. ' +
        '"Other" (a carrier Amazon does not list; the store’s carrier name is sent) is answered apart.',
      querystring: z.object({
        marketplace: z
          .string()
          .max(20)
          .optional()
          .describe('marketplace id or country code: its common carriers come first, marked common'),
      }),
      response: {
        200: z.object({
          carriers: z.array(
            z.object({
              code: z.string().describe('sent to Amazon exactly as written (case and spaces matter)'),
              name: z.string(),
              common: z.boolean().describe('one of the usual carriers of the marketplace'),
            }),
          ),
          other: z.object({ code: z.literal('Other'), description: z.string() }),
        }),
        ...errorResponses,
      },
    },
    handler: (req) => {
      const marketplace = req.query.marketplace ? marketplaceFor(req.query.marketplace) : null;
      const { common, others } = carriersForMarketplace(marketplace?.countryCode ?? null);
      return {
        carriers: [
          ...common.map((code) => ({ code, name: code, common: true })),
          ...others.map((code) => ({ code, name: code, common: false })),
        ],
        other: {
          code: 'Other' as const,
          description:
            'A carrier Amazon does not list: the store’s carrier name (or Default Order Shipping method) is sent',
        },
      };
    },
  });
}
