import {
  GraphQLError,
  OperationTypeNode,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { MAX_QUERY_COST } from './constants.js';
import { fieldResolver, typeResolver } from './gql-kit.js';
import type { LeakyBucket } from './leaky-bucket.js';
import { MUTATION_ROOT } from './mutation-root.js';
import { QUERY_ROOT } from './query-root.js';
import { actualQueryCost } from './actual-cost.js';
import { queryCost } from './query-cost.js';
import type { ResolverContext } from './resolver-context.js';
import { validationCode } from './validation-codes.js';

/**
 * One GraphQL request: parse → validate on Shopify's schema → cost → leaky bucket → execute.
 * Always HTTP 200 with `extensions.cost` (errors included), like Shopify.
 */
export interface GraphQLRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphQLAnswer {
  body: Record<string, unknown>;
  /** The request changed data (a mutation ran): the lost-response fault applies. */
  mutation: boolean;
}

const THROTTLED = {
  message: 'Throttled',
  extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
};

function formatError(e: GraphQLError, code?: string): Record<string, unknown> {
  const out: Record<string, unknown> = { message: e.message };
  if (e.locations) out.locations = e.locations;
  if (e.path) out.path = e.path;
  out.extensions = { ...(e.extensions ?? {}), ...(code ? { code } : {}) };
  return out;
}

export function runGraphQL(
  schema: GraphQLSchema,
  bucket: LeakyBucket,
  ctx: ResolverContext,
  request: GraphQLRequest,
): Promise<GraphQLAnswer> | GraphQLAnswer {
  const cost = (requested: number | null, actual: number | null) => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  });
  const fail = (errors: Record<string, unknown>[]): GraphQLAnswer => {
    ctx.stats.count('validationErrors');
    return { body: { errors, extensions: cost(0, 0) }, mutation: false };
  };
  if (typeof request.query !== 'string' || request.query.trim() === '') {
    return fail([{ message: 'No query string was present', extensions: { code: 'missingQuery' } }]);
  }
  let doc: DocumentNode;
  try {
    doc = parse(request.query);
  } catch (error) {
    return fail([formatError(error as GraphQLError, 'parseError')]);
  }
  const invalid = validate(schema, doc);
  if (invalid.length > 0) return fail(invalid.map((e) => formatError(e, validationCode(e.message))));
  const op = getOperationAST(doc, typeof request.operationName === 'string' ? request.operationName : null);
  if (!op)
    return fail([
      {
        message: 'An operation name is required when the document has several',
        extensions: { code: 'operationNotFound' },
      },
    ]);
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const requested = queryCost(schema, doc, op, variables);
  if (requested > MAX_QUERY_COST) {
    const message = `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`;
    return {
      body: {
        errors: [{ message, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST } }],
        extensions: cost(requested, null),
      },
      mutation: false,
    };
  }
  if (!bucket.tryTake(requested)) {
    ctx.stats.count('throttled');
    return { body: { errors: [THROTTLED], extensions: cost(requested, null) }, mutation: false };
  }
  const root = op.operation === OperationTypeNode.MUTATION ? MUTATION_ROOT : QUERY_ROOT;
  const finish = (result: ExecutionResult): GraphQLAnswer => {
    const body: Record<string, unknown> = {};
    if (result.errors) body.errors = result.errors.map((e) => formatError(e));
    if (result.data !== undefined) body.data = result.data;
    const actual = Math.min(requested, actualQueryCost(schema, doc, op, variables, result.data));
    bucket.refund(requested - actual);
    body.extensions = cost(requested, actual);
    return { body, mutation: op.operation === OperationTypeNode.MUTATION && result.data != null };
  };
  const result = execute({
    schema,
    document: doc,
    rootValue: root,
    contextValue: ctx,
    variableValues: variables,
    operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
    fieldResolver: (source, args, context, info) =>
      source === QUERY_ROOT || source === MUTATION_ROOT
        ? rootField(source as typeof QUERY_ROOT, info.fieldName, info.parentType.name)(
            args as Record<string, unknown>,
            context as ResolverContext,
            info,
          )
        : fieldResolver(source, args, context, info),
    typeResolver,
  });
  return result instanceof Promise ? result.then(finish) : finish(result);
}

function rootField(root: typeof QUERY_ROOT, name: string, typeName: string) {
  const resolver = root[name];
  if (resolver) return resolver;
  return () => {
    throw new GraphQLError(`Field '${typeName}.${name}' is not implemented by the OrderBridge Shopify sandbox`, {
      extensions: { code: 'NOT_IMPLEMENTED' },
    });
  };
}
