import type {
  DateTimeRange,
  ItemExpense,
  ItemPacking,
  ItemPrice,
  ItemProceeds,
  ItemPromotion,
  Order,
  OrderPayment,
  OrderProceeds,
  Recipient,
} from '@sp-api-sdk/orders-api-2026-01-01';

/** Item data Amazon withholds while an order is pending (prices, promotions, gift options). */
export interface ConcealedItem {
  price?: ItemPrice;
  proceeds?: ItemProceeds;
  promotion?: ItemPromotion;
  expense?: ItemExpense;
  packing?: ItemPacking;
}

/** Order data the sandbox holds back: money while pending, personal data once cancelled. */
export interface ConcealedData {
  proceeds?: OrderProceeds;
  payment?: OrderPayment;
  recipient?: Recipient;
  buyerEmail?: string;
  deliverByWindow?: DateTimeRange;
  items: Record<string, ConcealedItem>;
}

/** An order as the sandbox keeps it: the full v2026 order as Amazon would show it now, plus what it hides. */
export interface StoredOrder {
  sellerId: string;
  order: Order;
  concealed: ConcealedData | null;
}
