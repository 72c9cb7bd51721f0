import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

/** On a conflict with `on` (a unique index), these columns take the new row's values. */
export interface UpsertTarget<C extends string> {
  on: readonly C[];
  update: readonly C[];
}

/** Statement texts by shape; a page's row counts vary, so the oldest are dropped past this many. */
const MAX_STATEMENTS = 64;
const statements = new Map<string, string>();

/**
 * One multi-row `INSERT … VALUES (…), (…) [ON CONFLICT (…) DO UPDATE SET c = excluded.c]`, written
 * as text with placeholders. For an import page (100 orders × 31 columns) Kysely's builder spent
 * more CPU than the database spent inserting; the text depends only on the table, the columns and
 * the row count, so it is built once. Every row must have the first row's columns (one mapper).
 */
export async function insertRows<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
  upsert?: UpsertTarget<Extract<keyof Database[T], string>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const postgres = dialectOf(db) === 'postgres';
  const key = `${table}|${columns.join(',')}|${rows.length}|${postgres}|${upsert?.on.join(',')}|${upsert?.update.join(',')}`;
  let text = statements.get(key);
  if (text === undefined) {
    text = insertText(table, columns, rows.length, postgres, upsert);
    if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    statements.set(key, text);
  }
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let p = 0;
  for (const row of rows as ReadonlyArray<Record<string, unknown>>) {
    for (const column of columns) parameters[p++] = row[column] ?? null;
  }
  await db.executeQuery(CompiledQuery.raw(text, parameters));
}

function insertText(
  table: string,
  columns: readonly string[],
  rowCount: number,
  postgres: boolean,
  upsert: UpsertTarget<string> | undefined,
): string {
  const id = (name: string): string => `"${name}"`;
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const marks = columns.map((_, c) => (postgres ? `$${r * columns.length + c + 1}` : '?'));
    tuples.push(`(${marks.join(', ')})`);
  }
  let text = `insert into ${id(table)} (${columns.map(id).join(', ')}) values ${tuples.join(', ')}`;
  if (upsert) {
    const set = upsert.update.map((c) => `${id(c)} = excluded.${id(c)}`).join(', ');
    text += ` on conflict (${upsert.on.map(id).join(', ')}) do update set ${set}`;
  }
  return text;
}
