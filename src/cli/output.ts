import { isAppError, toAppError } from '../lib/errors.js';
import type { Result } from '../lib/result.js';

/** Prints JSON for scripts (--json) or readable text for people. */
export function print(value: unknown, json: boolean, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

/** A failed command: clear message on stderr (JSON with --json), exit code by kind. */
export function fail(error: unknown, json: boolean): never {
  const e = toAppError(error);
  if (json) process.stderr.write(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
  else {
    process.stderr.write(`Error [${e.code}]: ${e.message}\n`);
    const issues = (e.details as { issues?: Array<{ path: string; message: string }> }).issues;
    for (const i of issues ?? []) process.stderr.write(`  - ${i.path || '(input)'}: ${i.message}\n`);
  }
  process.exit(isAppError(error) && e.kind === 'invalid' ? 2 : 1);
}

export function unwrap<T>(result: Result<T>, json: boolean): T {
  if (!result.ok) fail(result.error, json);
  return result.value;
}

export function table(rows: Array<Record<string, string | number | null>>): string {
  if (rows.length === 0) return '(none)';
  const cols = Object.keys(rows[0] as object);
  const width = (c: string): number => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length));
  const line = (cells: string[]): string =>
    cells
      .map((v, i) => v.padEnd(width(cols[i] as string)))
      .join('  ')
      .trimEnd();
  return [line(cols), ...rows.map((r) => line(cols.map((c) => String(r[c] ?? ''))))].join('\n');
}
