import { ZodError, z } from 'zod';
import { AppError, toAppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { platformFor, PLATFORM_IDS } from '../stores/registry.js';
import { newStoreSchema } from '../sync/store.service.js';
import { zodToAppError } from '../sync/zod-error.js';
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
  const parsed = newStoreTestSchema.safeParse(input);
  if (!parsed.success) return err(zodToAppError('store_invalid', parsed.error));
  const s = parsed.data;
  const platform = platformFor(s.platform);
  if (!platform) {
    return err(
      new AppError(
        'store_platform_unknown',
        `Unknown store platform "${s.platform}"; use one of ${PLATFORM_IDS.join(', ')}`,
        {
          kind: 'invalid',
        },
      ),
    );
  }
  let settings: Record<string, unknown>;
  let secrets: Record<string, string>;
  try {
    const { pollIntervalSeconds: _poll, ...platformSettings } = s.settings ?? {};
    settings = platform.parseSettings(platformSettings);
    secrets = platform.parseSecrets(s.secrets ?? {});
  } catch (error) {
    return err(error instanceof ZodError ? zodToAppError('store_invalid', error) : toAppError(error));
  }
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
      name: s.name || platform.title,
      baseUrl: s.baseUrl.replace(/\/+$/, ''),
      settings,
      secrets,
    },
    { now: () => app.clock.nowIso(), timeoutMs: TEST_TIMEOUT_MS, ...(agents && { agents }) },
  );
  const tested = await connector.test();
  return tested.ok ? ok({ storeName: tested.value.storeName, platform: platform.id }) : tested;
}
