import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorKind, isAppError } from '../lib/errors.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  auth: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/** The one place where errors become HTTP responses: `{ error: { code, message, details } }`. */
export function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isAppError(error)) {
    return reply.status(STATUS_BY_KIND[error.kind]).send({ error: error.toJSON() } satisfies ErrorBody);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message,
    }));
    return reply.status(400).send({
      error: {
        code: 'request_invalid',
        message: `Invalid request: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`.trim(),
        details: { issues },
      },
    } satisfies ErrorBody);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
    return reply.status(fastifyError.statusCode).send({
      error: { code: 'request_invalid', message: fastifyError.message, details: {} },
    } satisfies ErrorBody);
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send({ error: { code: 'internal_error', message: 'Internal error', details: {} } } satisfies ErrorBody);
}
