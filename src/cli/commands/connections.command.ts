import type { Command } from 'commander';
import type { ConnectionUpdateInput } from '../../sync/connection-input.js';
import type { ConnectionView } from '../../sync/connection.service.js';
import { print, table, unwrap } from '../output.js';
import { parseSettings } from '../settings-option.js';
import { withApp } from '../with-app.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `connections update` flags → connection fields. */
const UPDATE_FLAGS = {
  name: 'name',
  sellerId: 'sellerId',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  refreshToken: 'refreshToken',
  spApiUrl: 'spApiBaseUrl',
  lwaUrl: 'lwaUrl',
  store: 'store',
} as const;

function describe(c: ConnectionView): string {
  return [
    `${c.name} (${c.id})`,
    `  marketplace ${c.marketplaceId}, seller ${c.sellerId}, region ${c.region}`,
    `  SP-API ${c.spApiBaseUrl}  LWA ${c.lwaUrl}`,
    `  client id ${c.clientId}, client secret ${c.clientSecretHint}, refresh token ${c.refreshTokenHint}`,
    `  order synchronization: ${c.active ? 'Active' : 'Disabled'}; cursor ${c.importCursor ?? '(none yet)'}`,
    `  store: ${c.storeId ?? '(none: orders are kept in OrderBridge only)'}`,
    `  Orders Configuration:`,
    ...JSON.stringify(c.config, null, 2)
      .split('\n')
      .map((l) => `    ${l}`),
  ].join('\n');
}

export function registerConnections(program: Command): void {
  const cmd = program.command('connections').description('Amazon connections and their Orders Configuration');

  cmd
    .command('add')
    .description('add an Amazon connection (SP-API credentials; MWS tokens no longer work)')
    .requiredOption('--name <name>', 'a name for the connection')
    .requiredOption('--marketplace <id>', 'marketplace id (A1PA6795UKMFR9) or country code (DE)')
    .requiredOption('--seller-id <id>', 'Seller ID (merchant token)')
    .requiredOption('--client-id <id>', 'LWA client id of the SP-API app')
    .requiredOption('--client-secret <secret>', 'LWA client secret')
    .requiredOption('--refresh-token <token>', "the seller's LWA refresh token (Atzr|…)")
    .option('--sp-api-url <url>', 'SP-API base URL (default: the region of the marketplace)')
    .option('--lwa-url <url>', 'LWA token URL (default: https://api.amazon.com/auth/o2/token)')
    .option('--store <store>', 'the store (name or id) that receives the orders')
    .option('--active', 'activate order synchronization now')
    .option(
      '--set <key=value>',
      'an Orders Configuration option (repeatable), e.g. --set orderTypes=MFN,AFN',
      collect,
      [],
    )
    .option('--json', 'JSON output')
    .action(async (o: Record<string, string | string[] | boolean | undefined>) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const config = unwrap(parseSettings(o.set as string[]), json);
        const created = unwrap(
          await app.connections.add(
            app.accountId,
            {
              name: o.name as string,
              marketplaceId: o.marketplace as string,
              sellerId: o.sellerId as string,
              clientId: o.clientId as string,
              clientSecret: o.clientSecret as string,
              refreshToken: o.refreshToken as string,
              ...(o.spApiUrl !== undefined && { spApiBaseUrl: o.spApiUrl as string }),
              ...(o.lwaUrl !== undefined && { lwaUrl: o.lwaUrl as string }),
              ...(o.active === true && { active: true }),
              ...(typeof o.store === 'string' && { store: o.store }),
              config,
            },
            'cli',
          ),
          json,
        );
        print(created, json, () => `Added connection\n${describe(created)}`);
      });
    });

  cmd
    .command('list')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const all = await app.connections.list(app.accountId);
        print(all, json, () =>
          table(
            all.map((c) => ({
              name: c.name,
              id: c.id,
              marketplace: c.marketplaceId,
              seller: c.sellerId,
              sync: c.active ? 'Active' : 'Disabled',
              cursor: c.importCursor,
            })),
          ),
        );
      });
    });

  cmd
    .command('show <connection>')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const c = unwrap(await app.connections.get(app.accountId, ref), json);
        print(c, json, () => describe(c));
      });
    });

  cmd
    .command('update <connection>')
    .option('--name <name>')
    .option('--seller-id <id>')
    .option('--client-id <id>')
    .option('--client-secret <secret>')
    .option('--refresh-token <token>')
    .option('--sp-api-url <url>')
    .option('--lwa-url <url>')
    .option('--store <store>', 'the store (name or id) that receives the orders')
    .option('--active', 'activate order synchronization')
    .option('--disable', 'disable order synchronization (data is kept)')
    .option('--set <key=value>', 'an Orders Configuration option (repeatable)', collect, [])
    .option('--json', 'JSON output')
    .action(async (ref: string, o: Record<string, string | string[] | boolean | undefined>) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const config = unwrap(parseSettings(o.set as string[]), json);
        // Only the flags given change; the service validates the whole input.
        const given = Object.entries(UPDATE_FLAGS).filter(([flag]) => typeof o[flag] === 'string');
        const input = {
          ...Object.fromEntries(given.map(([flag, field]) => [field, o[flag]])),
          ...(o.active === true && { active: true }),
          ...(o.disable === true && { active: false }),
          config,
        } as ConnectionUpdateInput;
        const updated = unwrap(await app.connections.update(app.accountId, ref, input, 'cli'), json);
        print(updated, json, () => `Updated connection\n${describe(updated)}`);
      });
    });

  cmd
    .command('preview-crop <connection>')
    .description('preview the SKU crop rules on recent SKUs (or --sku values); --set skuCrop.… to try new rules')
    .option('--sku <sku>', 'a SKU to try (repeatable)', collect, [])
    .option(
      '--set <key=value>',
      'rules to try instead of the saved ones, e.g. --set skuCrop.removeSuffixes=-FBM',
      collect,
      [],
    )
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { sku: string[]; set: string[]; json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const settings = unwrap(parseSettings(o.set), json);
        const current = unwrap(await app.connections.get(app.accountId, ref), json);
        const rules = settings.skuCrop ? { ...current.config.skuCrop, ...settings.skuCrop } : current.config.skuCrop;
        const rows = unwrap(await app.connections.previewCrop(app.accountId, ref, rules, o.sku), json);
        print(rows, json, () =>
          table(
            rows.map((r) => ({
              sku: r.sku,
              cropped: r.cropped ?? '',
              changed: r.changed ? 'yes' : '',
              error: r.error ?? '',
            })),
          ),
        );
      });
    });
}
