// Setup of the scale-out benchmark: thousands of sandbox sellers on 1, 3 or 8 EU marketplaces and one
// active OrderBridge connection per seller + marketplace, inserted in a few multi-row statements
// (ConnectionService.add would take minutes for 8,000 connections).
import { marketplaceById } from '../src/amazon/marketplaces.js';
import type { App } from '../src/app/app-context.js';
import { loadSecretBox } from '../src/app/secret-key.js';
import { toBool } from '../src/db/json-column.js';
import { parseOrdersConfig } from '../src/domain/orders-config.js';
import { newId } from '../src/lib/ids.js';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from '../src/sandbox/amazon/index.js';
import type { BenchSeller } from './support/scale-out-sandbox.js';

const DE = 'A1PA6795UKMFR9';
const FR = 'A13V1IB3VIYZZH';
const IT = 'APJ6JRA9NG5V4';
const EU8 = [DE, FR, IT, 'A1RKKUPIHCS9HS', 'A1F83G8C2ARO7P', 'A1805IZSGTT6HS', 'A2NODRKZP88ZB9', 'A1C3SOZRARQ6R3'];
/** Sellers by how many marketplaces they sell in: a third each on 1, 3 and 8. */
const MIX = [[DE], [DE, FR, IT], EU8] as const;
const INSERT_CHUNK = 500;

export function benchSellers(count: number): BenchSeller[] {
  return Array.from({ length: count }, (_, i) => ({
    sellerId: `ASCALE${String(i).padStart(6, '0')}`,
    refreshToken: `Atzr|scale-out-${i}`,
    marketplaceIds: [...(MIX[i % MIX.length] ?? [DE])],
  }));
}

export interface BenchConnection {
  id: string;
  sellerId: string;
  marketplaceId: string;
}

/**
 * One active connection per seller + marketplace, polled every minute (the shortest interval),
 * MFN orders, no store (the bench measures pulls, not deliveries).
 */
export async function insertConnections(
  app: App,
  sellers: readonly BenchSeller[],
  sandboxUrl: string,
  syncFrom: Date,
): Promise<BenchConnection[]> {
  const box = loadSecretBox(app.config.secretKey, app.config.dataDir);
  const now = new Date().toISOString();
  const configs = new Map<string, string>();
  const configOf = (marketplaceId: string): string => {
    const cached = configs.get(marketplaceId);
    if (cached) return cached;
    const parsed = parseOrdersConfig(
      { orderTypes: ['MFN'], pollIntervalMinutes: 1, lookbackOverlapSeconds: 30, syncFromDate: syncFrom.toISOString() },
      { taxIncludedDefault: marketplaceById(marketplaceId)?.taxIncludedDefault ?? true, now: syncFrom },
    );
    if (!parsed.ok) throw parsed.error;
    const json = JSON.stringify(parsed.value);
    configs.set(marketplaceId, json);
    return json;
  };
  const connections: BenchConnection[] = [];
  const rows = sellers.flatMap((seller) => {
    const sealed = box.seal(JSON.stringify({ clientSecret: SANDBOX_CLIENT_SECRET, refreshToken: seller.refreshToken }));
    return seller.marketplaceIds.map((marketplaceId) => {
      const id = newId();
      connections.push({ id, sellerId: seller.sellerId, marketplaceId });
      return {
        id,
        account_id: app.accountId,
        name: `${seller.sellerId} ${marketplaceById(marketplaceId)?.countryCode ?? marketplaceId}`,
        marketplace_id: marketplaceId,
        seller_id: seller.sellerId,
        region: 'EU',
        sp_api_base_url: sandboxUrl,
        lwa_url: `${sandboxUrl}/auth/o2/token`,
        client_id: SANDBOX_CLIENT_ID,
        secrets_encrypted: sealed,
        settings_json: configOf(marketplaceId),
        active: toBool(true),
        import_cursor: null,
        import_cursor_kind: null,
        store_id: null,
        created_at: now,
        updated_at: now,
      };
    });
  });
  await app.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('connections')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    }
  });
  return connections;
}
