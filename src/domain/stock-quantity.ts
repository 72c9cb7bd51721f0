/**
 * The quantity OrderBridge pushes to Amazon for one SKU (PRODUCT.md §7 "Stock", research §7).
 * MFN (merchant-fulfilled, channel DEFAULT) listings only: FBA quantity belongs to Amazon, so the
 * caller must never call this for AFN/FBA SKUs. Pure; the caller loads store stock and reservations.
 */

export interface StockInput {
  storeAvailable: number; // store's available (salable) quantity
  reserved: number; // held by Amazon orders not yet in the store (incl. Pending)
  buffer: number; // config "stock buffer": kept back to avoid overselling
  maxQuantity: number | null; // config "max quantity"; null = no cap
}

const orZero = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/**
 * max(0, floor(available − reserved − buffer)), capped at maxQuantity. Bad numbers (NaN, Infinity,
 * negative reserved/buffer) never raise the quantity: an unknown stock is pushed as 0, not guessed.
 */
export function amazonQuantity(input: StockInput): number {
  if (!Number.isFinite(input.storeAvailable)) return 0;
  const raw = Math.floor(input.storeAvailable - orZero(input.reserved) - orZero(input.buffer));
  const quantity = Math.max(0, raw);
  if (input.maxQuantity === null || Number.isNaN(input.maxQuantity)) return quantity;
  return Math.min(quantity, Math.max(0, Math.floor(input.maxQuantity)));
}

/** Push only when the quantity changed since the last successful push (never pushed = push). */
export function shouldPush(desired: number, lastPushed: number | null | undefined): boolean {
  return lastPushed === null || lastPushed === undefined || desired !== lastPushed;
}
