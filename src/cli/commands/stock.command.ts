import type { Command } from 'commander';
import { print, unwrap } from '../output.js';
import { withApp } from '../with-app.js';

export function registerStock(program: Command): void {
  const cmd = program.command('stock').description('MFN stock pushed from the store to Amazon');
  cmd
    .command('push <connection>')
    .description('push changed quantities now (store available − reservations − buffer, capped)')
    .option('--json', 'JSON output')
    .action(async (connection: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const pushed = unwrap(await app.storeSideService.pushStock(app.accountId, connection), json);
        print(pushed, json, () =>
          pushed.changed === 0
            ? 'Amazon already has every quantity: nothing to push'
            : pushed.feedId
              ? `${pushed.changed} SKU(s) sent in JSON_LISTINGS_FEED ${pushed.feedId} (the worker applies its report)`
              : `${pushed.patched} of ${pushed.changed} SKU(s) updated with patchListingsItem`,
        );
      });
    });
}
