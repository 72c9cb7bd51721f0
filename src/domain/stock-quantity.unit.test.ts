import { describe, expect, it } from 'vitest';
import { amazonQuantity, shouldPush } from './stock-quantity.js';

const base = { storeAvailable: 10, reserved: 0, buffer: 0, maxQuantity: null };

describe('amazonQuantity', () => {
  it('is available − reserved − buffer', () => {
    expect(amazonQuantity({ ...base, reserved: 3, buffer: 2 })).toBe(5);
  });
  it('never goes below 0', () => {
    expect(amazonQuantity({ ...base, storeAvailable: 2, reserved: 5 })).toBe(0);
    expect(amazonQuantity({ ...base, storeAvailable: -4 })).toBe(0);
    expect(amazonQuantity({ ...base, storeAvailable: 3, buffer: 3 })).toBe(0);
  });
  it('floors fractional stock (never rounds up)', () => {
    expect(amazonQuantity({ ...base, storeAvailable: 7.9, reserved: 0.5 })).toBe(7);
    expect(amazonQuantity({ ...base, storeAvailable: 0.99 })).toBe(0);
  });
  it('caps at maxQuantity after subtracting', () => {
    expect(amazonQuantity({ ...base, storeAvailable: 100, buffer: 10, maxQuantity: 50 })).toBe(50);
    expect(amazonQuantity({ ...base, storeAvailable: 30, buffer: 10, maxQuantity: 50 })).toBe(20);
    expect(amazonQuantity({ ...base, maxQuantity: 0 })).toBe(0);
    expect(amazonQuantity({ ...base, maxQuantity: -5 })).toBe(0);
  });
  it('ignores negative reservations and buffers instead of inflating stock', () => {
    expect(amazonQuantity({ ...base, reserved: -5, buffer: -2 })).toBe(10);
  });
  it('pushes 0 for unknown (non-finite) store stock', () => {
    expect(amazonQuantity({ ...base, storeAvailable: Number.NaN })).toBe(0);
    expect(amazonQuantity({ ...base, storeAvailable: Number.POSITIVE_INFINITY })).toBe(0);
  });
});

describe('shouldPush', () => {
  it('pushes when never pushed or changed, not when equal', () => {
    expect(shouldPush(5, null)).toBe(true);
    expect(shouldPush(5, undefined)).toBe(true);
    expect(shouldPush(0, 3)).toBe(true);
    expect(shouldPush(3, 3)).toBe(false);
    expect(shouldPush(0, 0)).toBe(false);
  });
});
