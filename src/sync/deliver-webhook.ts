import { WebhookDeliveryRepository } from '../db/webhook-delivery.repository.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { postGuarded } from '../net/guarded-post.js';
import { OutboundPolicy } from '../net/outbound-policy.js';
import { readHubApiSettings } from '../stores/hub-api/hub-api.settings.js';
import type { StoreSideDeps } from './store-side-deps.js';
import { signWebhook } from './webhook-signature.js';

/** Attempts per webhook (the hub port enqueues the job with this maxAttempts). */
export const WEBHOOK_MAX_ATTEMPTS = 15;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * What delivering a webhook needs: the database, the stores (settings), the clock, a logger, a way
 * to open a store's sealed credentials (StoreService.openSecrets) and the outbound policy (webhook
 * URLs reach only public addresses unless the installation allows private ones). The timeout can
 * be replaced in tests.
 */
export type WebhookDeliveryDeps = Pick<StoreSideDeps, 'db' | 'stores' | 'clock' | 'logger' | 'outbound'> & {
  openSecrets(storeId: string): Promise<Record<string, string>>;
  webhookTimeoutMs?: number;
};

/** Without a policy (a caller that predates it) nothing private is reachable. */
const STRICT = new OutboundPolicy(() =>
  Promise.resolve({ allowCustomAmazonEndpoints: false, allowPrivateStoreAddresses: false }),
);

interface Sent {
  status: number | null;
  error: string | null;
}

/** Checks the URL now (DNS may have changed since it was saved), then posts through the guarded agents. */
async function post(deps: WebhookDeliveryDeps, url: string, headers: Record<string, string>, body: string) {
  const policy = deps.outbound ?? STRICT;
  const allowed = await policy.checkStoreUrl(url, 'webhook URL');
  if (!allowed.ok) return { status: null, error: allowed.error.message } satisfies Sent;
  const timeoutMs = deps.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const sent = await postGuarded(url, headers, body, { agents: await policy.storeAgents(), timeoutMs });
  if (sent.error !== null) return { status: null, error: `request failed: ${sent.error}` } satisfies Sent;
  // The answer's body is never kept: only its status says what happened.
  if (sent.status >= 200 && sent.status < 300) return { status: sent.status, error: null } satisfies Sent;
  return { status: sent.status, error: `HTTP ${sent.status}` } satisfies Sent;
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
