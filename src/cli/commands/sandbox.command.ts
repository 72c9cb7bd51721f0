import type { Command } from 'commander';
import { startAmazonSandbox } from '../../sandbox/amazon/index.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
} from '../../sandbox/amazon/index.js';

export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('run the Amazon SP-API sandbox alone (LWA, Orders v2026, confirmShipment, control API at /_sandbox)')
    .option('--port <port>', 'port to listen on', '3001')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--seed <seed>', 'seed of the order generator', '1')
    .option('--orders <count>', 'orders to generate at start', '50')
    .option('--rate-scale <factor>', "multiply Amazon's rate limits (1 = Amazon's defaults)", '1')
    .action(async (o: { port: string; host: string; seed: string; orders: string; rateScale: string }) => {
      const started = await startAmazonSandbox({
        port: Number(o.port),
        host: o.host,
        seed: Number(o.seed),
        rateScale: Number(o.rateScale),
      });
      const count = Number(o.orders);
      if (count > 0) started.sandbox.generateOrders({ count });
      process.stdout.write(
        [
          `Amazon sandbox listening on ${started.url} (${count} orders generated, rate scale ${o.rateScale})`,
          `  LWA token URL   ${started.url}/auth/o2/token`,
          `  SP-API base URL ${started.url}`,
          `  client id ${SANDBOX_CLIENT_ID}  client secret ${SANDBOX_CLIENT_SECRET}`,
          `  seller id ${SANDBOX_SELLER_ID}  refresh token ${SANDBOX_REFRESH_TOKEN}`,
          `  control API     ${started.url}/_sandbox (see src/sandbox/amazon/README.md)`,
          '',
        ].join('\n'),
      );
      const stop = (): void => void started.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
