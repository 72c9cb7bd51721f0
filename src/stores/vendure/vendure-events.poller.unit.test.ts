import { describe, expect, it } from 'vitest';
import { ok } from '../../lib/result.js';
import type { VendureClient } from './vendure.client.js';
import { INITIAL_STOCK_LOOKBACK_MS, pollEvents } from './vendure-events.poller.js';

const NOW = Date.parse('2026-11-29T10:00:00.000Z');

/** A client answering `orders` with no orders and `productVariants` with `variants`; records the filters. */
function fakeClient(variants: Array<{ id: string; updatedAt: string; stockOnHand: number }>) {
  const filters: Record<string, unknown[]> = { orders: [], productVariants: [] };
  const client = {
    request: (name: string, _query: string, vars: { filter: unknown }) => {
      filters[name]?.push(vars.filter);
      if (name === 'orders') return Promise.resolve(ok({ orders: { items: [], totalItems: 0 } }));
      const items = variants.map((v) => ({
        id: v.id,
        sku: `SKU-${v.id}`,
        name: v.id,
        trackInventory: 'TRUE',
        updatedAt: v.updatedAt,
        stockLevels: [{ stockOnHand: v.stockOnHand, stockAllocated: 0 }],
      }));
      return Promise.resolve(ok({ productVariants: { items } }));
    },
  } as unknown as VendureClient;
  return { client, filters };
}

describe('Vendure pollEvents cursor', () => {
  it('first poll: every order, variants of the last 24 h; the cursor keeps the latest variant change', async () => {
    const { client, filters } = fakeClient([{ id: '7', updatedAt: '2026-11-29T09:00:00.000Z', stockOnHand: 5 }]);
    const page = await pollEvents(client, null, NOW);
    if (!page.ok) throw page.error;
    expect(filters.orders).toEqual([{ orderBridgeOrderId: { isNull: false } }]);
    const from = new Date(NOW - INITIAL_STOCK_LOOKBACK_MS - 2_000).toISOString();
    expect(filters.productVariants).toEqual([{ updatedAt: { after: from } }]);
    expect(page.value.events).toEqual([
      { kind: 'stock', productRef: '7', sku: 'SKU-7', available: 5, occurredAt: '2026-11-29T09:00:00.000Z' },
    ]);
    expect(JSON.parse(page.value.cursor ?? '')).toEqual({ v: 1, variantsAfter: '2026-11-29T09:00:00.000Z' });
  });

  it('reads variants from updatedAfter when an older cursor has no variantsAfter; refuses bad cursors', async () => {
    const { client, filters } = fakeClient([]);
    const page = await pollEvents(client, JSON.stringify({ v: 1, updatedAfter: '2026-11-29T08:00:00.000Z' }), NOW);
    if (!page.ok) throw page.error;
    expect(filters.productVariants).toEqual([{ updatedAt: { after: '2026-11-29T07:59:58.000Z' } }]);
    expect(JSON.parse(page.value.cursor ?? '')).toEqual({
      v: 1,
      updatedAfter: '2026-11-29T08:00:00.000Z',
      variantsAfter: '2026-11-29T08:00:00.000Z',
    });
    const bad = await pollEvents(client, JSON.stringify({ v: 1, variantsAfter: 'yesterday' }), NOW);
    expect(bad.ok ? null : bad.error.code).toBe('vendure_cursor_invalid');
  });
});
