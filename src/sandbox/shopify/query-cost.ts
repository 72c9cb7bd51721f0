import {
  Kind,
  OperationTypeNode,
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Shopify's calculated query cost (shopify.dev …/rate-limits): scalars and enums 0, objects 1,
 * connections 2 plus `first`/`last` times the cost of one node, each mutation field 10. Run on a
 * validated document only.
 */
const MUTATION_COST = 10;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function intArg(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function selectionCost(
  set: SelectionSetNode | undefined,
  type: GraphQLCompositeType,
  w: Walk,
  inConnection = false,
): number {
  if (!set) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT || sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = sel.kind === Kind.FRAGMENT_SPREAD ? w.fragments.get(sel.name.value) : sel;
      if (!frag) continue;
      const cond = frag.typeCondition ? w.schema.getType(frag.typeCondition.name.value) : type;
      cost += selectionCost(frag.selectionSet, (cond ?? type) as GraphQLCompositeType, w, inConnection);
      continue;
    }
    if (sel.name.value.startsWith('__') || isAbstractType(type) || !('getFields' in type)) {
      if (isAbstractType(type) && sel.selectionSet) cost += 1;
      continue;
    }
    const def = type.getFields()[sel.name.value];
    if (!def) continue;
    const named = getNamedType(def.type);
    if (isLeafType(named)) continue;
    const child = named as GraphQLCompositeType;
    if (inConnection && sel.name.value === 'pageInfo') continue;
    if (inConnection && sel.name.value === 'edges') {
      cost += selectionCost(sel.selectionSet, child, w, false);
      continue;
    }
    if (isObjectType(named) && named.name.endsWith('Connection')) {
      const args = new Map(sel.arguments?.map((a) => [a.name.value, a.value]));
      const size = intArg(args.get('first'), w.variables) ?? intArg(args.get('last'), w.variables) ?? 1;
      cost += 2 + size * selectionCost(sel.selectionSet, child, w, true);
      continue;
    }
    // An edge object itself is free; its node and every other object cost 1 plus their fields.
    const own = named.name.endsWith('Edge') ? 0 : 1;
    cost += own + selectionCost(sel.selectionSet, child, w, false);
  }
  return cost;
}

export function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

export function queryCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = fragmentsOf(doc);
  if (op.operation === OperationTypeNode.MUTATION) {
    return (
      op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith('__')).length *
      MUTATION_COST
    );
  }
  const root = op.operation === OperationTypeNode.SUBSCRIPTION ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  return selectionCost(op.selectionSet, root, { schema, fragments, variables });
}
