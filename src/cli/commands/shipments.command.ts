import type { Command } from 'commander';
import { print, table, unwrap } from '../output.js';
import { withApp } from '../with-app.js';

export function registerShipments(program: Command): void {
  const cmd = program.command('shipments').description('store shipments and their confirmation on Amazon');

  cmd
    .command('list')
    .option('--connection <connection>', 'only this connection')
    .option('--state <state>', 'pending, confirmed, invalid or failed')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'JSON output')
    .action(async (o: { connection?: string; state?: string; limit: string; json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const shipments = unwrap(
          await app.storeSideService.shipments(app.accountId, {
            ...(o.connection !== undefined && { connection: o.connection }),
            ...(o.state !== undefined && { state: o.state }),
            limit: Math.min(Math.max(Number.parseInt(o.limit, 10) || 50, 1), 1000),
          }),
          json,
        );
        print(shipments, json, () =>
          table(
            shipments.map((s) => ({
              order: s.orderId,
              package: s.packageReferenceId,
              carrier: s.carrierCode === 'Other' ? `Other (${s.carrierName ?? ''})` : s.carrierCode,
              tracking: s.trackingNumber,
              shipDate: s.shipDate,
              state: s.state,
              error: s.lastError,
            })),
          ),
        );
      });
    });

  cmd
    .command('push')
    .description('send every pending shipment to Amazon now (confirmShipment)')
    .option('--connection <connection>', 'only this connection')
    .option('--json', 'JSON output')
    .action(async (o: { connection?: string; json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const counts = unwrap(await app.storeSideService.pushShipments(app.accountId, o.connection), json);
        print(
          counts,
          json,
          () =>
            `${counts.confirmed} confirmed, ${counts.rejected} rejected by Amazon, ${counts.retry_later} to retry later (Amazon unavailable)`,
        );
      });
    });
}
