/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- assertions on raw GraphQL JSON */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFINITION_CREATE, ORDER_CREATE, amazonOrderInput, harnessPerTest } from './shopify-sandbox.test-support.js';

const { shop } = harnessPerTest();

const BY_IDENTIFIER = `query byId($value: String!) {
  orderByIdentifier(identifier: { customId: { namespace: "orderbridge", key: "amazon_order_id", value: $value } }) { id name }
}`;

describe('Shopify sandbox: orders', () => {
  it('keeps one order per Amazon order id: the unique metafield refuses the second create atomically', async () => {
    const { h, variantId } = await shop();
    const again = await h.gql(DEFINITION_CREATE);
    expect(again.data?.metafieldDefinitionCreate.userErrors[0].code).toBe('TAKEN');
    const order = amazonOrderInput(variantId, '302-1111111-1111111');
    const first = await h.gql(ORDER_CREATE, { order, options: { inventoryBehaviour: 'DECREMENT_IGNORING_POLICY' } });
    expect(first.data?.orderCreate.userErrors).toEqual([]);
    const second = await h.gql(ORDER_CREATE, { order, options: { inventoryBehaviour: 'DECREMENT_IGNORING_POLICY' } });
    expect(second.data?.orderCreate).toEqual({
      order: null,
      userErrors: [
        { field: ['order', 'metafields', '0', 'value'], message: 'Value is already taken', code: 'INVALID' },
      ],
    });
    expect(h.sandbox.ordersByAmazonOrderId('302-1111111-1111111')).toHaveLength(1);
    expect(h.sandbox.getStock('LEGO-10698')).toBe(98);
    expect(h.sandbox.statsSnapshot()).toMatchObject({ ordersCreated: 1, orderCreateRejectedDuplicate: 1 });
  });

  it('finds an order by its custom id at once, before the search index has it', async () => {
    const { h, variantId } = await shop();
    const created = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, '302-2') });
    const found = await h.gql(BY_IDENTIFIER, { value: '302-2' });
    expect(found.data?.orderByIdentifier).toEqual({ id: created.data?.orderCreate.order.id, name: '#1001' });
    expect((await h.gql(BY_IDENTIFIER, { value: '302-9' })).data?.orderByIdentifier).toBeNull();
    const search = `{ orders(first: 10, query: "updated_at:>'2026-12-01T09:00:00Z'", sortKey: UPDATED_AT) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    expect((await h.gql(search)).data?.orders.nodes).toEqual([]);
    h.clock.advance(1000);
    expect((await h.gql(search)).data?.orders.nodes).toEqual([{ id: created.data?.orderCreate.order.id }]);
  });

  it('pages orders with cursors and sees updates only after the index lag', async () => {
    const { h, variantId } = await shop({ searchIndexLagMs: 500 });
    for (const id of ['A-1', 'A-2', 'A-3']) await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, id) });
    h.clock.advance(500);
    const page = `query($after: String) { orders(first: 2, after: $after, sortKey: UPDATED_AT) { nodes { name } pageInfo { hasNextPage endCursor } } }`;
    const one = await h.gql(page);
    expect(one.data?.orders.nodes.map((n: { name: string }) => n.name)).toEqual(['#1001', '#1002']);
    const two = await h.gql(page, { after: one.data?.orders.pageInfo.endCursor });
    expect(two.data?.orders).toEqual({
      nodes: [{ name: '#1003' }],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
    const first = h.sandbox.listOrders()[0];
    await h.gql('mutation($id: ID!) { tagsAdd(id: $id, tags: ["seen"]) { userErrors { message } } }', {
      id: first?.id,
    });
    const recent = `{ orders(first: 5, query: "tag:seen") { nodes { name tags } } }`;
    expect((await h.gql(recent)).data?.orders.nodes).toEqual([]);
    h.clock.advance(500);
    expect((await h.gql(recent)).data?.orders.nodes).toEqual([{ name: '#1001', tags: ['amazon', 'seen'] }]);
  });

  it("computes Shopify's totals for tax-inclusive and tax-exclusive orders", async () => {
    const { h, variantId } = await shop();
    const incl = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, 'DE-1') });
    expect(incl.data?.orderCreate.order).toMatchObject({
      taxesIncluded: true,
      displayFinancialStatus: 'PAID',
      subtotalPriceSet: { shopMoney: { amount: '109.98', currencyCode: 'EUR' } },
      totalShippingPriceSet: { shopMoney: { amount: '4.99' } },
      totalTaxSet: { shopMoney: { amount: '18.36' } },
      totalPriceSet: { shopMoney: { amount: '114.97' } },
    });
    const excl = amazonOrderInput(variantId, 'US-1', {
      taxesIncluded: false,
      price: '50.00',
      tax: '8.50',
      shipping: '5.00',
      shippingTax: '0.43',
      paid: '113.93',
    });
    const reply = await h.gql(ORDER_CREATE, { order: excl });
    expect(reply.data?.orderCreate.order).toMatchObject({
      displayFinancialStatus: 'PAID',
      subtotalPriceSet: { shopMoney: { amount: '100.0' } },
      totalTaxSet: { shopMoney: { amount: '8.93' } },
      totalPriceSet: { shopMoney: { amount: '113.93' } },
    });
    expect(h.sandbox.ordersByAmazonOrderId('US-1')[0]?.totals).toEqual({
      subtotal: '100.00',
      shipping: '5.00',
      tax: '8.93',
      total: '113.93',
    });
    const underpaid = amazonOrderInput(variantId, 'US-2', { taxesIncluded: false, paid: '100.00' });
    const partial = await h.gql(ORDER_CREATE, { order: underpaid });
    expect(partial.data?.orderCreate.order.displayFinancialStatus).toBe('PARTIALLY_PAID');
  });

  it("takes Shopify's own documented example (numbers as amounts, tax-exclusive): 238.47 paid", async () => {
    const { h } = await shop();
    const fixture = new URL('../../../test/fixtures/shopify/orderCreate.comprehensive.variables.json', import.meta.url);
    const vars = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;
    const reply = await h.gql(ORDER_CREATE, vars);
    expect(reply.data?.orderCreate.order).toMatchObject({
      totalPriceSet: { shopMoney: { amount: '238.47' } },
      totalTaxSet: { shopMoney: { amount: '13.5' } },
      displayFinancialStatus: 'PAID',
    });
  });

  it('refuses unknown variants, another currency, short stock when obeying policy, and the dev-store sixth order', async () => {
    const { h, variantId } = await shop({ devStore: true });
    const bad = {
      ...amazonOrderInput(variantId, 'X-1'),
      lineItems: [{ variantId: 'gid://shopify/ProductVariant/999', quantity: 1 }],
    };
    expect((await h.gql(ORDER_CREATE, { order: bad })).data?.orderCreate.userErrors[0]).toMatchObject({
      field: ['order', 'lineItems', '0', 'variantId'],
      code: 'INVALID',
    });
    const usd = amazonOrderInput(variantId, 'X-2', { currency: 'USD' });
    expect((await h.gql(ORDER_CREATE, { order: usd })).data?.orderCreate.userErrors[0].field).toEqual([
      'order',
      'currency',
    ]);
    h.sandbox.setStock('LEGO-10698', 1);
    const short = await h.gql(ORDER_CREATE, {
      order: amazonOrderInput(variantId, 'X-3'),
      options: { inventoryBehaviour: 'DECREMENT_OBEYING_POLICY' },
    });
    expect(short.data?.orderCreate.userErrors[0].code).toBe('INVENTORY_CLAIM_FAILED');
    for (let i = 0; i < 5; i++) {
      const ok = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, `D-${i}`) });
      expect(ok.data?.orderCreate.userErrors).toEqual([]);
    }
    const limited = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, 'D-5') });
    expect(limited.data?.orderCreate.userErrors[0].message).toContain('5 orders per minute');
    h.clock.advance(60_000);
    expect(
      (await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, 'D-5') })).data?.orderCreate.userErrors,
    ).toEqual([]);
    expect(h.sandbox.statsSnapshot().devStoreLimited).toBe(1);
    expect(h.sandbox.listOrders()).toHaveLength(6);
  });

  it('reads an order back with lines, properties, tax lines, metafield and custom attributes', async () => {
    const { h, variantId } = await shop();
    const created = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, 'R-1') });
    const read = await h.gql(
      `query($id: ID!) { order(id: $id) { name customAttributes { key value } tags sourceName displayFulfillmentStatus cancelledAt
        metafield(namespace: "orderbridge", key: "amazon_order_id") { value type }
        lineItems(first: 5) { nodes { sku quantity customAttributes { key value } taxLines { rate title priceSet { shopMoney { amount } } } variant { id } } }
        shippingLines(first: 5) { nodes { title originalPriceSet { shopMoney { amount } } taxLines { priceSet { shopMoney { amount } } } } } } }`,
      { id: created.data?.orderCreate.order.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.order).toMatchObject({
      customAttributes: [{ key: 'amazon_order_id', value: 'R-1' }],
      tags: ['amazon'],
      sourceName: 'amazon',
      displayFulfillmentStatus: 'UNFULFILLED',
      cancelledAt: null,
      metafield: { value: 'R-1', type: 'id' },
      lineItems: {
        nodes: [
          {
            sku: 'LEGO-10698',
            quantity: 2,
            customAttributes: [{ key: '_amazon_order_item_id', value: 'R-1-1' }],
            taxLines: [{ rate: 0.19, title: 'VAT', priceSet: { shopMoney: { amount: '17.56' } } }],
            variant: { id: variantId },
          },
        ],
      },
      shippingLines: {
        nodes: [
          {
            title: 'Standard',
            originalPriceSet: { shopMoney: { amount: '4.99' } },
            taxLines: [{ priceSet: { shopMoney: { amount: '0.8' } } }],
          },
        ],
      },
    });
  });
});
