import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { minorUnits } from '../../domain/money.js';
import { displayTaxRate } from '../../domain/vat-rates.js';
import { errorResponses, orderDetailsSchema, orderLineSchema, orderSchema } from '../schemas.js';
import { accountOf } from '../auth/request-auth.js';
import { cancellationSchema, shipmentSchema } from '../store-schemas.js';
import type { RouteDeps } from './route-deps.js';

const listQuery = z.object({
  connection: z.string().optional().describe('connection id or name'),
  status: z
    .string()
    .optional()
    .describe('OrderBridge status: pending, ready, shipped, cancelled, cancel_requested, skipped, failed'),
  amazonStatus: z.string().optional().describe('Amazon status, e.g. UNSHIPPED'),
  search: z.string().max(100).optional().describe('Amazon or seller order id contains'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const detailsLineSchema = orderLineSchema
  .extend({
    displayTaxRate: z
      .object({ percent: z.string(), source: z.enum(['marketplace', 'computed']) })
      .nullable()
      .describe("the marketplace's VAT rate when the amounts match it to the cent, else tax ÷ net (2 decimals)"),
  })
  .meta({ id: 'OrderDetailsLine' });

/** GET /api/orders, GET /api/orders/:order */
export function registerOrderRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;

  s.get('/api/orders', {
    schema: {
      tags: ['orders'],
      summary: 'Orders, newest first, with filters and paging',
      querystring: listQuery,
      response: { 200: z.object({ orders: z.array(orderSchema), total: z.number().int() }), ...errorResponses },
    },
    handler: async (req) => {
      const q = req.query;
      const result = await app.orders.list(accountOf(req), {
        ...(q.connection !== undefined && { connection: q.connection }),
        ...(q.status !== undefined && { status: q.status }),
        ...(q.amazonStatus !== undefined && { amazonStatus: q.amazonStatus }),
        ...(q.search !== undefined && { search: q.search }),
        limit: q.limit,
        offset: q.offset,
      });
      if (!result.ok) throw result.error;
      return {
        orders: result.value.orders.map(({ raw: _raw, contentHash: _h, ...o }) => o),
        total: result.value.total,
      };
    },
  });

  s.get('/api/orders/:order', {
    schema: {
      tags: ['orders'],
      summary: "An order with its lines, totals, timeline and Amazon's raw data",
      params: z.object({ order: z.string().min(1).describe('OrderBridge order id or Amazon order id') }),
      response: {
        200: orderDetailsSchema.extend({
          lines: z.array(detailsLineSchema),
          shipments: z.array(shipmentSchema),
          cancellations: z.array(cancellationSchema),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const result = await app.orders.details(accountOf(req), req.params.order);
      if (!result.ok) throw result.error;
      const { contentHash: _h, ...order } = result.value.order;
      const decimals = minorUnits(order.currency);
      const lines = result.value.lines.map((l) => ({
        ...l,
        displayTaxRate: displayTaxRate({
          marketplaceId: order.marketplaceId,
          net: l.lineNet,
          tax: l.lineTax,
          decimals,
        }),
      }));
      return { ...result.value, order, lines };
    },
  });
}
