import type { Command } from 'commander';
import { print, table, unwrap } from '../output.js';
import { withApp } from '../with-app.js';

export function registerSkus(program: Command): void {
  const cmd = program
    .command('skus')
    .description('manual Amazon SKU → store product links (they win over the attribute lookup)');
  cmd
    .command('link <connection> <amazonSku> <product>')
    .description(
      'link an Amazon SKU to a store product (its id, or its value of the Product Identification Attribute, e.g. its SKU); held orders with it are delivered automatically',
    )
    .option('--json', 'JSON output')
    .action(async (connection: string, sku: string, ref: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const linked = unwrap(await app.storeSideService.linkSku(app.accountId, connection, sku, ref), json);
        const ran = await app.runStoreJobs();
        print({ ...linked, jobsRun: ran }, json, () =>
          [
            `Linked ${linked.link.amazonSku} → ${linked.link.productRef}${linked.product ? ` (${linked.product.name})` : ''}; ${linked.released.length} held order(s) released`,
            ...(linked.note ? [linked.note] : []),
          ].join('\n'),
        );
      });
    });
  cmd
    .command('unlink <connection> <amazonSku>')
    .option('--json', 'JSON output')
    .action(async (connection: string, sku: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        unwrap(await app.storeSideService.unlinkSku(app.accountId, connection, sku), json);
        print({ unlinked: sku }, json, () => `Unlinked ${sku}`);
      });
    });
  cmd
    .command('products <connection> <search>')
    .description('search the store products of the connection by name or SKU (to find what to link)')
    .option('--json', 'JSON output')
    .action(async (connection: string, search: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const found = unwrap(await app.storeSideService.searchStoreProducts(app.accountId, connection, search), json);
        print(found, json, () =>
          found.hasCatalog
            ? table(found.products.map((p) => ({ ref: p.ref, sku: p.sku ?? '', name: p.name })))
            : 'This store has no catalogue OrderBridge can read: link with the store’s own product reference',
        );
      });
    });
  cmd
    .command('list <connection>')
    .option('--json', 'JSON output')
    .action(async (connection: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const links = unwrap(await app.storeSideService.skuLinks(app.accountId, connection), json);
        print(links, json, () => table(links.map((l) => ({ amazonSku: l.amazonSku, productRef: l.productRef }))));
      });
    });
}
