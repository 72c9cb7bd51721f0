import type { GraphQLResolveInfo } from 'graphql';
import type { ShopState } from './shop-state.js';
import type { ShopifyStats } from './stats.js';
import type { IdempotencyStore } from './idempotency.js';
import type { ShopifyWebhookDispatcher } from './webhook-dispatcher.js';

/** What every resolver gets as GraphQL context. */
export interface ResolverContext {
  state: ShopState;
  stats: ShopifyStats;
  idempotency: IdempotencyStore;
  webhooks: ShopifyWebhookDispatcher;
  /** Schedules the async work of a Job (orderCancel); returns the job's GID. */
  startJob(run: () => void): string;
}

export type RootResolver = (args: Record<string, unknown>, ctx: ResolverContext, info: GraphQLResolveInfo) => unknown;
