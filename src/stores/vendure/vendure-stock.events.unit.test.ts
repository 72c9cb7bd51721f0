import { describe, expect, it } from 'vitest';
import { variantStockEvent, type VendureUpdatedVariant } from './vendure-stock.events.js';

const variant = (over: Partial<VendureUpdatedVariant> = {}): VendureUpdatedVariant => ({
  id: '7',
  sku: 'BOTTLE-750-SS',
  name: 'Bottle',
  trackInventory: 'TRUE',
  stockLevels: [
    { stockOnHand: 40, stockAllocated: 3 },
    { stockOnHand: 5, stockAllocated: 0 },
  ],
  updatedAt: '2026-11-29T04:43:16.582Z',
  ...over,
});

describe('variantStockEvent', () => {
  it('reports the saleable quantity over all locations, keyed by the variant id', () => {
    expect(variantStockEvent(variant())).toEqual({
      kind: 'stock',
      productRef: '7',
      sku: 'BOTTLE-750-SS',
      available: 42,
      occurredAt: '2026-11-29T04:43:16.582Z',
    });
  });

  it('skips variants whose stock is not tracked; an empty SKU is null', () => {
    expect(variantStockEvent(variant({ trackInventory: 'FALSE' }))).toBeNull();
    expect(variantStockEvent(variant({ sku: '' }))).toMatchObject({ kind: 'stock', sku: null });
  });
});
