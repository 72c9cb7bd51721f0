import { z } from 'zod';
import type { ApiToken } from '../db/api-token.repository.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { err, ok, type Result } from '../lib/result.js';
import { newSecret, sha256Hex } from '../lib/secret-token.js';
import { zodToAppError } from '../sync/zod-error.js';
import type { AccountDeps } from './auth-deps.js';

/** Every API token starts with this, so secret scanners and people recognise it. */
export const API_TOKEN_PREFIX = 'obt_';

const newTokenSchema = z.object({ name: z.string().trim().min(1).max(100) });

/** API tokens of an account: shown once at creation, stored as SHA-256, revocable. */
export class ApiTokenService {
  constructor(private readonly deps: AccountDeps) {}

  list(accountId: string): Promise<ApiToken[]> {
    return this.deps.tokens.listLive(accountId);
  }

  async create(accountId: string, input: unknown, actor: string): Promise<Result<{ token: ApiToken; secret: string }>> {
    const parsed = newTokenSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError('api_token_invalid', parsed.error));
    const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
    const now = this.deps.clock.nowIso();
    const token: ApiToken = {
      id: newId(),
      accountId,
      name: parsed.data.name,
      prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
      createdBy: actor,
      createdAt: now,
      lastUsedAt: null,
    };
    await this.deps.tokens.insert({ ...token, tokenHash: sha256Hex(secret) });
    await this.deps.audit.record({
      accountId,
      actor,
      action: 'api_token.created',
      entity: 'api_token',
      entityId: token.id,
      before: null,
      after: token,
      at: now,
    });
    return ok({ token, secret });
  }

  async revoke(accountId: string, id: string, actor: string): Promise<Result<void>> {
    const now = this.deps.clock.nowIso();
    const revoked = await this.deps.tokens.revoke(accountId, id, now);
    if (!revoked) return err(new AppError('api_token_not_found', `No API token "${id}"`, { kind: 'not_found' }));
    await this.deps.audit.record({
      accountId,
      actor,
      action: 'api_token.revoked',
      entity: 'api_token',
      entityId: id,
      before: revoked,
      after: null,
      at: now,
    });
    return ok(undefined);
  }
}
