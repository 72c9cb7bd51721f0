import { gid, parseGid } from './constants.js';
import { connection, userError, type Args, type GqlObject } from './gql-kit.js';
import type { RootResolver } from './resolver-context.js';
import { topicEnum, type WebhookSubscriptionRecord } from './webhook-dispatcher.js';

/** webhookSubscriptionCreate / webhookSubscriptions / webhookSubscriptionDelete (HTTP endpoints). */
function gqlSubscription(s: WebhookSubscriptionRecord): GqlObject {
  return {
    __typename: 'WebhookSubscription',
    id: gid('WebhookSubscription', s.id),
    legacyResourceId: String(s.id),
    topic: topicEnum(s.topic),
    uri: s.uri,
    callbackUrl: s.uri,
    format: 'JSON',
    apiVersion: { __typename: 'ApiVersion', handle: '2026-10', displayName: '2026-10', supported: true },
    endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: s.uri },
    includeFields: [],
    metafieldNamespaces: [],
    filter: null,
    name: null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export const webhookQueries: Record<string, RootResolver> = {
  webhookSubscriptions: (a, ctx) => {
    const topics = a.topics as string[] | null | undefined;
    const uri = (a.uri ?? a.callbackUrl) as string | null | undefined;
    const list = ctx.webhooks.subscriptions.filter(
      (s) => (!topics || topics.includes(topicEnum(s.topic))) && (uri == null || s.uri === uri),
    );
    return connection(list, a, (s) => [s.id], gqlSubscription);
  },
  webhookSubscription: (a, ctx) => {
    const s = ctx.webhooks.subscriptions.find((x) => x.id === parseGid(a.id, 'WebhookSubscription'));
    return s ? gqlSubscription(s) : null;
  },
};

export const webhookMutations: Record<string, RootResolver> = {
  webhookSubscriptionCreate: (a, ctx) => {
    const input = a.webhookSubscription as Args;
    const uri = (input.uri ?? input.callbackUrl) as string | null | undefined;
    const topic = String(a.topic);
    const fail = (field: string[], message: string) => ({
      webhookSubscription: null,
      userErrors: [userError(field, message)],
    });
    if (!uri || !/^https?:\/\/\S+$/.test(uri)) return fail(['webhookSubscription', 'uri'], 'Address is invalid');
    if (input.format != null && input.format !== 'JSON')
      return fail(['webhookSubscription', 'format'], 'Only JSON is supported by the sandbox');
    if (ctx.webhooks.subscriptions.some((s) => topicEnum(s.topic) === topic && s.uri === uri)) {
      return fail(['webhookSubscription', 'callbackUrl'], 'Address for this topic has already been taken');
    }
    return { webhookSubscription: gqlSubscription(ctx.webhooks.subscribe(topic, uri)), userErrors: [] };
  },
  webhookSubscriptionDelete: (a, ctx) => {
    const id = parseGid(a.id, 'WebhookSubscription');
    if (id === null || !ctx.webhooks.unsubscribe(id)) {
      return {
        deletedWebhookSubscriptionId: null,
        userErrors: [userError(['id'], 'Webhook subscription does not exist')],
      };
    }
    return { deletedWebhookSubscriptionId: gid('WebhookSubscription', id), userErrors: [] };
  },
};
