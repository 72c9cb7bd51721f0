import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { header, readBody, sendJson, sendRaw } from './http-kit.js';
import { ACCESS_TOKEN_TTL_SECONDS, LWA_SCOPES } from './sandbox-constants.js';
import type { AmazonSandbox } from './sandbox-state.js';
import type { SpEnv } from './sp-api-pipeline.js';

type LwaReply = { status: number; body: Record<string, unknown> };

const lwaError = (status: number, error: string, description: string): LwaReply => ({
  status,
  body: { error, error_description: description },
});
const missing = (field: string): LwaReply =>
  lwaError(400, 'invalid_request', `The request is missing a required parameter : ${field}`);

/** LWA accepts form bodies (Amazon's JS helper) and JSON bodies (Amazon's Java SDK). */
function parseFields(raw: string, contentType: string): Record<string, string> | null {
  const json = contentType.includes('json') || (!contentType.includes('form') && raw.trimStart().startsWith('{'));
  if (!json) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return Object.fromEntries(
      Object.entries(parsed).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])),
    );
  } catch {
    return null;
  }
}

/** The token exchange itself: grant checks in the order an OAuth server makes them. */
export function exchangeToken(sandbox: AmazonSandbox, fields: Record<string, string>): LwaReply {
  const grantType = fields.grant_type;
  if (!grantType) return missing('grant_type');
  if (grantType !== 'refresh_token' && grantType !== 'client_credentials' && grantType !== 'authorization_code') {
    return lwaError(400, 'unsupported_grant_type', `Invalid grant_type : ${grantType}`);
  }
  const { client_id: clientId, client_secret: clientSecret } = fields;
  if (!clientId) return missing('client_id');
  if (!clientSecret) return missing('client_secret');
  const now = sandbox.clock.nowMs();
  if (grantType === 'authorization_code') {
    if (!fields.code) return missing('code');
    if (!sandbox.credentials.clientMatches(clientId, clientSecret)) {
      return lwaError(401, 'invalid_client', 'Client authentication failed');
    }
    const tokens = sandbox.credentials.exchangeAuthorizationCode(clientId, fields.code, fields.redirect_uri, now);
    if (!tokens) return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : code');
    return success(sandbox, tokens.accessToken, tokens.refreshToken);
  }
  if (grantType === 'refresh_token') {
    if (!fields.refresh_token) return missing('refresh_token');
    if (!sandbox.credentials.clientMatches(clientId, clientSecret)) {
      return lwaError(401, 'invalid_client', 'Client authentication failed');
    }
    const token = sandbox.credentials.exchangeRefreshToken(clientId, fields.refresh_token, now);
    if (!token) return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
    return success(sandbox, token, fields.refresh_token);
  }
  if (!fields.scope) return missing('scope');
  if (!sandbox.credentials.clientMatches(clientId, clientSecret)) {
    return lwaError(401, 'invalid_client', 'Client authentication failed');
  }
  const scopes = fields.scope.split(' ').filter((s) => s !== '');
  if (scopes.length === 0 || scopes.some((s) => !LWA_SCOPES.includes(s))) {
    return lwaError(400, 'invalid_scope', 'The request has an invalid parameter : scope');
  }
  return success(sandbox, sandbox.credentials.issueGrantless(clientId, scopes.join(' '), now), null);
}

function success(sandbox: AmazonSandbox, accessToken: string, refreshToken: string | null): LwaReply {
  sandbox.record.lwaToken();
  return {
    status: 200,
    body: {
      access_token: accessToken,
      ...(refreshToken === null ? {} : { refresh_token: refreshToken }),
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
    },
  };
}

/** POST /auth/o2/token — with the `lwaToken` faults (latency, timeout, error, malformed). */
export async function handleLwaToken(env: SpEnv, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { sandbox } = env;
  const headers = { 'x-amzn-RequestId': randomUUID(), 'cache-control': 'no-store' };
  const raw = (await readBody(req)).toString('utf8');
  const faults = sandbox.faults.plan('lwaToken');
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
    const status = faults.errorStatus;
    const code =
      status === 500 ? 'server_error' : status >= 500 || status === 429 ? 'temporarily_unavailable' : 'invalid_request';
    return sendJson(res, faults.errorStatus, { error: code, error_description: 'Injected by the sandbox' }, headers);
  }
  const fields = parseFields(raw, (header(req, 'content-type') ?? '').toLowerCase());
  const reply = fields ? exchangeToken(sandbox, fields) : lwaError(400, 'invalid_request', 'Malformed request body');
  if (faults.malformed) {
    sandbox.record.fault('malformed');
    const text = JSON.stringify(reply.body);
    return sendRaw(res, 200, text.slice(0, Math.floor(text.length / 2)), headers);
  }
  sendJson(res, reply.status, reply.body, headers);
}
