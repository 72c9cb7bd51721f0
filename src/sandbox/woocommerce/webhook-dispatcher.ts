import { createHash, createHmac } from 'node:crypto';
import type { WooContext } from './woo-context.js';
import { WooHttpError, invalidParam } from './woo-errors.js';
import { wooDate } from './woo-format.js';

/**
 * WooCommerce webhooks (WC_Webhook): topics `<resource>.<event>`, delivered as POST JSON with
 * X-WC-Webhook-* headers and a base64 HMAC-SHA256 signature of the body. Like WooCommerce, a
 * resource changed several times in one request is delivered once, after the request (async).
 */
export interface WebhookRecord {
  id: number;
  name: string;
  status: 'active' | 'paused' | 'disabled';
  topic: string;
  deliveryUrl: string;
  secret: string;
  failureCount: number;
  createdMs: number;
}

export interface WebhookInput {
  name?: string;
  topic: string;
  delivery_url: string;
  secret?: string;
  status?: 'active' | 'paused' | 'disabled';
}

export type PayloadBuilder = (resource: string, id: number) => unknown;
const TOPIC = /^(order|product|customer|coupon)\.(created|updated|deleted|restored)$/;
const MAX_FAILURES = 5;

export class WebhookDispatcher {
  private hooks: WebhookRecord[] = [];
  private queued = new Map<string, { resource: string; event: string; id: number }>();
  private inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Immediate | null = null;
  delivered = 0;
  failed = 0;

  constructor(
    private readonly ctx: WooContext,
    private readonly payload: PayloadBuilder,
  ) {}

  add(input: WebhookInput): WebhookRecord {
    if (typeof input.topic !== 'string' || !TOPIC.test(input.topic)) throw invalidParam('topic', 'Invalid topic.');
    if (typeof input.delivery_url !== 'string' || !/^https?:\/\//.test(input.delivery_url)) {
      throw new WooHttpError(400, 'woocommerce_rest_invalid_delivery_url', 'Webhook delivery URL must be a valid URL.');
    }
    const hook: WebhookRecord = {
      id: this.ctx.ids.next('post'),
      name: input.name ?? `Webhook ${input.topic}`,
      status: input.status ?? 'active',
      topic: input.topic,
      deliveryUrl: input.delivery_url,
      // WooCommerce derives a secret when none is given; always set one.
      secret: input.secret ?? createHash('md5').update(`${input.delivery_url}${this.hooks.length}`).digest('hex'),
      failureCount: 0,
      createdMs: this.ctx.nowMs(),
    };
    this.hooks.push(hook);
    return hook;
  }

  list(): WebhookRecord[] {
    return this.hooks.map((h) => ({ ...h }));
  }

  clear(): void {
    this.hooks = [];
    this.queued.clear();
  }

  notify(resource: string, event: 'created' | 'updated' | 'deleted', id: number): void {
    if (!this.hooks.some((h) => h.status === 'active' && h.topic.startsWith(`${resource}.`))) return;
    const key = `${resource}:${id}`;
    const earlier = this.queued.get(key);
    // created then updated in the same request = one "created" delivery.
    if (!earlier || event === 'deleted') this.queued.set(key, { resource, event, id });
    this.timer ??= setImmediate(() => this.flush());
  }

  /** Resolves when every queued delivery has been attempted (tests). */
  async settled(): Promise<void> {
    while (this.timer !== null || this.inFlight.size > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([...this.inFlight]);
    }
  }

  view(h: WebhookRecord): Record<string, unknown> {
    const [resource, event] = h.topic.split('.');
    return {
      id: h.id,
      name: h.name,
      status: h.status,
      topic: h.topic,
      resource,
      event,
      hooks: [],
      delivery_url: h.deliveryUrl,
      date_created: wooDate(h.createdMs, this.ctx.settings.utcOffsetMinutes),
      date_created_gmt: wooDate(h.createdMs),
    };
  }

  private flush(): void {
    this.timer = null;
    const batch = [...this.queued.values()];
    this.queued.clear();
    for (const item of batch) {
      for (const hook of this.hooks) {
        if (hook.status !== 'active' || hook.topic !== `${item.resource}.${item.event}`) continue;
        const body = item.event === 'deleted' ? { id: item.id } : this.payload(item.resource, item.id);
        if (body === null) continue;
        const p = this.deliver(hook, item.resource, item.event, JSON.stringify(body)).finally(() =>
          this.inFlight.delete(p),
        );
        this.inFlight.add(p);
      }
    }
  }

  private async deliver(hook: WebhookRecord, resource: string, event: string, body: string): Promise<void> {
    const signature = createHmac('sha256', hook.secret).update(body).digest('base64');
    try {
      const res = await fetch(hook.deliveryUrl, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'WooCommerce/9.9.0 Hookshot (WordPress/6.8.0)',
          'x-wc-webhook-source': `${this.ctx.settings.siteUrl}/`,
          'x-wc-webhook-topic': hook.topic,
          'x-wc-webhook-resource': resource,
          'x-wc-webhook-event': event,
          'x-wc-webhook-signature': signature,
          'x-wc-webhook-id': String(hook.id),
          'x-wc-webhook-delivery-id': createHash('sha1').update(`${hook.id}${body}${Date.now()}`).digest('hex'),
        },
        body,
      });
      await res.arrayBuffer();
      if (res.status >= 200 && res.status <= 302) this.succeeded(hook);
      else this.failedOnce(hook);
    } catch {
      this.failedOnce(hook);
    }
  }

  private succeeded(hook: WebhookRecord): void {
    this.delivered += 1;
    hook.failureCount = 0;
  }

  /** The code disables a hook once the stored failure count already exceeds 5 (7th failure). */
  private failedOnce(hook: WebhookRecord): void {
    this.failed += 1;
    if (hook.failureCount > MAX_FAILURES) hook.status = 'disabled';
    else hook.failureCount += 1;
  }
}
