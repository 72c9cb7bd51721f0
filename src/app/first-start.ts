import type { UserService } from '../accounts/user.service.js';
import type { UserRepository } from '../db/user.repository.js';
import { newSecret } from '../lib/secret-token.js';
import { DEFAULT_ACCOUNT_ID } from './default-account.js';

export interface FirstAdmin {
  email: string;
  /** Present only when generated: shown once, never stored in plain text or logged. */
  generatedPassword: string | null;
}

export const DEFAULT_ADMIN_EMAIL = 'admin@orderbridge.local';

/**
 * First start: with no user at all, creates the administrator in the default account (email and
 * password from ORDERBRIDGE_ADMIN_EMAIL / ORDERBRIDGE_ADMIN_PASSWORD, else a generated password).
 * Returns null when users exist already.
 */
export async function ensureFirstAdmin(
  users: UserRepository,
  userService: UserService,
  env: { email?: string | undefined; password?: string | undefined },
): Promise<FirstAdmin | null> {
  if ((await users.count()) > 0) return null;
  const email = env.email ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = env.password ? null : newSecret(15);
  const created = await userService.create(
    DEFAULT_ACCOUNT_ID,
    { email, name: 'Administrator', password: env.password ?? generatedPassword, role: 'admin' },
    'first-start',
  );
  if (!created.ok) throw created.error;
  return { email: created.value.email, generatedPassword };
}

/** The console lines that hand the credentials over, once. */
export function firstAdminLines(admin: FirstAdmin, loginUrl: string): string[] {
  return [
    '',
    '  First start: an administrator was created. Log in at ' + loginUrl,
    `    email     ${admin.email}`,
    admin.generatedPassword
      ? `    password  ${admin.generatedPassword}   (shown only now; change it in Settings)`
      : '    password  the one in ORDERBRIDGE_ADMIN_PASSWORD',
    '',
  ];
}
