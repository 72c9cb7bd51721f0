import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';

/**
 * `--set key=value` options into a partial Orders Configuration. Dotted keys nest
 * (skuCrop.removeSuffixes=-FBM), values are JSON when they parse (true, 5, ["a"]), comma lists
 * become arrays for list options, anything else is a string.
 */
const LIST_KEYS = new Set(['orderTypes', 'skuCrop.removePrefixes', 'skuCrop.removeSuffixes']);

export function parseSettings(pairs: string[] | undefined): Result<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      return err(new AppError('cli_option_invalid', `--set expects key=value, got "${pair}"`, { kind: 'invalid' }));
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1);
    const value =
      LIST_KEYS.has(key) && !raw.trim().startsWith('[')
        ? raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : parseValue(raw);
    setPath(out, key.split('.'), value);
  }
  return ok(out);
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}
