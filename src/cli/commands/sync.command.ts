import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { ImportSummary } from '../../sync/import-run.js';
import { fail, print, unwrap } from '../output.js';
import { withApp } from '../with-app.js';

function describe(s: ImportSummary): string {
  const calls =
    Object.entries(s.apiCalls)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ') || 'none';
  return [
    `Sync ${s.status}: ${s.ordersSeen} order(s) read in ${s.pages} page(s)`,
    `  created ${s.ordersCreated}, updated ${s.ordersUpdated}, unchanged ${s.ordersUnchanged}, skipped ${s.ordersSkipped}, failed ${s.ordersFailed}`,
    `  window ${s.windowStart} → ${s.windowEnd ?? '(not finished)'}; cursor ${s.cursor ?? '(unchanged)'}`,
    `  Amazon calls: ${calls}; throttled ${s.throttled}`,
    // A seller account's connections are pulled together: each one's counts.
    ...(s.connections.length > 1
      ? s.connections.map(
          (c) =>
            `  ${c.marketplaceId} (${c.connectionId}): created ${c.ordersCreated}, updated ${c.ordersUpdated}, unchanged ${c.ordersUnchanged}, skipped ${c.ordersSkipped}, failed ${c.ordersFailed}`,
        )
      : []),
    ...(s.ordersUnmatched > 0
      ? [`  ${s.ordersUnmatched} order(s) of marketplaces without an active connection: not stored`]
      : []),
    ...(s.error ? [`  error [${s.error.code}]: ${s.error.message}`] : []),
  ].join('\n');
}

export function registerSync(program: Command): void {
  program
    .command('sync <connection>')
    .description('Synchronize Orders now: pull every order Amazon changed since the last sync')
    .option('--json', 'print a JSON summary instead of the progress bar')
    .action(async (ref: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const connection = unwrap(await app.connections.get(app.accountId, ref), json);
        const bar =
          !json && process.stderr.isTTY
            ? new SingleBar(
                {
                  format: 'Synchronizing orders {bar} {value} orders | {pages} pages | {status}',
                  stream: process.stderr,
                },
                Presets.shades_classic,
              )
            : null;
        bar?.start(0, 0, { pages: 0, status: 'starting' });
        const result = await app.importOrders(connection.id, {
          trigger: 'cli',
          onProgress: (s) => {
            bar?.setTotal(Math.max(s.ordersSeen, 1));
            bar?.update(s.ordersSeen, { pages: s.pages, status: s.status });
          },
        });
        bar?.stop();
        if (!result.ok) fail(result.error, json);
        print(result.value, json, () => describe(result.value));
        if (result.value.status === 'failed') process.exitCode = 1;
      });
    });
}
