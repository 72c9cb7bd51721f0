import type { Command } from 'commander';
import { monthStart } from '../../domain/plan.js';
import { print, table, unwrap } from '../output.js';
import { withApp } from '../with-app.js';

const limit = (n: number | null): string => (n === null ? 'unlimited' : String(n));

export function registerPlans(program: Command): void {
  const cmd = program.command('plans').description('plans (as data) and the account’s plan');
  cmd
    .command('list')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const plans = await app.plans.list();
        print(plans, json, () =>
          table(
            plans.map((p) => ({
              id: p.id,
              name: p.name,
              orderConnections: p.orderConnections ? 'yes' : 'no',
              connections: limit(p.maxConnections),
              ordersPerMonth: limit(p.ordersPerMonth),
            })),
          ),
        );
      });
    });
  cmd
    .command('show')
    .description('the account’s plan and this month’s usage')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const mine = unwrap(await app.plans.ofAccount(app.accountId, monthStart(app.clock.now())), json);
        print(
          mine,
          json,
          () =>
            `${mine.plan.name}: ${mine.deliveredThisMonth} of ${limit(mine.plan.ordersPerMonth)} orders this month reached the store`,
        );
      });
    });
  cmd
    .command('set <plan>')
    .description('change the account’s plan; orders held back by the old quota go to the store')
    .option('--json', 'JSON output')
    .action(async (planId: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const changed = unwrap(await app.plans.setPlan(app.accountId, planId, 'cli'), json);
        const ran = await app.runStoreJobs();
        print(
          { ...changed, jobsRun: ran },
          json,
          () => `Plan is now ${changed.plan.name}; ${changed.released} held order(s) released`,
        );
      });
    });
}
