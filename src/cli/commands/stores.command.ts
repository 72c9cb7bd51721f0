import type { Command } from 'commander';
import type { StoreView } from '../../sync/store.service.js';
import { print, table, unwrap } from '../output.js';
import { parseSettings } from '../settings-option.js';
import { withApp } from '../with-app.js';
import { normaliseShopUrl } from '../../stores/shopify/index.js';
import { normaliseMagentoUrl } from '../../stores/magento2/magento2.settings.js';
import { PLATFORM_IDS } from '../../stores/registry.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The store URL as the platform takes it: a Shopify shop name or a pasted Magento REST URL is accepted. */
function storeUrl(platform: string, url: string): string {
  if (platform === 'shopify') return normaliseShopUrl(url);
  if (platform === 'magento2') return normaliseMagentoUrl(url);
  return url;
}

const ADD_EXAMPLES = `
Examples:
  orderbridge stores add --name shop --platform woocommerce --url https://shop.example.com \\
    --secret consumerKey=ck_… --secret consumerSecret=cs_…
  orderbridge stores add --name magento --platform magento2 --url https://shop.example.com \\
    --secret accessToken=… --set storeCode=default --set orderCreation=direct --set invoice=true
    (the integration's access token as a Bearer token: Magento's "Allow OAuth Access Tokens to be used as
    standalone Bearer tokens" must be Yes; otherwise give all four: --secret consumerKey=… --secret
    consumerSecret=… --secret accessToken=… --secret accessTokenSecret=… and every request is signed, OAuth 1.0a)`;

function describe(s: StoreView): string {
  const hints = Object.entries(s.secretHints).map(([k, v]) => `${k} ${v}`);
  return [
    `${s.name} (${s.id})`,
    `  platform ${s.platform}, ${s.baseUrl}`,
    `  credentials: ${hints.join(', ') || '(none)'}`,
    `  settings: ${JSON.stringify(s.settings)}`,
    `  event cursor: ${s.eventCursor ?? '(not polled yet)'}`,
  ].join('\n');
}

export function registerStores(program: Command): void {
  const cmd = program
    .command('stores')
    .description(`online stores that receive Amazon orders (${PLATFORM_IDS.join(', ')})`);

  cmd
    .command('add')
    .description('add a store; credentials are encrypted and never shown again')
    .requiredOption('--name <name>', 'a name for the store')
    .requiredOption('--platform <platform>', PLATFORM_IDS.join(', '))
    .requiredOption(
      '--url <url>',
      "the store's base URL (Shopify: my-shop, my-shop.myshopify.com or the URL; Magento: the shop's root URL, a pasted …/rest/default/V1 is cut back to it)",
    )
    .option('--set <key=value>', 'a platform setting (repeatable), e.g. --set orderStatus=processing', collect, [])
    .option('--secret <key=value>', 'a credential (repeatable), e.g. --secret consumerKey=ck_…', collect, [])
    .option('--json', 'JSON output')
    .addHelpText('after', ADD_EXAMPLES)
    .action(
      async (o: { name: string; platform: string; url: string; set: string[]; secret: string[]; json?: boolean }) => {
        const json = o.json === true;
        await withApp(json, async (app) => {
          const settings = unwrap(parseSettings(o.set), json);
          const secrets = Object.fromEntries(
            o.secret.map((pair) => {
              const at = pair.indexOf('=');
              return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
            }),
          ) as Record<string, string>;
          const store = unwrap(
            await app.stores.add(
              app.accountId,
              {
                name: o.name,
                platform: o.platform,
                baseUrl: storeUrl(o.platform, o.url),
                settings,
                secrets,
              },
              'cli',
            ),
            json,
          );
          print(
            store,
            json,
            () =>
              `Added store\n${describe(store)}\nLink it: orderbridge connections update <connection> --store ${store.name}`,
          );
        });
      },
    );

  cmd
    .command('list')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const stores = await app.stores.list(app.accountId);
        print(stores, json, () =>
          table(stores.map((s) => ({ name: s.name, platform: s.platform, url: s.baseUrl, id: s.id }))),
        );
      });
    });

  cmd
    .command('test <store>')
    .description('one authenticated call to the store')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const tested = unwrap(await app.stores.test(app.accountId, ref), json);
        print(tested, json, () => `OK: ${tested.platform} store "${tested.storeName}" answered`);
      });
    });

  cmd
    .command('poll <store>')
    .description("read the store's shipments, cancellations and stock changes now, then run the resulting jobs")
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const store = unwrap(await app.stores.get(app.accountId, ref), json);
        const polled = unwrap(await app.storeSideService.pollStore(app.accountId, store.id), json);
        const ran = await app.runStoreJobs();
        print(
          { ...polled, jobsRun: ran },
          json,
          () =>
            `${polled.shipments} shipment(s), ${polled.cancellations} cancellation(s), ${polled.stock} stock change(s), ${polled.duplicates} already known; ${ran} job(s) run`,
        );
      });
    });
}
