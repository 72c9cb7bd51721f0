import { Command } from 'commander';
import { registerConnections } from './commands/connections.command.js';
import { registerOrders } from './commands/orders.command.js';
import { registerSandbox } from './commands/sandbox.command.js';
import { registerServe } from './commands/serve.command.js';
import { registerSync } from './commands/sync.command.js';
import { registerWorker } from './commands/worker.command.js';
import { registerPlans } from './commands/plans.command.js';
import { registerUsers } from './commands/users.command.js';
import { registerShipments } from './commands/shipments.command.js';
import { registerSkus } from './commands/skus.command.js';
import { registerStock } from './commands/stock.command.js';
import { registerStores } from './commands/stores.command.js';

const program = new Command()
  .name('orderbridge')
  .description('OrderBridge — self-hosted Amazon order sync hub')
  .version('0.1.0')
  .showHelpAfterError();

registerConnections(program);
registerSync(program);
registerOrders(program);
registerStores(program);
registerSkus(program);
registerShipments(program);
registerStock(program);
registerPlans(program);
registerUsers(program);
registerSandbox(program);
registerServe(program);
registerWorker(program);

await program.parseAsync(process.argv);
