import type { Command } from 'commander';
import type { OrderDetails } from '../../sync/order-query.service.js';
import { print, table, unwrap } from '../output.js';
import { withApp } from '../with-app.js';
import { registerOrderAttention } from './orders-attention.command.js';

function describe(d: OrderDetails): string {
  const o = d.order;
  const t = o.totals;
  return [
    `${o.amazonOrderId} (${o.id})`,
    `  Amazon ${o.amazonStatus ?? '—'} → OrderBridge ${o.status}; ${o.fulfillmentChannel ?? '?'}; marketplace ${o.marketplaceId}`,
    `  created ${o.createdTime ?? '—'}, updated ${o.lastUpdatedTime ?? '—'}`,
    `  totals ${o.currency ?? ''}: net ${t.net ?? '—'} + tax ${t.tax ?? '—'} = gross ${t.gross ?? '—'}; excluded tax ${t.excludedTax ?? '0'}; adjustment ${t.adjustment ?? '0'}; Amazon total ${t.amazonTotal ?? '—'}`,
    ...(o.errorCode ? [`  error [${o.errorCode}]: ${o.errorMessage ?? ''}`] : []),
    ...(o.skipReason ? [`  skipped: ${o.skipReason}`] : []),
    '  Lines:',
    ...table(
      d.lines.map((l) => ({
        kind: l.kind,
        sku: l.sellerSku,
        cropped: l.croppedSku,
        qty: l.quantityOrdered,
        shipped: l.quantityShipped,
        unitGross: l.unitGross,
        net: l.lineNet,
        tax: l.lineTax,
        gross: l.lineGross,
        rate: l.taxRate,
      })),
    )
      .split('\n')
      .map((l) => `    ${l}`),
    '  Timeline:',
    ...d.timeline.map((e) => `    ${e.occurredAt}  ${e.direction.padEnd(13)}  ${e.kind}: ${e.summary}`),
  ].join('\n');
}

export function registerOrders(program: Command): void {
  const cmd = program.command('orders').description("OrderBridge's copies of Amazon orders");
  cmd
    .command('list')
    .option('--connection <connection>', 'only this connection')
    .option('--status <status>', 'OrderBridge status (pending, ready, shipped, cancelled, skipped, failed, …)')
    .option('--amazon-status <status>', 'Amazon status (UNSHIPPED, SHIPPED, …)')
    .option('--search <text>', 'Amazon or seller order id contains')
    .option('--limit <n>', 'page size', '50')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'JSON output')
    .action(
      async (o: {
        connection?: string;
        status?: string;
        amazonStatus?: string;
        search?: string;
        limit: string;
        offset: string;
        json?: boolean;
      }) => {
        const json = o.json === true;
        await withApp(json, async (app) => {
          const result = unwrap(
            await app.orders.list(app.accountId, {
              ...(o.connection !== undefined && { connection: o.connection }),
              ...(o.status !== undefined && { status: o.status }),
              ...(o.amazonStatus !== undefined && { amazonStatus: o.amazonStatus }),
              ...(o.search !== undefined && { search: o.search }),
              limit: Math.min(Math.max(Number.parseInt(o.limit, 10) || 50, 1), 500),
              offset: Math.max(Number.parseInt(o.offset, 10) || 0, 0),
            }),
            json,
          );
          print(
            result,
            json,
            () =>
              `${table(result.orders.map((r) => ({ amazonOrderId: r.amazonOrderId, amazon: r.amazonStatus, status: r.status, channel: r.fulfillmentChannel, created: r.createdTime, total: r.totals.amazonTotal, currency: r.currency })))}\n${result.total} order(s)`,
          );
        });
      },
    );
  cmd
    .command('show <order>')
    .description('an order with its lines, totals and timeline (OrderBridge id or Amazon order id)')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const d = unwrap(await app.orders.details(app.accountId, ref), json);
        print(d, json, () => describe(d));
      });
    });
  registerOrderAttention(cmd);
}
