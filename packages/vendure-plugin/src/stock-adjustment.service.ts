import { Inject, Injectable } from '@nestjs/common';
import {
  type ID,
  ProductVariant,
  type RequestContext,
  StockLevelService,
  StockLocationService,
  StockMovementService,
  TransactionalConnection,
  UserInputError,
} from '@vendure/core';
import { OrderBridgeStockAdjustment } from './stock-adjustment.entity';

export interface StockAdjustmentResult {
  /** false when `key` had already been applied (nothing changed). */
  applied: boolean;
  stockOnHand: number;
  /** Σ (stockOnHand − stockAllocated) over the variant's stock levels. */
  saleable: number;
}

/**
 * Idempotent relative stock change at the default stock location. Runs in the resolver's
 * transaction: the key row is inserted first, so a concurrent call with the same key fails on the
 * unique index and rolls back instead of changing stock twice.
 */
@Injectable()
export class StockAdjustmentService {
  constructor(
    @Inject(TransactionalConnection) private readonly connection: TransactionalConnection,
    @Inject(StockLevelService) private readonly stockLevels: StockLevelService,
    @Inject(StockLocationService) private readonly locations: StockLocationService,
    @Inject(StockMovementService) private readonly movements: StockMovementService,
  ) {}

  async adjust(ctx: RequestContext, variantId: ID, delta: number, key: string): Promise<StockAdjustmentResult> {
    if (key.trim() === '' || key.length > 255) throw new UserInputError('key must be 1-255 characters');
    if (!Number.isInteger(delta)) throw new UserInputError('delta must be an integer');
    const repo = this.connection.getRepository(ctx, OrderBridgeStockAdjustment);
    const seen = await repo.findOne({ where: { key } });
    if (seen) return { applied: false, ...(await this.levels(ctx, variantId)) };
    await this.connection.getEntityOrThrow(ctx, ProductVariant, variantId);
    await repo.save(repo.create({ key, productVariantId: String(variantId), delta }));
    if (delta !== 0) {
      const location = await this.locations.defaultStockLocation(ctx);
      const level = await this.stockLevels.getStockLevel(ctx, variantId, location.id);
      await this.movements.adjustProductVariantStock(ctx, variantId, [
        { stockLocationId: location.id, stockOnHand: level.stockOnHand + delta },
      ]);
    }
    return { applied: true, ...(await this.levels(ctx, variantId)) };
  }

  private async levels(ctx: RequestContext, variantId: ID): Promise<Omit<StockAdjustmentResult, 'applied'>> {
    const levels = await this.stockLevels.getStockLevelsForVariant(ctx, variantId);
    const stockOnHand = levels.reduce((s, l) => s + l.stockOnHand, 0);
    const allocated = levels.reduce((s, l) => s + l.stockAllocated, 0);
    return { stockOnHand, saleable: stockOnHand - allocated };
  }
}
