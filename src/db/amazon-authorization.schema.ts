/** Row types of migration 2026_11_29_0006 (Connect with Amazon); conventions as in schema.ts. */

export interface AmazonAuthorizationsTable {
  id: string;
  /** SHA-256 (hex) of the `state` sent to Amazon; the state itself is never stored. */
  state_hash: string;
  account_id: string;
  connection_id: string;
  redirect_uri: string;
  /** Who started the authorisation (written to the audit log when it completes). */
  actor: string;
  created_at: string;
  expires_at: string;
  /** Set when the callback consumed the state (single use). */
  used_at: string | null;
}

export interface AmazonAuthorizationTables {
  amazon_authorizations: AmazonAuthorizationsTable;
}
