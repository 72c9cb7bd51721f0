import type { MagentoClock } from './magento-clock.js';
import { noSuchEntity } from './magento-errors.js';
import type { Json } from './magento-format.js';
import { completeRequired } from './response-shape.js';
import type { MagentoShipmentView } from './view-types.js';

export type { MagentoShipmentView } from './view-types.js';

/** Shipments (sales_shipment with its items, tracks and comments), stored in their answer shape. */
export class ShipmentStore {
  private byId = new Map<number, Json>();
  private nextId = 1;
  private nextChildId = 1;

  constructor(private readonly clock: MagentoClock) {}

  add(input: {
    orderId: number;
    storeId: number;
    items: Json[];
    tracks: { track_number: string; title: string; carrier_code: string }[];
    comment: string | null;
    sourceCode: string;
  }): Json {
    const id = this.nextId++;
    const now = this.clock.magentoNow();
    const shipment: Json = {
      entity_id: id,
      increment_id: String(id).padStart(9, '0'),
      order_id: input.orderId,
      store_id: input.storeId,
      created_at: now,
      updated_at: now,
      total_qty: input.items.reduce((sum, i) => sum + Number(i.qty), 0),
      email_sent: 0,
      packages: [],
      items: input.items.map((item) => ({ ...item, entity_id: this.nextChildId++, parent_id: id })),
      tracks: input.tracks.map((t) => ({
        ...t,
        entity_id: this.nextChildId++,
        parent_id: id,
        order_id: input.orderId,
        created_at: now,
        updated_at: now,
      })),
      comments:
        input.comment === null
          ? []
          : [
              {
                entity_id: this.nextChildId++,
                parent_id: id,
                comment: input.comment,
                is_customer_notified: 0,
                is_visible_on_front: 0,
                created_at: now,
              },
            ],
      extension_attributes: { source_code: input.sourceCode },
    };
    this.byId.set(id, shipment);
    return shipment;
  }

  get(id: number): Json | null {
    return this.byId.get(id) ?? null;
  }

  require(id: number): Json {
    const shipment = this.byId.get(id);
    if (!shipment) throw noSuchEntity('id', id);
    return shipment;
  }

  all(): Json[] {
    return [...this.byId.values()];
  }

  forOrder(orderId: number): Json[] {
    return this.all().filter((s) => s.order_id === orderId);
  }

  clear(): void {
    this.byId.clear();
    this.nextId = 1;
    this.nextChildId = 1;
  }
}

export const shipmentView = (shipment: Json): MagentoShipmentView =>
  completeRequired('sales-data-shipment-interface', structuredClone(shipment)) as MagentoShipmentView;
