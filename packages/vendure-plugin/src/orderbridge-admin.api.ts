import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { Allow, Ctx, type ID, Permission, type RequestContext, Transaction } from '@vendure/core';
import { gql } from 'graphql-tag';
import { OrderChargesService, type OrderBridgeChargeInput } from './order-charges.service';
import { StockAdjustmentService } from './stock-adjustment.service';

export const adminApiExtensions = gql`
  type OrderBridgeStockAdjustmentResult {
    applied: Boolean!
    stockOnHand: Int!
    saleable: Int!
  }
  input OrderBridgeChargeInput {
    sku: String!
    description: String!
    priceWithTax: Money!
    taxRate: Float!
  }
  extend type Mutation {
    "Changes the variant's stock at the default location by delta, once per key."
    orderBridgeAdjustStock(variantId: ID!, delta: Int!, key: String!): OrderBridgeStockAdjustmentResult!
    "Replaces the OrderBridge surcharges of a Draft order."
    orderBridgeSetOrderCharges(orderId: ID!, charges: [OrderBridgeChargeInput!]!): Order
  }
`;

@Resolver()
export class OrderBridgeAdminResolver {
  constructor(
    @Inject(StockAdjustmentService) private readonly stock: StockAdjustmentService,
    @Inject(OrderChargesService) private readonly charges: OrderChargesService,
  ) {}

  @Transaction()
  @Mutation()
  @Allow(Permission.UpdateCatalog, Permission.UpdateProduct)
  orderBridgeAdjustStock(@Ctx() ctx: RequestContext, @Args() args: { variantId: ID; delta: number; key: string }) {
    return this.stock.adjust(ctx, args.variantId, args.delta, args.key);
  }

  @Transaction()
  @Mutation()
  @Allow(Permission.CreateOrder, Permission.UpdateOrder)
  orderBridgeSetOrderCharges(
    @Ctx() ctx: RequestContext,
    @Args() args: { orderId: ID; charges: OrderBridgeChargeInput[] },
  ) {
    return this.charges.setCharges(ctx, args.orderId, args.charges);
  }
}
