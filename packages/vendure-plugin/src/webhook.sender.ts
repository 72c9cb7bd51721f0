import { createHmac } from 'node:crypto';
import { Logger } from '@vendure/core';
import { DEFAULT_RETRY_DELAYS_MS, type OrderBridgePluginOptions } from './orderbridge.options';

const loggerCtx = 'OrderBridgePlugin';

/** `hex(HMAC-SHA256(secret, `${timestamp}.${body}`))`, what OrderBridge verifies. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * Delivers signed JSON to OrderBridge with retries (in memory: a restart of Vendure loses pending
 * deliveries, which is why OrderBridge also polls the Admin API). Each attempt is signed anew with
 * a fresh timestamp, so OrderBridge's replay window never rejects a late retry.
 */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: OrderBridgePluginOptions) {}

  get enabled(): boolean {
    return Boolean(this.options.webhookUrl && this.options.webhookSecret);
  }

  send(topic: string, payload: unknown): void {
    if (!this.enabled) return;
    void this.attempt(topic, JSON.stringify(payload), 0);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async attempt(topic: string, body: string, attempt: number): Promise<void> {
    if (this.closed) return;
    const url = this.options.webhookUrl ?? '';
    const timestamp = new Date().toISOString();
    const signature = signWebhook(this.options.webhookSecret ?? '', timestamp, body);
    let failure: string;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-orderbridge-topic': topic,
          'x-orderbridge-timestamp': timestamp,
          'x-orderbridge-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      if (res.ok) return;
      failure = `HTTP ${res.status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const delay = delays[attempt];
    if (delay === undefined || this.closed) {
      Logger.error(
        `Webhook ${topic} to OrderBridge failed for good after ${attempt + 1} attempts: ${failure}`,
        loggerCtx,
      );
      return;
    }
    Logger.warn(`Webhook ${topic} to OrderBridge failed (${failure}); retrying in ${delay} ms`, loggerCtx);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(topic, body, attempt + 1);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }
}
