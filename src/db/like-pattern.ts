import { sql, type RawBuilder } from 'kysely';

/** Backslash-escapes LIKE's wildcards (and the backslash itself) so the text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/**
 * `column LIKE pattern ESCAPE '\'`: the user's text matches literally, `%` and `_` included.
 * The explicit ESCAPE matters on SQLite, which has no escape character by default (PostgreSQL's is `\`).
 */
export function likeLiteral(column: string, text: string, match: 'contains' | 'startsWith'): RawBuilder<boolean> {
  const pattern = match === 'contains' ? `%${escapeLike(text)}%` : `${escapeLike(text)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
