import { z } from 'zod';
import { ok, type Result } from '../lib/result.js';
import { newStoreSchema, parseNewStore } from '../sync/store.service.js';
import type { App } from './app-context.js';

/** A store as the Add store form holds it before saving: the name may still be empty. */
export const newStoreTestSchema = newStoreSchema.extend({ name: z.string().trim().max(100).optional() });

const TEST_TIMEOUT_MS = 20_000;

/**
 * Test connection before saving: the same checks as adding the store (its platform's settings and
 * credentials, the installation's network policy), then the connector's one authenticated call.
 * Nothing is stored; the credentials live only for this call.
 */
export async function testNewStore(
  app: App,
  accountId: string,
  input: z.input<typeof newStoreTestSchema>,
): Promise<Result<{ storeName: string; platform: string }>> {
  // Unnamed while the form is being filled in: named after the platform for the call.
  const parsed = parseNewStore({ ...input, name: input.name?.trim() || input.platform });
  if (!parsed.ok) return parsed;
  const { store: s, platform, secrets } = parsed.value;
  const { pollIntervalSeconds: _poll, ...settings } = parsed.value.settings;
  const outbound = app.storeSide.outbound;
  for (const [url, field] of [
    [s.baseUrl, 'store URL'],
    [settings.webhookUrl, 'webhook URL'],
  ] as const) {
    const allowed = typeof url === 'string' && outbound ? await outbound.checkStoreUrl(url, field) : ok(undefined);
    if (!allowed.ok) return allowed;
  }
  const agents = (await outbound?.storeAgents()) ?? null;
  const connector = platform.create(
    {
      id: 'new-store',
      accountId,
      platform: platform.id,
      name: s.name,
      baseUrl: s.baseUrl.replace(/\/+$/, ''),
      settings,
      secrets,
    },
    { now: () => app.clock.nowIso(), timeoutMs: TEST_TIMEOUT_MS, ...(agents && { agents }) },
  );
  const tested = await connector.test();
  return tested.ok ? ok({ storeName: tested.value.storeName, platform: platform.id }) : tested;
}
