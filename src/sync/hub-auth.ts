import { createHash, timingSafeEqual } from 'node:crypto';
import type { Store } from '../domain/store.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { HubApiConnector } from '../stores/hub-api/hub-api.connector.js';
import type { StoreSideDeps } from './store-side-deps.js';

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function hubUnauthorized(): AppError {
  return new AppError('hub_unauthorized', 'Missing or wrong API key: send Authorization: Bearer <apiKey>', {
    kind: 'auth',
  });
}

/** The API key of `Authorization: Bearer <key>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The hub-api store a request acts as: the store of the path whose apiKey the bearer token is.
 * Unknown stores, other platforms and wrong keys all answer the same 401 (no store enumeration);
 * keys are compared as SHA-256 digests with timingSafeEqual.
 */
export async function authenticateHubStore(
  deps: Pick<StoreSideDeps, 'stores'> & { openSecrets(storeId: string): Promise<Record<string, string>> },
  storeId: string,
  authorization: string | undefined,
): Promise<Result<Store>> {
  const token = bearerToken(authorization);
  if (!token) return err(hubUnauthorized());
  const store = await deps.stores.findById(storeId);
  const expected = store?.platform === HubApiConnector.id ? (await deps.openSecrets(store.id)).apiKey : undefined;
  // Compare even when there is no store, so timing does not tell which store ids exist.
  const matches = timingSafeEqual(sha256(token), sha256(expected ?? `\u0000${token}`));
  return store && expected && matches ? ok(store) : err(hubUnauthorized());
}
