import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, header, readBody } from './http-kit.js';
import { errorList, type ErrorBody } from './sp-api-errors.js';
import type { SpReply } from './sp-api-pipeline.js';

export type JsonBody = { ok: true; value: unknown } | { ok: false; reply: SpReply };

/** A JSON request body of the Feeds/Listings operations: 415 for another content type, 413, 400. */
export async function readJsonBody(req: IncomingMessage, badRequest: (m: string) => ErrorBody): Promise<JsonBody> {
  const type = header(req, 'content-type');
  if (type !== undefined && !type.toLowerCase().includes('json')) {
    return {
      ok: false,
      reply: { status: 415, body: errorList('UnsupportedMediaType', `Unsupported content type ${type}.`, '') },
    };
  }
  try {
    const raw = (await readBody(req)).toString('utf8');
    return { ok: true, value: raw.trim() === '' ? undefined : (JSON.parse(raw) as unknown) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return {
        ok: false,
        reply: { status: 413, body: errorList('RequestEntityTooLarge', 'The request body is too large.', '') },
      };
    }
    return { ok: false, reply: { status: 400, body: badRequest('The request body is not valid JSON.') } };
  }
}

/** Reads a request body once, however often the pipeline asks (static replay, then the operation). */
export function memoBody(req: IncomingMessage, badRequest: (m: string) => ErrorBody): () => Promise<JsonBody> {
  let body: Promise<JsonBody> | null = null;
  return () => (body ??= readJsonBody(req, badRequest));
}
