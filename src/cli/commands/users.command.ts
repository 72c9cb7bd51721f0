import type { Command } from 'commander';
import { newSecret } from '../../lib/secret-token.js';
import { AppError } from '../../lib/errors.js';
import { fail, print, table, unwrap } from '../output.js';
import { withApp } from '../with-app.js';

/** Users of the default account, and the way back in when the first password is lost. */
export function registerUsers(program: Command): void {
  const cmd = program.command('users').description('users who log in to the web app');
  cmd
    .command('list')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const users = await app.accounts.users.list(app.accountId);
        print(users, json, () =>
          table(users.map((u) => ({ email: u.email, name: u.name, role: u.role, lastLogin: u.lastLoginAt ?? '-' }))),
        );
      });
    });
  cmd
    .command('add <email>')
    .description('add a user to the default account; prints a generated password once unless --password is given')
    .option('--name <name>', 'display name', 'User')
    .option('--role <role>', 'admin or member', 'member')
    .option('--password <password>', 'at least 12 characters')
    .option('--json', 'JSON output')
    .action(async (email: string, o: { name: string; role: string; password?: string; json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const password = o.password ?? newSecret(15);
        const user = unwrap(
          await app.accounts.users.create(app.accountId, { email, name: o.name, role: o.role, password }, 'cli'),
          json,
        );
        const shown = o.password ? undefined : password;
        print({ user, password: shown }, json, () =>
          [`Added ${user.email} (${user.role})`, shown ? `  password  ${shown}   (shown only now)` : ''].join('\n'),
        );
      });
    });
  cmd
    .command('reset-password <email>')
    .description('set a new generated password (printed once) and end the user’s sessions')
    .option('--json', 'JSON output')
    .action(async (email: string, o: { json?: boolean }) => {
      const json = o.json === true;
      await withApp(json, async (app) => {
        const user = await app.accounts.users.findByEmail(email);
        if (!user) return fail(new AppError('user_not_found', `No user "${email}"`, { kind: 'not_found' }), json);
        const password = newSecret(15);
        unwrap(await app.accounts.users.setPassword(user.id, password, 'cli'), json);
        print(
          { email: user.email, password },
          json,
          () => `New password for ${user.email}: ${password}   (shown only now)`,
        );
      });
    });
}
