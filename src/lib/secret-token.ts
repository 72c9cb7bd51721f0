import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie, an API token or a CSRF token (256 bits, URL-safe). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** What the database keeps of a secret: its SHA-256, hex. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Constant-time string comparison (via digests, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
