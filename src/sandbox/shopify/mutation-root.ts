import { inventoryAdjustQuantities, inventorySetQuantities } from './inventory.mutations.js';
import { metafieldDefinitionCreate } from './metafield-definition.mutation.js';
import { orderCreate } from './order-create.mutation.js';
import { fulfillmentCreate, orderCancel, orderUpdate, tagsAdd } from './order.mutations.js';
import type { RootResolver } from './resolver-context.js';
import { webhookMutations } from './webhook-subscription.mutations.js';

/** The Mutation fields the sandbox performs (anything else is a NOT_IMPLEMENTED error). */
export const MUTATION_ROOT: Record<string, RootResolver> = {
  orderCreate,
  orderCancel,
  orderUpdate,
  tagsAdd,
  fulfillmentCreate,
  inventoryAdjustQuantities,
  inventorySetQuantities,
  metafieldDefinitionCreate,
  ...webhookMutations,
};
