import {
  Kind,
  OperationTypeNode,
  getNamedType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf, queryCost } from './query-cost.js';

/**
 * Shopify's actual query cost: the requested cost with each connection sized by what it returned (and
 * nothing for null objects). The difference to the requested cost is given back to the bucket.
 */
type Data = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
}

const isData = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);

function walk(set: SelectionSetNode | undefined, type: GraphQLCompositeType, w: Walk, data: unknown): number {
  if (!set || !isData(data)) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD) {
      const frag = sel.kind === Kind.FRAGMENT_SPREAD ? w.fragments.get(sel.name.value) : sel;
      const cond = frag?.typeCondition ? w.schema.getType(frag.typeCondition.name.value) : type;
      // Fields of a non-matching fragment are absent from the data and cost nothing.
      if (frag) cost += walk(frag.selectionSet, (cond ?? type) as GraphQLCompositeType, w, data);
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const def = type.getFields()[sel.name.value];
    const value = data[sel.alias?.value ?? sel.name.value];
    if (!def || value === null || value === undefined) continue;
    const named = getNamedType(def.type);
    if (isLeafType(named)) continue;
    const child = named as GraphQLCompositeType;
    if (named.name.endsWith('Connection')) cost += 2 + connection(sel.selectionSet, child, w, value);
    else if (Array.isArray(value)) cost += 1 + walk(sel.selectionSet, child, w, value[0]);
    else cost += (named.name.endsWith('Edge') ? 0 : 1) + walk(sel.selectionSet, child, w, value);
  }
  return cost;
}

function connection(set: SelectionSetNode | undefined, type: GraphQLCompositeType, w: Walk, data: unknown): number {
  if (!set || !isData(data) || !isObjectType(type)) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD || (sel.name.value !== 'nodes' && sel.name.value !== 'edges')) continue;
    const def = type.getFields()[sel.name.value];
    const items = data[sel.alias?.value ?? sel.name.value];
    if (!def || !Array.isArray(items)) continue;
    const child = getNamedType(def.type) as GraphQLCompositeType;
    const own = sel.name.value === 'nodes' ? 1 : 0;
    for (const item of items) cost += (item === null ? 0 : own) + walk(sel.selectionSet, child, w, item);
  }
  return cost;
}

export function actualQueryCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: unknown,
): number {
  if (op.operation === OperationTypeNode.MUTATION) return queryCost(schema, doc, op, variables);
  const root = schema.getQueryType();
  if (!root) return 0;
  return walk(op.selectionSet, root, { schema, fragments: fragmentsOf(doc) }, data);
}
