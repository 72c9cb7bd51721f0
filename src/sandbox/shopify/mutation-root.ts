import { metafieldDefinitionCreate } from './metafield-definition.mutation.js';
import { orderCreate } from './order-create.mutation.js';
import type { RootResolver } from './resolver-context.js';
import { webhookMutations } from './webhook-subscription.mutations.js';

/** The Mutation fields the sandbox performs. */
export const MUTATION_ROOT: Record<string, RootResolver> = {
  orderCreate,
  metafieldDefinitionCreate,
  ...webhookMutations,
};
