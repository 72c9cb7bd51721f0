import { getDirectiveValues, type GraphQLResolveInfo } from 'graphql';
import { gqlError } from './gql-kit.js';
import type { ResolverContext } from './resolver-context.js';

/**
 * Runs a mutation under `@idempotent(key:)`, mandatory for inventory mutations from 2026-04: without
 * it the request is refused with a top-level error; a repeated key with the same input replays the
 * first answer (nothing applied again); the same key with another input gets `mismatch`.
 */
export function withIdempotency(
  info: GraphQLResolveInfo,
  ctx: ResolverContext,
  input: unknown,
  run: () => Record<string, unknown>,
  mismatch: () => Record<string, unknown>,
): Record<string, unknown> {
  const directive = info.schema.getDirective('idempotent');
  const node = info.fieldNodes[0];
  const values = directive && node ? getDirectiveValues(directive, node, info.variableValues) : undefined;
  const key = typeof values?.key === 'string' ? values.key.trim() : '';
  if (!values) {
    throw gqlError(`The @idempotent directive is required for the ${info.fieldName} mutation.`, 'BAD_REQUEST', {
      documentation: 'https://shopify.dev/docs/api/usage/idempotent-requests',
    });
  }
  if (key === '') throw gqlError('The idempotency key cannot be an empty string or whitespace only.', 'BAD_REQUEST');
  const fingerprint = JSON.stringify(input);
  const found = ctx.idempotency.lookup(info.fieldName, key, fingerprint);
  if (found.kind === 'replay') {
    ctx.stats.count('idempotentReplays');
    return found.result as Record<string, unknown>;
  }
  if (found.kind === 'mismatch') return mismatch();
  const result = run();
  ctx.idempotency.save(info.fieldName, key, fingerprint, result);
  return result;
}
