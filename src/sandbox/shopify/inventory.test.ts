/* eslint-disable @typescript-eslint/no-unsafe-member-access -- assertions on raw GraphQL JSON */
import { describe, expect, it } from 'vitest';
import { harnessPerTest, type SandboxHarness } from './shopify-sandbox.test-support.js';

const { start } = harnessPerTest();

const ADJUST = `mutation adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } }
    userErrors { field message code }
  }
}`;

const SET = `mutation set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { changes { name delta quantityAfterChange } }
    userErrors { field message code }
  }
}`;

async function ids(): Promise<{ h: SandboxHarness; item: string; location: string }> {
  const h = await start();
  const v = h.sandbox.variantBySku('TEA_GREEN_100');
  const loc = await h.gql('{ locations(first: 1) { nodes { id } } }');
  return { h, item: v?.inventoryItemId ?? '', location: loc.data?.locations.nodes[0].id as string };
}

const change = (item: string, location: string, delta: number, from?: number | null) => ({
  delta,
  inventoryItemId: item,
  locationId: location,
  ...(from === undefined ? {} : { changeFromQuantity: from }),
});

describe('Shopify sandbox: inventory (2026-04+ rules)', () => {
  it('applies a delta once per idempotency key, replaying the first answer', async () => {
    const { h, item, location } = await ids();
    const input = {
      name: 'available',
      reason: 'correction',
      referenceDocumentUri: 'orderbridge://reservation/1',
      changes: [change(item, location, -3, 100)],
    };
    const first = await h.gql(ADJUST, { input, key: 'k-1' });
    expect(first.data?.inventoryAdjustQuantities).toEqual({
      inventoryAdjustmentGroup: {
        reason: 'correction',
        changes: [{ name: 'available', delta: -3, quantityAfterChange: 97 }],
      },
      userErrors: [],
    });
    const replay = await h.gql(ADJUST, { input, key: 'k-1' });
    expect(replay.data).toEqual(first.data);
    expect(h.sandbox.getStock('TEA_GREEN_100')).toBe(97);
    const other = await h.gql(ADJUST, { input: { ...input, changes: [change(item, location, -1, 97)] }, key: 'k-1' });
    expect(other.data?.inventoryAdjustQuantities.userErrors[0].code).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
    expect(h.sandbox.statsSnapshot()).toMatchObject({ inventoryAdjustments: 1, idempotentReplays: 1 });
  });

  it('refuses a stale changeFromQuantity, requires the field, and skips the check on explicit null', async () => {
    const { h, item, location } = await ids();
    h.sandbox.setStock('TEA_GREEN_100', 40);
    const stale = await h.gql(ADJUST, {
      input: { name: 'available', reason: 'correction', changes: [change(item, location, -1, 100)] },
      key: 'k-2',
    });
    expect(stale.data?.inventoryAdjustQuantities).toMatchObject({
      inventoryAdjustmentGroup: null,
      userErrors: [{ field: ['input', 'changes', '0', 'changeFromQuantity'], code: 'CHANGE_FROM_QUANTITY_STALE' }],
    });
    const missing = await h.gql(ADJUST, {
      input: { name: 'available', reason: 'correction', changes: [change(item, location, -1)] },
      key: 'k-3',
    });
    expect(missing.data?.inventoryAdjustQuantities.userErrors[0].field).toEqual([
      'input',
      'changes',
      '0',
      'changeFromQuantity',
    ]);
    const unchecked = await h.gql(ADJUST, {
      input: { name: 'available', reason: 'correction', changes: [change(item, location, -1, null)] },
      key: 'k-4',
    });
    expect(unchecked.data?.inventoryAdjustQuantities.userErrors).toEqual([]);
    expect(h.sandbox.getStock('TEA_GREEN_100')).toBe(39);
  });

  it('sets absolute quantities with compare-and-swap', async () => {
    const { h, item, location } = await ids();
    const quantities = [{ inventoryItemId: item, locationId: location, quantity: 12, changeFromQuantity: 100 }];
    const reply = await h.gql(SET, { input: { name: 'available', reason: 'correction', quantities }, key: 's-1' });
    expect(reply.data?.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: { changes: [{ name: 'available', delta: -88, quantityAfterChange: 12 }] },
      userErrors: [],
    });
    const again = await h.gql(SET, { input: { name: 'available', reason: 'correction', quantities }, key: 's-2' });
    expect(again.data?.inventorySetQuantities.userErrors[0].code).toBe('CHANGE_FROM_QUANTITY_STALE');
  });

  it('refuses inventory mutations without @idempotent with a top-level error', async () => {
    const { h, item, location } = await ids();
    const reply = await h.gql(
      `mutation($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) { userErrors { message } } }`,
      { input: { name: 'available', reason: 'correction', changes: [change(item, location, 1, null)] } },
    );
    expect(reply.data?.inventoryAdjustQuantities).toBeNull();
    expect(reply.errors?.[0]).toMatchObject({
      message: 'The @idempotent directive is required for the inventoryAdjustQuantities mutation.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(h.sandbox.getStock('TEA_GREEN_100')).toBe(100);
  });

  it('reads levels through the inventory item and variant', async () => {
    const { h, item, location } = await ids();
    const reply = await h.gql(
      `query($id: ID!, $loc: ID!) { inventoryItem(id: $id) { tracked variant { sku } inventoryLevel(locationId: $loc) { quantities(names: ["available", "on_hand", "committed"]) { name quantity } } } }`,
      { id: item, loc: location },
    );
    expect(reply.data?.inventoryItem).toEqual({
      tracked: true,
      variant: { sku: 'TEA_GREEN_100' },
      inventoryLevel: {
        quantities: [
          { name: 'available', quantity: 100 },
          { name: 'on_hand', quantity: 100 },
          { name: 'committed', quantity: 0 },
        ],
      },
    });
  });
});
