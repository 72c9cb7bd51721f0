import type { Kysely } from 'kysely';
import { newId } from '../lib/ids.js';
import { fromJson, toJson } from './json-column.js';
import type { Database } from './schema.js';

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  occurredAt: string;
}

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

  /** The account's entries, newest first; `before` (an occurredAt) pages further back. */
  async list(accountId: string, limit: number, before?: string): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().where('account_id', '=', accountId);
    if (before !== undefined) query = query.where('occurred_at', '<', before);
    const rows = await query.orderBy('occurred_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: fromJson(r.before_json),
      after: fromJson(r.after_json),
      occurredAt: r.occurred_at,
    }));
  }
}
