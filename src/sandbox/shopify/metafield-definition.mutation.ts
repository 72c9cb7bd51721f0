import { gid } from './constants.js';
import { userError, type Args, type GqlObject } from './gql-kit.js';
import type { ResolverContext } from './resolver-context.js';
import type { MetafieldDefinitionRecord } from './shop-model.js';

/** Metafield definitions; type `id` makes values unique per owner type (Shopify's custom ids). */
export function gqlDefinition(d: MetafieldDefinitionRecord): GqlObject {
  return {
    __typename: 'MetafieldDefinition',
    id: gid('MetafieldDefinition', d.id),
    name: d.name,
    namespace: d.namespace,
    key: d.key,
    ownerType: d.ownerType,
    type: { __typename: 'MetafieldDefinitionType', name: d.type, category: d.type === 'id' ? 'TEXT' : 'TEXT' },
    description: null,
    capabilities: {
      __typename: 'MetafieldCapabilities',
      uniqueValues: { __typename: 'MetafieldCapabilityUniqueValues', enabled: d.unique, eligible: true },
    },
  };
}

const TYPES = new Set(['id', 'single_line_text_field', 'multi_line_text_field', 'number_integer', 'json', 'boolean']);

export function metafieldDefinitionCreate(args: Args, { state }: ResolverContext): Record<string, unknown> {
  const d = args.definition as Args;
  const namespace = (d.namespace as string | null) ?? '$app';
  const key = String(d.key);
  const type = String(d.type);
  const fail = (field: string[], message: string, code: string) => ({
    createdDefinition: null,
    userErrors: [userError(field, message, code)],
  });
  if (!TYPES.has(type)) return fail(['definition', 'type'], `Type name ${type} is not a valid type.`, 'INCLUSION');
  if (key.length < 2) return fail(['definition', 'key'], 'Key is too short (minimum is 2 characters)', 'TOO_SHORT');
  const taken = state.definitions.some(
    (x) => x.ownerType === d.ownerType && x.namespace === namespace && x.key === key,
  );
  if (taken)
    return fail(
      ['definition', 'key'],
      "Key is in use for Order metafields on the '" + namespace + "' namespace.",
      'TAKEN',
    );
  const uniqueRequested = (d.capabilities as Args | null)?.uniqueValues as Args | undefined;
  const record: MetafieldDefinitionRecord = {
    id: state.nextId(),
    ownerType: String(d.ownerType),
    namespace,
    key,
    name: String(d.name),
    type,
    unique: type === 'id' || uniqueRequested?.enabled === true,
  };
  state.definitions.push(record);
  return { createdDefinition: gqlDefinition(record), userErrors: [] };
}
