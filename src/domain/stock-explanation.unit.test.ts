import { describe, expect, it } from 'vitest';
import { explainStockQuantity, productsSharedBySkus } from './stock-explanation.js';

describe('explainStockQuantity', () => {
  it('names store stock, reservations, buffer and cap', () => {
    expect(explainStockQuantity({ storeAvailable: 12, reserved: 2, buffer: 1, maxQuantity: 5 })).toEqual({
      quantity: 5,
      reason:
        'store stock 12 − 2 reserved for Amazon orders not in the store yet − buffer 1 = 9, capped at the maximum 5',
    });
    expect(explainStockQuantity({ storeAvailable: 7, reserved: 0, buffer: 0, maxQuantity: null })).toEqual({
      quantity: 7,
      reason: 'store stock 7',
    });
  });

  it('says when the quantity stops at 0', () => {
    expect(explainStockQuantity({ storeAvailable: 1, reserved: 3, buffer: 0, maxQuantity: null }).reason).toBe(
      'store stock 1 − 3 reserved for Amazon orders not in the store yet = 0 (never below 0)',
    );
  });
});

describe('productsSharedBySkus', () => {
  it('groups SKUs that sell as one product: linked, resolved, or cropped to the same looked-up SKU', () => {
    const shared = productsSharedBySkus([
      { amazonSku: 'MUG-DE', productRef: '10', lookedUpAs: 'MUG' },
      { amazonSku: 'MUG-FR', productRef: null, lookedUpAs: 'MUG' },
      { amazonSku: 'mug red', productRef: '10', lookedUpAs: 'mug red' },
      { amazonSku: 'CAP-DE', productRef: null, lookedUpAs: 'CAP' },
      { amazonSku: 'CAP-IT', productRef: null, lookedUpAs: 'CAP' },
      { amazonSku: 'PEN', productRef: '11', lookedUpAs: 'PEN' },
    ]);
    expect(shared).toEqual([
      { product: '10', resolved: true, amazonSkus: ['MUG-DE', 'MUG-FR', 'mug red'] },
      { product: 'CAP', resolved: false, amazonSkus: ['CAP-DE', 'CAP-IT'] },
    ]);
  });

  it('is empty when every product has one SKU', () => {
    expect(productsSharedBySkus([{ amazonSku: 'A', productRef: '1', lookedUpAs: 'A' }])).toEqual([]);
  });
});
