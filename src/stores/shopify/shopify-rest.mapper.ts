import type { ShopifyPolledLine, ShopifyPolledOrder } from './shopify.types.js';

/** The REST-style (snake_case) order of a webhook body, as far as events need it. */
export interface RestOrder {
  id: number | string;
  admin_graphql_api_id?: string;
  name?: string;
  updated_at?: string;
  cancelled_at?: string | null;
  note_attributes?: { name: string; value: string | null }[];
  line_items?: {
    id: number | string;
    sku?: string | null;
    quantity?: number;
    properties?: { name: string; value: string | null }[];
  }[];
  fulfillments?: {
    id: number | string;
    admin_graphql_api_id?: string;
    status?: string;
    created_at?: string;
    tracking_company?: string | null;
    tracking_number?: string | null;
    tracking_url?: string | null;
    line_items?: { id: number | string; sku?: string | null; quantity?: number }[];
  }[];
}

const gidOf = (type: string, id: number | string, given?: string): string => given ?? `gid://shopify/${type}/${id}`;

/** A webhook order → the GraphQL shape the poll reads, so both map through orderEvents. */
export function restOrder(o: RestOrder): ShopifyPolledOrder {
  const lines = new Map<string, ShopifyPolledLine>();
  for (const l of o.line_items ?? []) {
    lines.set(String(l.id), {
      id: gidOf('LineItem', l.id),
      sku: l.sku ?? null,
      quantity: l.quantity ?? 0,
      customAttributes: (l.properties ?? []).map((p) => ({ key: p.name, value: p.value })),
    });
  }
  return {
    id: gidOf('Order', o.id, o.admin_graphql_api_id),
    name: o.name ?? '',
    updatedAt: o.updated_at ?? new Date(0).toISOString(),
    cancelledAt: o.cancelled_at ?? null,
    customAttributes: (o.note_attributes ?? []).map((a) => ({ key: a.name, value: a.value })),
    lineItems: { nodes: [...lines.values()].map((l) => ({ id: l.id, quantity: l.quantity ?? 0 })) },
    fulfillments: (o.fulfillments ?? []).map((f) => ({
      id: gidOf('Fulfillment', f.id, f.admin_graphql_api_id),
      status: f.status ?? '',
      createdAt: f.created_at ?? o.updated_at ?? new Date(0).toISOString(),
      trackingInfo: [
        { company: f.tracking_company ?? null, number: f.tracking_number ?? null, url: f.tracking_url ?? null },
      ],
      fulfillmentLineItems: {
        nodes: (f.line_items ?? []).map((fl) => ({
          quantity: fl.quantity ?? 0,
          lineItem: lines.get(String(fl.id)) ?? {
            id: gidOf('LineItem', fl.id),
            sku: fl.sku ?? null,
            customAttributes: [],
          },
        })),
      },
    })),
  };
}
