import { VendureEntity } from '@vendure/core';
import { Column, Entity, Index } from 'typeorm';

/** One applied orderBridgeAdjustStock call; the unique `key` makes a repeated call a no-op. */
@Entity('orderbridge_stock_adjustment')
export class OrderBridgeStockAdjustment extends VendureEntity {
  constructor(input?: Partial<OrderBridgeStockAdjustment>) {
    super(input);
  }

  @Index({ unique: true })
  @Column('varchar', { length: 255 })
  key!: string;

  @Column('varchar', { length: 64 })
  productVariantId!: string;

  @Column('int')
  delta!: number;
}
