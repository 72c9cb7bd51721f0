import { marketplaceFor } from '../amazon/marketplaces.js';
import type { ConnectionRepository } from '../db/connection.repository.js';
import type { Connection } from '../domain/connection.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { newConnectionSchema } from './connection-input.js';
import { zodToAppError } from './zod-error.js';

export const CONNECTION_DUPLICATE = 'connection_duplicate';

/** What the wizard's Seller ID step shows (GET /api/connections/seller-availability). */
export interface SellerAvailability {
  available: boolean;
  message?: string;
  /** Only when the connection in question is in the caller's account. */
  existingConnectionId?: string;
}

/**
 * One Amazon seller account + marketplace has at most one ACTIVE order connection in the whole
 * installation (every account): two would import every order twice and deliver it twice. A
 * disabled one may exist beside it (a draft waiting for Connect with Amazon, a replacement
 * prepared before switching over) but is refused activation while the other is active. The
 * database enforces the same rule (migration 0008), so parallel requests cannot slip through.
 */
export class SellerUniqueness {
  constructor(private readonly connections: ConnectionRepository) {}

  /** conflict `connection_duplicate` when another connection of the seller + marketplace is active. */
  async checkActivation(
    accountId: string,
    sellerId: string,
    marketplaceId: string,
    exceptId?: string,
  ): Promise<Result<void>> {
    const active = await this.activeOther(sellerId, marketplaceId, exceptId);
    return active ? err(duplicateError(accountId, active)) : ok(undefined);
  }

  /** The error for a write the database refused (a parallel request won the race). */
  async refusedWrite(accountId: string, sellerId: string, marketplaceId: string, exceptId?: string): Promise<AppError> {
    const active = await this.activeOther(sellerId, marketplaceId, exceptId);
    return duplicateError(accountId, active ?? { accountId: '', id: '', name: '', sellerId, marketplaceId });
  }

  async availability(accountId: string, sellerId: string, marketplace: string): Promise<Result<SellerAvailability>> {
    const seller = newConnectionSchema.shape.sellerId.safeParse(sellerId);
    if (!seller.success) return err(zodToAppError('connection_invalid', seller.error));
    const found = marketplaceFor(marketplace.trim());
    if (!found) {
      return err(
        new AppError('marketplace_unknown', `Unknown Amazon marketplace "${marketplace}"`, { kind: 'invalid' }),
      );
    }
    const all = await this.connections.listBySeller(seller.data, found.id);
    const active = all.find((c) => c.active);
    if (active) {
      const error = duplicateError(accountId, active);
      return ok({ available: false, message: error.message, ...ownId(accountId, active) });
    }
    const own = all.find((c) => c.accountId === accountId);
    if (!own) return ok({ available: true });
    return ok({
      available: true,
      message: `Connection "${own.name}" (disabled) already uses Amazon seller ${seller.data} on ${found.name}: you can activate it instead of adding another`,
      existingConnectionId: own.id,
    });
  }

  private async activeOther(sellerId: string, marketplaceId: string, exceptId?: string): Promise<Connection | null> {
    const all = await this.connections.listBySeller(sellerId, marketplaceId);
    return all.find((c) => c.active && c.id !== exceptId) ?? null;
  }
}

type Holder = Pick<Connection, 'accountId' | 'id' | 'name' | 'sellerId' | 'marketplaceId'>;

const ownId = (accountId: string, c: Holder) => (c.accountId === accountId ? { existingConnectionId: c.id } : {});

/** Names the existing connection only to its own account (tenant isolation). */
function duplicateError(accountId: string, holder: Holder): AppError {
  const market = marketplaceFor(holder.marketplaceId)?.name ?? holder.marketplaceId;
  const where =
    holder.accountId === accountId
      ? `by connection "${holder.name}"`
      : holder.accountId
        ? 'by another account of this installation'
        : 'by another connection';
  return new AppError(
    CONNECTION_DUPLICATE,
    `Amazon seller ${holder.sellerId} on ${market} is already connected ${where}: one seller account and marketplace can have only one active order connection, or every order would be imported and delivered twice`,
    {
      kind: 'conflict',
      retryable: false,
      details: { sellerId: holder.sellerId, marketplaceId: holder.marketplaceId, ...ownId(accountId, holder) },
    },
  );
}
