import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Amazon's models and fixtures live in test/fixtures/amazon (one copy for the product and its tests).
 * Resolved from this file, not the cwd, so the sandbox works from any directory.
 */
export const AMAZON_FIXTURE_DIR = fileURLToPath(new URL('../../../test/fixtures/amazon/', import.meta.url));

const cache = new Map<string, unknown>();

/** Parses a JSON file of test/fixtures/amazon once per process. Callers must not mutate the result. */
export function loadAmazonJson<T>(fileName: string): T {
  let value = cache.get(fileName);
  if (value === undefined) {
    value = JSON.parse(readFileSync(join(AMAZON_FIXTURE_DIR, fileName), 'utf8')) as unknown;
    cache.set(fileName, value);
  }
  return value as T;
}
