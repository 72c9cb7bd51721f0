import type { RootResolver } from './resolver-context.js';

/** Placeholder until webhook subscriptions are served over GraphQL. */
export const webhookQueries: Record<string, RootResolver> = {};
export const webhookMutations: Record<string, RootResolver> = {};
