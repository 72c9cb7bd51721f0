import { describe, expect, it } from 'vitest';
import { planDelivery, type DeliveryInput } from './delivery-plan.js';

const base: DeliveryInput = {
  status: 'ready',
  storeState: null,
  syncLevel: 'orders_and_stock',
  fba: false,
  fbaOrdersLowerStock: false,
  reservePendingStock: true,
  cancelRequestNoted: false,
  cancelledByStore: false,
};
const plan = (patch: Partial<DeliveryInput>) => planDelivery({ ...base, ...patch });

describe('Orders & Stock', () => {
  it('creates a ready order once; a created order needs nothing more', () => {
    expect(plan({})).toBe('create');
    expect(plan({ storeState: 'reserved' })).toBe('create');
    expect(plan({ storeState: 'created' })).toBe('none');
    expect(plan({ storeState: 'awaiting_pickup' })).toBe('none');
  });

  it('reserves a pending order, or waits when reservations are off; FBA orders reserve nothing', () => {
    expect(plan({ status: 'pending' })).toBe('reserve');
    expect(plan({ status: 'pending', storeState: 'reserved' })).toBe('none');
    expect(plan({ status: 'pending', reservePendingStock: false })).toBe('wait');
    expect(plan({ status: 'pending', reservePendingStock: false, storeState: 'waiting' })).toBe('none');
    expect(plan({ status: 'pending', fba: true })).toBe('wait');
  });

  it('cancels the store order when Amazon cancels, unless the store cancelled it itself', () => {
    expect(plan({ status: 'cancelled', storeState: 'created' })).toBe('cancel_store_order');
    expect(plan({ status: 'cancelled', storeState: 'awaiting_pickup' })).toBe('cancel_store_order');
    expect(plan({ status: 'cancelled', storeState: 'created', cancelledByStore: true })).toBe('none');
    expect(plan({ status: 'cancelled', storeState: 'reserved' })).toBe('release');
    expect(plan({ status: 'cancelled', storeState: null })).toBe('not_needed');
    expect(plan({ status: 'cancelled', storeState: 'cancelled' })).toBe('none');
  });

  it('after the store shipped: a partly shipped store order still follows Amazon, a shipped one needs nothing', () => {
    expect(plan({ status: 'cancelled', storeState: 'partially_shipped' })).toBe('cancel_store_order');
    expect(plan({ status: 'cancel_requested', storeState: 'partially_shipped' })).toBe('note_cancel_request');
    expect(plan({ status: 'cancelled', storeState: 'shipped' })).toBe('none');
    expect(plan({ status: 'cancel_requested', storeState: 'shipped' })).toBe('none');
    expect(plan({ status: 'shipped', storeState: 'shipped' })).toBe('none');
    expect(plan({ status: 'ready', storeState: 'shipped' })).toBe('none');
  });

  it('flags a buyer cancel request once on an order already in the store, and creates one not yet there', () => {
    expect(plan({ status: 'cancel_requested', storeState: 'created' })).toBe('note_cancel_request');
    expect(plan({ status: 'cancel_requested', storeState: 'created', cancelRequestNoted: true })).toBe('none');
    expect(plan({ status: 'cancel_requested', storeState: null })).toBe('create');
  });

  it('never creates an order that Amazon already shipped, and ends a reservation of one', () => {
    expect(plan({ status: 'shipped' })).toBe('not_needed');
    expect(plan({ status: 'shipped', storeState: 'reserved' })).toBe('release');
    expect(plan({ status: 'shipped', storeState: 'created' })).toBe('none');
  });

  it('leaves held and failed orders alone', () => {
    expect(plan({ status: 'held' })).toBe('none');
    expect(plan({ status: 'failed' })).toBe('none');
  });
});

describe('Stock only', () => {
  const stockOnly = (patch: Partial<DeliveryInput>) => plan({ syncLevel: 'stock_only', ...patch });

  it('lowers store stock once instead of creating an order', () => {
    expect(stockOnly({})).toBe('take_stock');
    expect(stockOnly({ status: 'pending' })).toBe('take_stock');
    expect(stockOnly({ status: 'pending', reservePendingStock: false })).toBe('wait');
    expect(stockOnly({ storeState: 'stock_taken' })).toBe('none');
  });

  it('gives the stock back when cancelled before shipping, and only then', () => {
    expect(stockOnly({ status: 'cancelled', storeState: 'stock_taken' })).toBe('return_stock');
    expect(stockOnly({ status: 'cancelled', storeState: 'stock_returned' })).toBe('none');
    expect(stockOnly({ status: 'shipped', storeState: 'stock_taken' })).toBe('none');
  });

  it('follows "FBA orders lower store stock"', () => {
    expect(stockOnly({ fba: true })).toBe('not_needed');
    expect(stockOnly({ fba: true, fbaOrdersLowerStock: true })).toBe('take_stock');
  });
});
