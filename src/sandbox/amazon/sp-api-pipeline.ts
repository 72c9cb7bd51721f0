import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultPlan } from './fault-injector.js';
import { header, sendJson, sendRaw } from './http-kit.js';
import { DEFAULT_USAGE_PLANS, STATIC_MODE_HEADER, STATIC_SANDBOX_PLAN, type OperationId } from './sandbox-constants.js';
import type { AmazonSandbox } from './sandbox-state.js';
import {
  QUOTA_EXCEEDED,
  UNAUTHORIZED_EXPIRED,
  UNAUTHORIZED_INVALID,
  carriesRateLimitHeader,
  errorList,
  injectedError,
  invalidInput,
} from './sp-api-errors.js';
import { findStaticCase } from './static-cases.js';

export interface SpCall {
  sellerId: string;
  clientId: string;
  faults: FaultPlan;
}

/** `body: undefined` sends no body (204). */
export interface SpReply {
  status: number;
  body?: unknown;
}

export interface SpOperation {
  op: OperationId;
  /** The request's parameters under the model's names, for static-case matching. */
  staticRequest(): Promise<Record<string, unknown>>;
  handle(call: SpCall): Promise<SpReply>;
}

export interface SpEnv {
  sandbox: AmazonSandbox;
  /** Keeps a request unanswered until the timeout, then drops the connection (timeout fault). */
  hold(res: ServerResponse, ms: number): void;
}

/** Static replay: the header, a `sandbox.` host (like Amazon's sandbox hosts) or the server option. */
export function isStaticMode(sandbox: AmazonSandbox, req: IncomingMessage): boolean {
  if (sandbox.staticCases) return true;
  if (header(req, STATIC_MODE_HEADER)?.toLowerCase() === 'static') return true;
  return (header(req, 'host') ?? '').toLowerCase().startsWith('sandbox.');
}

/**
 * Every SP-API call: request id → access token (403) → token bucket (429) → static replay, or faults
 * and the operation → x-amzn-RateLimit-Limit only on 2xx/400/404.
 */
export async function runSpOperation(
  env: SpEnv,
  req: IncomingMessage,
  res: ServerResponse,
  operation: SpOperation,
): Promise<void> {
  const { sandbox } = env;
  const { op } = operation;
  const requestId = randomUUID();
  sandbox.record.call(op);
  const send = (reply: SpReply, limit: string | null): void => {
    const headers: Record<string, string> = { 'x-amzn-RequestId': requestId };
    if (limit !== null && carriesRateLimitHeader(reply.status)) headers['x-amzn-RateLimit-Limit'] = limit;
    if (reply.body === undefined) sendRaw(res, reply.status, null, headers);
    else sendJson(res, reply.status, reply.body, headers);
  };
  const check = sandbox.credentials.checkAccessToken(header(req, 'x-amz-access-token'), sandbox.clock.nowMs());
  if (!check.ok || check.grant.sellerId === null) {
    const expired = !check.ok && check.reason === 'expired';
    return send({ status: 403, body: expired ? UNAUTHORIZED_EXPIRED : UNAUTHORIZED_INVALID }, null);
  }
  const { clientId, sellerId } = check.grant;
  const staticMode = isStaticMode(sandbox, req);
  const plan = staticMode ? STATIC_SANDBOX_PLAN : DEFAULT_USAGE_PLANS[op];
  const decision = sandbox.rateLimiter.take(`${clientId}|${sellerId}|${staticMode ? 'static|' : ''}${op}`, plan);
  if (!decision.allowed) {
    sandbox.record.throttle(op);
    return send({ status: 429, body: QUOTA_EXCEEDED }, null);
  }
  const limit = decision.limitHeader;
  try {
    if (staticMode) return send(await replay(operation), limit);
    const faults = sandbox.faults.plan(op);
    if (faults.latencyMs > 0) {
      sandbox.record.fault('latency');
      await sleep(faults.latencyMs);
    }
    if (faults.timeout) {
      sandbox.record.fault('timeout');
      return env.hold(res, sandbox.faults.timeoutMs);
    }
    if (faults.errorStatus !== null) {
      sandbox.record.fault(`error:${faults.errorStatus}`);
      return send({ status: faults.errorStatus, body: injectedError(faults.errorStatus) }, limit);
    }
    const reply = await operation.handle({ clientId, sellerId, faults });
    if (faults.malformed) {
      sandbox.record.fault('malformed');
      const text = reply.body === undefined ? '{"errors":[{"code":"' : JSON.stringify(reply.body);
      return sendRaw(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        'x-amzn-RequestId': requestId,
        'x-amzn-RateLimit-Limit': limit,
      });
    }
    send(reply, limit);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send({ status: 500, body: errorList('InternalFailure', 'We encountered an internal error.', message) }, null);
  }
}

async function replay(operation: SpOperation): Promise<SpReply> {
  const match = findStaticCase(operation.op, await operation.staticRequest());
  if (!match) return { status: 400, body: invalidInput('No static sandbox case matches this request.') };
  return match.status === 204 ? { status: 204 } : { status: match.status, body: match.response };
}
