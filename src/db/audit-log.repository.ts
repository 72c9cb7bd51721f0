import type { Kysely } from 'kysely';
import { newId } from '../lib/ids.js';
import { toJson } from './json-column.js';
import type { Database } from './schema.js';

/** Who changed which configuration, before and after (secrets are never part of these snapshots). */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(e: {
    accountId: string;
    actor: string;
    action: string;
    entity: string;
    entityId: string;
    before: unknown;
    after: unknown;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: newId(),
        account_id: e.accountId,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        before_json: toJson(e.before),
        after_json: toJson(e.after),
        occurred_at: e.at,
      })
      .execute();
  }

  async list(
    accountId: string,
    limit: number,
  ): Promise<Array<{ action: string; entityId: string | null; actor: string; occurredAt: string }>> {
    const rows = await this.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor', 'occurred_at'])
      .where('account_id', '=', accountId)
      .orderBy('occurred_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ action: r.action, entityId: r.entity_id, actor: r.actor, occurredAt: r.occurred_at }));
  }
}
