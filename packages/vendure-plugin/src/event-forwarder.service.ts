import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  EventBus,
  Fulfillment,
  FulfillmentStateTransitionEvent,
  type ID,
  Order,
  OrderLine,
  OrderLineEvent,
  OrderStateTransitionEvent,
  TransactionalConnection,
} from '@vendure/core';
import { ORDERBRIDGE_PLUGIN_OPTIONS, type OrderBridgePluginOptions } from './orderbridge.options';
import { WebhookSender } from './webhook.sender';

type Fields = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export interface WebhookLine {
  orderLineId: string;
  amazonOrderItemId: string | null;
  sku: string | null;
  quantity: number;
}

export interface WebhookOrder {
  id: string;
  code: string;
  orderBridgeOrderId: string;
  amazonOrderId: string | null;
  state: string;
}

function orderRef(order: Order): WebhookOrder | null {
  const fields = (order.customFields ?? {}) as Fields;
  const orderBridgeOrderId = str(fields.orderBridgeOrderId);
  if (orderBridgeOrderId === null) return null;
  const amazonOrderId = str(fields.amazonOrderId);
  return { id: String(order.id), code: order.code, orderBridgeOrderId, amazonOrderId, state: order.state };
}

function lineRef(line: OrderLine, quantity: number): WebhookLine {
  const fields = (line.customFields ?? {}) as Fields;
  return {
    orderLineId: String(line.id),
    amazonOrderItemId: str(fields.amazonOrderItemId),
    sku: line.productVariant?.sku ?? null,
    quantity,
  };
}

/**
 * Forwards what OrderBridge must tell Amazon: fulfilments reaching Shipped or Delivered
 * (`fulfillment.shipped` / `fulfillment.delivered`), whole-order cancellations (`order.cancelled`)
 * and partial line cancellations (`order.lines_cancelled`). Only orders carrying an
 * orderBridgeOrderId are forwarded. EventBus subscribers run after the transaction committed.
 */
@Injectable()
export class EventForwarderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sender: WebhookSender;

  constructor(
    @Inject(EventBus) private readonly eventBus: EventBus,
    @Inject(TransactionalConnection) private readonly connection: TransactionalConnection,
    @Inject(ORDERBRIDGE_PLUGIN_OPTIONS) options: OrderBridgePluginOptions,
  ) {
    this.sender = new WebhookSender(options);
  }

  onApplicationBootstrap(): void {
    if (!this.sender.enabled) return;
    this.eventBus.ofType(FulfillmentStateTransitionEvent).subscribe((event) => {
      if (event.toState === 'Shipped' || event.toState === 'Delivered') {
        void this.forwardFulfillment(event.fulfillment.id, event.toState.toLowerCase());
      }
    });
    this.eventBus.ofType(OrderStateTransitionEvent).subscribe((event) => {
      if (event.toState === 'Cancelled') void this.forwardCancellation(event.order.id);
    });
    this.eventBus.ofType(OrderLineEvent).subscribe((event) => {
      if (event.type === 'cancelled') void this.forwardLineCancellation(event.order.id, event.orderLine);
    });
  }

  onApplicationShutdown(): void {
    this.sender.close();
  }

  private async forwardFulfillment(fulfillmentId: ID, toState: string): Promise<void> {
    const fulfillment = await this.connection.rawConnection.getRepository(Fulfillment).findOne({
      where: { id: fulfillmentId },
      relations: { lines: { orderLine: { productVariant: true, order: true } }, orders: true },
    });
    if (!fulfillment) return;
    for (const order of fulfillment.orders) {
      const ref = orderRef(order);
      if (ref === null) continue;
      const lines = fulfillment.lines
        .filter((l) => String(l.orderLine.order?.id) === String(order.id))
        .map((l) => lineRef(l.orderLine, l.quantity));
      const topic = `fulfillment.${toState}`;
      this.sender.send(topic, {
        topic,
        occurredAt: new Date().toISOString(),
        order: ref,
        fulfillment: {
          id: String(fulfillment.id),
          state: fulfillment.state,
          method: fulfillment.method,
          trackingCode: str(fulfillment.trackingCode),
          createdAt: fulfillment.createdAt.toISOString(),
          lines,
        },
      });
    }
  }

  private async forwardCancellation(orderId: ID): Promise<void> {
    const order = await this.connection.rawConnection.getRepository(Order).findOne({ where: { id: orderId } });
    const ref = order ? orderRef(order) : null;
    if (ref === null) return;
    const topic = 'order.cancelled';
    this.sender.send(topic, { topic, occurredAt: new Date().toISOString(), order: ref, lines: null });
  }

  private async forwardLineCancellation(orderId: ID, before: OrderLine): Promise<void> {
    const order = await this.connection.rawConnection.getRepository(Order).findOne({ where: { id: orderId } });
    const ref = order ? orderRef(order) : null;
    if (ref === null || ref.state === 'Cancelled') return; // the whole order: order.cancelled covers it
    const line = await this.connection.rawConnection
      .getRepository(OrderLine)
      .findOne({ where: { id: before.id }, relations: { productVariant: true } });
    if (!line) return;
    const cancelled = before.quantity - line.quantity;
    if (cancelled <= 0) return;
    const topic = 'order.lines_cancelled';
    this.sender.send(topic, {
      topic,
      occurredAt: new Date().toISOString(),
      order: ref,
      lines: [{ ...lineRef(line, cancelled), remainingQuantity: line.quantity }],
    });
  }
}
