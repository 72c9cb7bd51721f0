import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * A lease on the seller pull row (one per Amazon seller account, src/sync/seller-pull.ts): at most
 * one order pull per seller account at a time (its shared pull or a connection's catch-up pull),
 * whichever process (CLI, server, worker) starts it. A process that dies loses the lease when it expires,
 * or at once when its owner ran on this host and that process no longer exists (kill -9).
 * Owner ids look like `<host>:<pid>:<random>`.
 */
export class ImportLock {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sellerPullId: string,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  async acquire(now: Date): Promise<boolean> {
    if (await this.tryTake(now, null)) return true;
    const holder = await this.db
      .selectFrom('seller_pulls')
      .select('import_lock_owner')
      .where('id', '=', this.sellerPullId)
      .executeTakeFirst();
    const stale = holder?.import_lock_owner;
    return stale ? isDeadLocalProcess(stale) && (await this.tryTake(now, stale)) : false;
  }

  /** Extends the lease; false when another process took it over (ours had expired). */
  async renew(now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('seller_pulls')
      .set({ import_lock_until: this.until(now) })
      .where('id', '=', this.sellerPullId)
      .where('import_lock_owner', '=', this.owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async release(): Promise<void> {
    await this.db
      .updateTable('seller_pulls')
      .set({ import_lock_owner: null, import_lock_until: null })
      .where('id', '=', this.sellerPullId)
      .where('import_lock_owner', '=', this.owner)
      .execute();
  }

  /** Compare-and-set: free or expired lease, or exactly the dead holder we saw. */
  private async tryTake(now: Date, deadHolder: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('seller_pulls')
      .set({ import_lock_owner: this.owner, import_lock_until: this.until(now) })
      .where('id', '=', this.sellerPullId)
      .where((eb) =>
        deadHolder !== null
          ? eb('import_lock_owner', '=', deadHolder)
          : eb.or([eb('import_lock_until', 'is', null), eb('import_lock_until', '<', now.toISOString())]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private until(now: Date): string {
    return new Date(now.getTime() + this.leaseMs).toISOString();
  }
}

function isDeadLocalProcess(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
