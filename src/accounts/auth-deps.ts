import type { AccountRepository } from '../db/account.repository.js';
import type { ApiTokenRepository } from '../db/api-token.repository.js';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { LoginThrottleRepository } from '../db/login-throttle.repository.js';
import type { SessionRepository } from '../db/session.repository.js';
import type { UserRepository } from '../db/user.repository.js';
import type { Clock } from '../lib/clock.js';

/** The repositories the account services share. */
export interface AccountDeps {
  accounts: AccountRepository;
  users: UserRepository;
  sessions: SessionRepository;
  tokens: ApiTokenRepository;
  throttle: LoginThrottleRepository;
  audit: AuditLogRepository;
  clock: Clock;
}
