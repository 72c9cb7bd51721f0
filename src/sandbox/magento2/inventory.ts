import { validationFailed } from './magento-errors.js';

export interface SourceItem {
  sku: string;
  source_code: string;
  quantity: number;
  /** 1 = in stock, 0 = out of stock. */
  status: number;
}

export interface Reservation {
  sku: string;
  stockId: number;
  /** Negative when an order reserves, positive when a cancel or shipment compensates. */
  quantity: number;
  metadata: string;
}

/** Sources of the sandbox store; both belong to stock 1 (Default Stock). */
export const SANDBOX_SOURCES: readonly string[] = ['default', 'eu_warehouse'];
const STOCK_SOURCES: ReadonlyMap<number, readonly string[]> = new Map([[1, SANDBOX_SOURCES]]);

/**
 * MSI: source items (absolute quantity per SKU and source) and reservations. Salable quantity of a stock =
 * Σ in-stock source quantities of its sources + Σ reservations (out-of-stock threshold 0). The legacy
 * stock item of a product is source `default` (Magento keeps both in step).
 */
export class Inventory {
  private items = new Map<string, Map<string, SourceItem>>();
  private reservations: Reservation[] = [];
  onChange: (sku: string) => void = () => undefined;

  set(sku: string, sourceCode: string, quantity: number, status?: number): SourceItem {
    if (!SANDBOX_SOURCES.includes(sourceCode)) throw validationFailed([`Source "${sourceCode}" does not exist.`]);
    const perSource = this.items.get(sku) ?? new Map<string, SourceItem>();
    const item: SourceItem = { sku, source_code: sourceCode, quantity, status: status ?? (quantity > 0 ? 1 : 0) };
    perSource.set(sourceCode, item);
    this.items.set(sku, perSource);
    this.onChange(sku);
    return item;
  }

  get(sku: string, sourceCode = 'default'): SourceItem | null {
    return this.items.get(sku)?.get(sourceCode) ?? null;
  }

  quantity(sku: string, sourceCode = 'default'): number {
    return this.get(sku, sourceCode)?.quantity ?? 0;
  }

  /** Every source item, in SKU then source order (GET /V1/inventory/source-items). */
  all(): SourceItem[] {
    return [...this.items.values()].flatMap((m) => [...m.values()]);
  }

  /** Moves a source quantity by `delta` (shipment deduction of a cart-placed order). */
  deduct(sku: string, sourceCode: string, qty: number): void {
    const item = this.get(sku, sourceCode);
    if (item) this.set(sku, sourceCode, item.quantity - qty, item.status);
  }

  reserve(sku: string, stockId: number, quantity: number, metadata: string): void {
    this.reservations.push({ sku, stockId, quantity, metadata });
    this.onChange(sku);
  }

  reservationsOf(sku: string): Reservation[] {
    return this.reservations.filter((r) => r.sku === sku);
  }

  stockExists(stockId: number): boolean {
    return STOCK_SOURCES.has(stockId);
  }

  salable(sku: string, stockId = 1): number {
    const sources = STOCK_SOURCES.get(stockId) ?? [];
    let qty = 0;
    for (const code of sources) {
      const item = this.get(sku, code);
      if (item && item.status === 1) qty += item.quantity;
    }
    for (const r of this.reservations) if (r.sku === sku && r.stockId === stockId) qty += r.quantity;
    return Math.max(0, qty);
  }

  clear(): void {
    this.items.clear();
    this.reservations = [];
  }
}
