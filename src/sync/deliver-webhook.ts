import { WebhookDeliveryRepository } from '../db/webhook-delivery.repository.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { readHubApiSettings } from '../stores/hub-api/hub-api.settings.js';
import type { StoreSideDeps } from './store-side-deps.js';
import { signWebhook } from './webhook-signature.js';

/** Attempts per webhook (the hub port enqueues the job with this maxAttempts). */
export const WEBHOOK_MAX_ATTEMPTS = 15;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * What delivering a webhook needs: the database, the stores (settings), the clock, a logger, and a
 * way to open a store's sealed credentials (StoreService.openSecrets). `fetch` and the timeout can be
 * replaced in tests.
 */
export type WebhookDeliveryDeps = Pick<StoreSideDeps, 'db' | 'stores' | 'clock' | 'logger'> & {
  openSecrets(storeId: string): Promise<Record<string, string>>;
  fetch?: typeof fetch;
  webhookTimeoutMs?: number;
};

interface Sent {
  status: number | null;
  error: string | null;
}

async function post(deps: WebhookDeliveryDeps, url: string, headers: Record<string, string>, body: string) {
  const doFetch = deps.fetch ?? fetch;
  try {
    const res = await doFetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) return { status: res.status, error: null } satisfies Sent;
    return { status: res.status, error: `HTTP ${res.status}: ${text.slice(0, 300)}`.trim() } satisfies Sent;
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const message = timedOut ? 'timed out' : error instanceof Error ? error.message : String(error);
    return { status: null, error: `request failed: ${message}`.slice(0, 300) } satisfies Sent;
  }
}

/**
 * Sends one queued webhook (job 'webhooks.deliver' {deliveryId}) to the store's webhookUrl, signed with
 * its webhookSecret (docs/hub-api.md). 2xx → 'delivered'; anything else → a retryable error so the job
 * runner retries with backoff, the attempt recorded; after WEBHOOK_MAX_ATTEMPTS the delivery is 'failed'.
 * No webhookUrl → 'skipped'. A delivered webhook is never sent again.
 */
export async function deliverWebhook(
  deps: WebhookDeliveryDeps,
  deliveryId: string,
): Promise<Result<'delivered' | 'skipped'>> {
  const repo = new WebhookDeliveryRepository(deps.db);
  const delivery = await repo.findById(deliveryId);
  if (!delivery) return ok('skipped');
  if (delivery.state === 'delivered') return ok('delivered');
  const store = await deps.stores.findById(delivery.storeId);
  const url = store ? readHubApiSettings(store.settings).webhookUrl : undefined;
  if (!url) {
    await repo.markSkipped(deliveryId, 'the store has no webhookUrl');
    return ok('skipped');
  }
  const secret = (await deps.openSecrets(delivery.storeId)).webhookSecret;
  if (!secret) {
    await repo.markFailed(deliveryId, 'the store has no webhookSecret');
    return err(
      new AppError('hub_webhook_secret_missing', 'The store has no webhookSecret to sign webhooks with', {
        kind: 'invalid',
        retryable: false,
      }),
    );
  }
  const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
  const sent = await post(
    deps,
    url,
    {
      'content-type': 'application/json',
      'x-orderbridge-topic': delivery.topic,
      'x-orderbridge-delivery': delivery.id,
      'x-orderbridge-timestamp': timestamp,
      'x-orderbridge-signature': signWebhook(secret, timestamp, delivery.body),
    },
    delivery.body,
  );
  const log = { deliveryId, storeId: delivery.storeId, topic: delivery.topic, status: sent.status };
  if (sent.error === null) {
    await repo.recordAttempt(deliveryId, { state: 'delivered', ...sent, deliveredAt: deps.clock.nowIso() });
    deps.logger.info(log, 'webhook delivered');
    return ok('delivered');
  }
  const attempts = await repo.recordAttempt(deliveryId, { state: 'pending', ...sent, deliveredAt: null });
  const final = attempts >= WEBHOOK_MAX_ATTEMPTS;
  if (final) await repo.markFailed(deliveryId, sent.error);
  deps.logger.warn({ ...log, attempts, final }, 'webhook delivery failed');
  return err(
    new AppError('hub_webhook_delivery_failed', `Webhook ${delivery.topic} not accepted: ${sent.error}`, {
      kind: 'upstream',
      retryable: !final,
      details: { deliveryId, attempts, status: sent.status },
    }),
  );
}
