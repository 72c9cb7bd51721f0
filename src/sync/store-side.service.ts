import type { SkuLink } from '../db/sku-link.repository.js';
import type { Connection } from '../domain/connection.js';
import type { Order } from '../domain/order.js';
import type { Cancellation, Shipment } from '../domain/write-back.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { confirmShipment, type ConfirmOutcome } from './confirm-shipment.js';
import type { RecordedEvents } from './record-store-events.js';
import { OrderQueryService } from './order-query.service.js';
import { pollStore } from './poll-store.js';
import { pushStock, type StockPushSummary } from './push-stock.js';
import { retryOrder, type RetrySummary } from './retry-order.js';
import { SkuLinkService, type LinkResult, type ProductSearch } from './sku-link.service.js';
import type { StoreSideDeps } from './store-side-deps.js';

const notFound = (what: string, ref: string): AppError =>
  new AppError(`${what}_not_found`, `No ${what} "${ref}" in this account`, { kind: 'not_found' });

/** The store side for the API and CLI, always scoped to the caller's account. */
export class StoreSideService {
  private readonly links: SkuLinkService;
  private readonly orderQuery: OrderQueryService;

  constructor(private readonly deps: StoreSideDeps) {
    this.links = new SkuLinkService(deps);
    this.orderQuery = new OrderQueryService(deps.connections, deps.orders, deps);
  }

  private async connection(accountId: string, ref: string): Promise<Result<Connection>> {
    const c = await this.deps.connections.findByRef(accountId, ref);
    return c ? ok(c) : err(notFound('connection', ref));
  }

  private async connectionIds(accountId: string, ref?: string): Promise<Result<string[]>> {
    if (ref === undefined) return ok((await this.deps.connections.list(accountId)).map((c) => c.id));
    const c = await this.connection(accountId, ref);
    return c.ok ? ok([c.value.id]) : c;
  }

  async shipments(
    accountId: string,
    f: { connection?: string; state?: string; limit: number },
  ): Promise<Result<Shipment[]>> {
    const ids = await this.connectionIds(accountId, f.connection);
    return ids.ok ? ok(await this.deps.shipments.list(ids.value, f.state ?? null, f.limit)) : ids;
  }

  async cancellations(accountId: string, f: { connection?: string; limit: number }): Promise<Result<Cancellation[]>> {
    const ids = await this.connectionIds(accountId, f.connection);
    return ids.ok ? ok(await this.deps.cancellations.list(ids.value, f.limit)) : ids;
  }

  /** Sends every pending shipment now (the worker does this on its own; for the CLI and "push now"). */
  async pushShipments(
    accountId: string,
    connection?: string,
  ): Promise<Result<Record<ConfirmOutcome | 'retry_later', number>>> {
    const pending = await this.shipments(accountId, {
      ...(connection !== undefined && { connection }),
      state: 'pending',
      limit: 1000,
    });
    if (!pending.ok) return pending;
    const counts = { confirmed: 0, rejected: 0, not_pending: 0, inactive: 0, retry_later: 0 };
    for (const s of pending.value) {
      const r = await confirmShipment(this.deps, s.id);
      if (r.ok) counts[r.value] += 1;
      else counts.retry_later += 1;
    }
    return ok(counts);
  }

  async pushStock(accountId: string, connection: string): Promise<Result<StockPushSummary>> {
    const c = await this.connection(accountId, connection);
    return c.ok ? pushStock(this.deps, c.value.id) : c;
  }

  async pollStore(accountId: string, storeId: string): Promise<Result<RecordedEvents>> {
    const store = await this.deps.stores.findById(storeId);
    if (store?.accountId !== accountId) return err(notFound('store', storeId));
    return pollStore(this.deps, storeId);
  }

  async retry(accountId: string, orderRef: string): Promise<Result<RetrySummary>> {
    const order = await this.orderQuery.find(accountId, orderRef);
    return order.ok ? retryOrder(this.deps, order.value.id) : order;
  }

  async needsAttention(accountId: string, limit: number): Promise<Order[]> {
    const ids = (await this.deps.connections.list(accountId)).map((c) => c.id);
    return this.deps.orderStore.needsAttention(ids, limit);
  }

  async linkSku(
    accountId: string,
    connection: string,
    amazonSku: string,
    productRef: string,
  ): Promise<Result<LinkResult>> {
    const c = await this.connection(accountId, connection);
    return c.ok ? this.links.link(c.value, amazonSku, productRef) : c;
  }

  async searchStoreProducts(accountId: string, connection: string, query: string): Promise<Result<ProductSearch>> {
    const c = await this.connection(accountId, connection);
    return c.ok ? this.links.searchProducts(c.value, query) : c;
  }

  async unlinkSku(accountId: string, connection: string, amazonSku: string): Promise<Result<void>> {
    const c = await this.connection(accountId, connection);
    return c.ok ? this.links.unlink(c.value, amazonSku) : c;
  }

  async skuLinks(accountId: string, connection: string): Promise<Result<SkuLink[]>> {
    const c = await this.connection(accountId, connection);
    return c.ok ? ok(await this.links.list(c.value)) : c;
  }
}
