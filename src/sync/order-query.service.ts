import type { CancellationRepository } from '../db/cancellation.repository.js';
import type { ConnectionRepository } from '../db/connection.repository.js';
import type { ShipmentRepository } from '../db/shipment.repository.js';
import type { Cancellation, Shipment } from '../domain/write-back.js';
import type { OrderListFilter, OrderRepository } from '../db/order.repository.js';
import type { Order, OrderEvent, OrderLine } from '../domain/order.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';

export interface OrderDetails {
  order: Order;
  lines: OrderLine[];
  timeline: OrderEvent[];
  /** What went (or goes) back to Amazon for this order. */
  shipments: Shipment[];
  cancellations: Cancellation[];
}

const DAY_MS = 86_400_000;

/** Read side of orders, always scoped to the caller's account. */
export class OrderQueryService {
  constructor(
    private readonly connections: ConnectionRepository,
    private readonly orders: OrderRepository,
    private readonly writeBack: { shipments: ShipmentRepository; cancellations: CancellationRepository },
  ) {}

  async list(
    accountId: string,
    filter: Omit<OrderListFilter, 'connectionIds'> & { connection?: string },
  ): Promise<Result<{ orders: Order[]; total: number }>> {
    const ids = await this.connectionIds(accountId, filter.connection);
    if (!ids.ok) return ids;
    return ok(await this.orders.list({ ...filter, connectionIds: ids.value }));
  }

  /** An order of the account, by OrderBridge id or Amazon order id. */
  async find(accountId: string, ref: string): Promise<Result<Order>> {
    const ids = await this.connectionIds(accountId, undefined);
    if (!ids.ok) return ids;
    const byId = await this.orders.findById(ref);
    const order =
      byId && ids.value.includes(byId.connectionId) ? byId : await this.orders.findByAmazonId(ids.value, ref);
    if (!order) return err(new AppError('order_not_found', `No order "${ref}"`, { kind: 'not_found' }));
    return ok(order);
  }

  /** The order with its lines and timeline (by OrderBridge id or Amazon order id). */
  async details(accountId: string, ref: string): Promise<Result<OrderDetails>> {
    const found = await this.find(accountId, ref);
    if (!found.ok) return found;
    const order = found.value;
    return ok({
      order,
      lines: await this.orders.lines(order.id),
      timeline: await this.orders.events(order.id),
      shipments: await this.writeBack.shipments.forOrder(order.id),
      cancellations: await this.writeBack.cancellations.forOrder(order.id),
    });
  }

  /**
   * Orders per UTC day of Amazon's purchase date for the last `days` days up to today, every day
   * present (0 where none); all the account's connections or one.
   */
  async ordersPerDay(
    accountId: string,
    range: { days: number; now: Date; connection?: string | undefined },
  ): Promise<Result<Array<{ date: string; orders: number }>>> {
    const ids = await this.connectionIds(accountId, range.connection);
    if (!ids.ok) return ids;
    const { days } = range;
    const today = Date.parse(`${range.now.toISOString().slice(0, 10)}T00:00:00Z`);
    const dates = Array.from({ length: days }, (_, i) =>
      new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
    );
    const rows = await this.orders.ordersPerDay(ids.value, dates[0] as string, dates[dates.length - 1] as string);
    const counted = new Map(rows.map((r) => [r.date, r.orders]));
    return ok(dates.map((date) => ({ date, orders: counted.get(date) ?? 0 })));
  }

  /** The ids of the account's connections, or of the one named (connection_not_found otherwise). */
  async connectionIds(accountId: string, connection: string | undefined): Promise<Result<string[]>> {
    if (connection === undefined) return ok((await this.connections.list(accountId)).map((c) => c.id));
    const found = await this.connections.findByRef(accountId, connection);
    if (!found)
      return err(new AppError('connection_not_found', `No connection "${connection}"`, { kind: 'not_found' }));
    return ok([found.id]);
  }
}
