import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StartedWooSandbox } from '../../sandbox/woocommerce/index.js';
import type { StoreConnector, StoreOrderRef } from '../store-connector.js';
import { address, draft, item, startStore } from './woocommerce.test-support.js';

let started: StartedWooSandbox;
let connector: StoreConnector;
let bottleRef: string;

beforeAll(async () => ({ started, connector } = await startStore()));
afterAll(() => started.close());
beforeEach(() => {
  started.sandbox.reset();
  bottleRef = String(started.sandbox.getStock('BOTTLE-750-SS').productId);
});

type Order = {
  total: string;
  status: string;
  fee_lines: { name: string; total: string; total_tax: string }[];
} & Record<string, unknown>;
const orderOf = (ref: StoreOrderRef): Order => started.sandbox.getOrder(Number(ref.ref)) as Order;
const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

describe('createOrder', () => {
  it('adds an untaxed reconciliation fee when the store’s tax differs (FR 20 % store vs Amazon 19 %)', async () => {
    const d = draft({
      shippingAddress: address('FR'),
      items: [item(bottleRef, 2, '40.00', '7.60', '47.60')],
      charges: [{ kind: 'shipping', title: 'Shipping', net: '4.20', tax: '0.80', gross: '5.00', taxRate: '19' }],
      totals: { net: '44.20', tax: '8.40', gross: '52.60' },
    });
    const ref = must(await connector.createOrder(d));
    const o = orderOf(ref);
    expect(o.total).toBe('52.60'); // WooCommerce alone: 40 + 4.20 + 20 % = 53.04
    expect(o.status).toBe('processing');
    expect(o.fee_lines).toEqual([
      expect.objectContaining({ name: 'Amazon total reconciliation', total: '-0.44', total_tax: '0.00' }),
    ]);
    expect(o.meta_data).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: '_orderbridge_order_id', value: d.orderId })]),
    );
    expect(o.notes).toEqual(expect.arrayContaining(d.notes));
    expect(JSON.stringify(o.line_items)).toContain('_amazon_order_item_id');
  });

  it('matches Amazon’s gross to the cent on a gross-price marketplace (UK, per-line VAT rounding)', async () => {
    const d = draft({
      currency: 'GBP',
      marketplaceId: 'A1F83G8C2ARO7P',
      pricesIncludeTax: true,
      shippingAddress: address('GB'),
      billingAddress: address('GB'),
      items: [item(bottleRef, 3, '59.97', '12.00', '71.97')],
      totals: { net: '59.97', tax: '12.00', gross: '71.97' },
    });
    const o = orderOf(must(await connector.createOrder(d)));
    expect(o.total).toBe('71.97'); // WooCommerce: 59.97 × 20 % = 11.99 → 71.96
    expect(o.fee_lines[0]).toMatchObject({ total: '0.01', total_tax: '0.00' });
    expect(o.currency).toBe('GBP');
  });

  it('needs no fee when the store’s rates reproduce Amazon’s; unlinked lines become fee lines', async () => {
    const d = draft({
      items: [item(bottleRef, 1, '20.00', '3.80', '23.80'), item(null, 1, '10.00', '1.90', '11.90', '2')],
      totals: { net: '30.00', tax: '5.70', gross: '35.70' },
    });
    const o = orderOf(must(await connector.createOrder(d)));
    expect(o.total).toBe('35.70');
    expect(o.fee_lines.map((f) => f.name)).toEqual(['Item 2 (SKU SKU) × 1']);
  });

  it('is idempotent when the POST response is lost: exactly one order, reconciled', async () => {
    const d = draft({
      items: [item(bottleRef, 1, '20.00', '3.00', '23.00')],
      totals: { net: '20.00', tax: '3.00', gross: '23.00' },
    });
    started.sandbox.setFaults({ loseOrderCreateResponses: 1 });
    const first = must(await connector.createOrder(d));
    expect(started.sandbox.statsSnapshot().responsesLost).toBe(1);
    const again = must(await connector.createOrder(d));
    expect(again).toEqual(first);
    expect(started.sandbox.listOrders()).toHaveLength(1);
    expect(orderOf(first)).toMatchObject({ total: '23.00', status: 'processing' });
    expect(must(await connector.findOrder(d.orderId))).toEqual(first);
    expect(must(await connector.findOrder('ob-unknown'))).toBeNull();
  });
});

describe('cancelOrder / notes', () => {
  it('cancels once (stock restored), a second cancel is fine and adds no second note', async () => {
    const before = started.sandbox.getStock('BOTTLE-750-SS').stockQuantity ?? 0;
    const d = draft({
      items: [item(bottleRef, 2, '40.00', '7.60', '47.60')],
      totals: { net: '40.00', tax: '7.60', gross: '47.60' },
    });
    const ref = must(await connector.createOrder(d));
    expect(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity).toBe(before - 2);
    must(await connector.cancelOrder(ref, 'Cancelled on Amazon'));
    must(await connector.cancelOrder(ref, 'Cancelled on Amazon'));
    const o = orderOf(ref);
    expect(o.status).toBe('cancelled');
    expect((o.notes as string[]).filter((n) => n === 'Cancelled on Amazon')).toHaveLength(1);
    expect(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity).toBe(before);
    must(await connector.addOrderNote(ref, 'Buyer asked to cancel'));
    expect(orderOf(ref).notes).toContain('Buyer asked to cancel');
  });

  it('reports an unknown order as woocommerce_not_found', async () => {
    const res = await connector.cancelOrder({ ref: '999999', number: '999999' }, 'x');
    expect(res.ok ? null : res.error.code).toBe('woocommerce_not_found');
  });
});
