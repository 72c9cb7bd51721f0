import type { Kysely, Selectable } from 'kysely';
import { transaction } from './dialect.js';
import type { Database } from './schema.js';
import type { StoreOrderClaimsTable } from './store-order-claims.schema.js';

/** Which order delivered an Amazon order to a shop (one per shop and Amazon order). */
export interface StoreOrderClaim {
  storeKey: string;
  amazonOrderId: string;
  orderId: string;
  connectionId: string;
  storeId: string;
  claimedAt: string;
}

function toClaim(row: Selectable<StoreOrderClaimsTable>): StoreOrderClaim {
  return {
    storeKey: row.store_key,
    amazonOrderId: row.amazon_order_id,
    orderId: row.order_id,
    connectionId: row.connection_id,
    storeId: row.store_id,
    claimedAt: row.claimed_at,
  };
}

/** The store_order_claims table: the durable "this Amazon order went to this shop" record. */
export class StoreOrderClaimRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Takes the claim for the order unless another order holds it, and returns the holder: the
   * order itself when it won (or already held it), else the order that was first. The primary key
   * decides between parallel deliveries on both databases; the loser waits and reads the winner.
   * A claim through the same store row under its old URL (the shop moved) counts as well.
   */
  async claim(claim: StoreOrderClaim): Promise<StoreOrderClaim> {
    return transaction(this.db, async (trx) => {
      const sameStoreRow = await trx
        .selectFrom('store_order_claims')
        .selectAll()
        .where('amazon_order_id', '=', claim.amazonOrderId)
        .where('store_id', '=', claim.storeId)
        .where('store_key', '!=', claim.storeKey)
        .executeTakeFirst();
      if (sameStoreRow) return toClaim(sameStoreRow);
      await trx
        .insertInto('store_order_claims')
        .values({
          store_key: claim.storeKey,
          amazon_order_id: claim.amazonOrderId,
          order_id: claim.orderId,
          connection_id: claim.connectionId,
          store_id: claim.storeId,
          claimed_at: claim.claimedAt,
        })
        .onConflict((oc) => oc.columns(['store_key', 'amazon_order_id']).doNothing())
        .execute();
      const row = await trx
        .selectFrom('store_order_claims')
        .selectAll()
        .where('store_key', '=', claim.storeKey)
        .where('amazon_order_id', '=', claim.amazonOrderId)
        .executeTakeFirstOrThrow();
      return toClaim(row);
    });
  }
}
