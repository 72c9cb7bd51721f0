import { createHmac, randomUUID } from 'node:crypto';
import { SANDBOX_SHOPIFY_SHOP } from './constants.js';
import type { ShopifyFaults } from './faults.js';
import type { ShopifyStats } from './stats.js';

/**
 * Shopify webhook delivery: POST JSON signed with base64 HMAC-SHA256 of the raw body; a non-2xx
 * answer or no answer within 5 s is retried with the same body and X-Shopify-Webhook-Id; duplicates
 * carry the same X-Shopify-Event-Id.
 */
export interface WebhookSubscriptionRecord {
  id: number;
  topic: string;
  uri: string;
  createdAt: string;
  updatedAt: string;
}

/** REST topic ("orders/updated") ⇄ GraphQL enum (ORDERS_UPDATED). */
const KNOWN_TOPICS = [
  'orders/create',
  'orders/updated',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'orders/paid',
  'orders/delete',
  'fulfillments/create',
  'fulfillments/update',
  'inventory_levels/update',
  'inventory_levels/connect',
  'inventory_levels/disconnect',
  'inventory_items/update',
  'app/uninstalled',
];
export const topicEnum = (rest: string): string => rest.replace('/', '_').toUpperCase();
export const topicRest = (value: string): string =>
  KNOWN_TOPICS.find((t) => topicEnum(t) === value) ??
  (value.includes('/') ? value : value.toLowerCase().replace('_', '/'));

const ATTEMPT_TIMEOUT_MS = 5000;

interface Delivery {
  uri: string;
  topic: string;
  raw: string;
  eventId: string;
  webhookId: string;
  triggeredAt: string;
  /** A duplicate copy (never duplicated again). */
  duplicate: boolean;
}

export class ShopifyWebhookDispatcher {
  readonly subscriptions: WebhookSubscriptionRecord[] = [];
  private inFlight = new Set<Promise<void>>();
  private timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly secret: string,
    private readonly retryDelaysMs: readonly number[],
    private readonly faults: ShopifyFaults,
    private readonly stats: ShopifyStats,
    private readonly nowIso: () => string,
    private readonly nextId: () => number,
  ) {}

  subscribe(topic: string, uri: string): WebhookSubscriptionRecord {
    const now = this.nowIso();
    const record = { id: this.nextId(), topic: topicRest(topic), uri, createdAt: now, updatedAt: now };
    this.subscriptions.push(record);
    return record;
  }

  unsubscribe(id: number): boolean {
    const i = this.subscriptions.findIndex((s) => s.id === id);
    if (i >= 0) this.subscriptions.splice(i, 1);
    return i >= 0;
  }

  /** Sends `body` (built now: later changes do not alter it) to every subscriber of `topic`. */
  publish(topic: string, body: unknown): void {
    const subs = this.subscriptions.filter((s) => s.topic === topic);
    if (subs.length === 0 || this.closed) return;
    const raw = JSON.stringify(body);
    // One event, one X-Shopify-Event-Id for every subscriber and every copy of it.
    const eventId = randomUUID();
    const triggeredAt = this.nowIso();
    for (const sub of subs) {
      this.attempt({ uri: sub.uri, topic, raw, eventId, webhookId: randomUUID(), triggeredAt, duplicate: false }, 0);
    }
  }

  private attempt(d: Delivery, n: number): void {
    const run = this.send(d).then((ok) => {
      if (ok) {
        this.stats.count('webhooksSent');
        if (!d.duplicate && this.faults.webhookDuplicated()) {
          this.stats.count('webhookDuplicates');
          this.attempt({ ...d, webhookId: randomUUID(), duplicate: true }, 0);
        }
        return;
      }
      this.stats.count('webhookFailures');
      const delay = this.retryDelaysMs[n];
      if (delay === undefined || this.closed) return;
      this.stats.count('webhookRetries');
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.attempt(d, n + 1);
      }, delay);
      this.timers.add(timer);
    });
    const tracked = run.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async send(d: Delivery): Promise<boolean> {
    if (this.faults.webhookFails()) return false;
    try {
      const res = await fetch(d.uri, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Shopify-Captain-Hook',
          'x-shopify-topic': d.topic,
          'x-shopify-hmac-sha256': createHmac('sha256', this.secret).update(d.raw).digest('base64'),
          'x-shopify-shop-domain': SANDBOX_SHOPIFY_SHOP,
          'x-shopify-api-version': '2026-10',
          'x-shopify-webhook-id': d.webhookId,
          'x-shopify-event-id': d.eventId,
          'x-shopify-triggered-at': d.triggeredAt,
        },
        body: d.raw,
      });
      await res.arrayBuffer();
      return res.status >= 200 && res.status < 300;
    } catch {
      return false;
    }
  }

  /** Resolves when nothing is being sent and no retry is waiting (tests). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.all([...this.inFlight]);
      if (this.inFlight.size === 0 && this.timers.size > 0) await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
