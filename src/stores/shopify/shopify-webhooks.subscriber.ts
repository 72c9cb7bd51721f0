import type { ShopifyContext } from './shopify.context.js';
import { WEBHOOK_TOPICS } from './shopify.webhook.js';

/** (shop, endpoint) pairs whose subscriptions were checked in this process. */
const SUBSCRIBED = new Set<string>();

export const topicEnum = (topic: string): string => topic.replace('/', '_').toUpperCase();

interface Subscription {
  topic: string;
  uri: string;
}

/**
 * Subscribes OrderBridge's webhook endpoint to every topic it reads, once per shop and process:
 * lists the shop's subscriptions first and creates only the missing ones. Failures are returned as
 * false and tried again on a later call — the reconciliation poll finds the events meanwhile.
 */
export async function ensureWebhookSubscriptions(ctx: ShopifyContext, shopKey: string, uri: string): Promise<boolean> {
  const key = `${shopKey}|${uri}`;
  if (SUBSCRIBED.has(key)) return true;
  const list = await ctx.client.request<{ webhookSubscriptions: { nodes: Subscription[] } }>('webhookSubscriptions');
  if (!list.ok) return false;
  const have = new Set(list.value.webhookSubscriptions.nodes.filter((s) => s.uri === uri).map((s) => s.topic));
  for (const topic of WEBHOOK_TOPICS.map(topicEnum)) {
    if (have.has(topic)) continue;
    const res = await ctx.client.request<{ webhookSubscriptionCreate: { userErrors: { message: string }[] } }>(
      'webhookSubscriptionCreate',
      { topic, uri },
    );
    if (!res.ok || res.value.webhookSubscriptionCreate.userErrors.length > 0) return false;
  }
  SUBSCRIBED.add(key);
  return true;
}
