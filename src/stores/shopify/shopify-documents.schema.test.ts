import { readdirSync, readFileSync } from 'node:fs';
import { getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadShopifyAdminSchema } from '../../sandbox/shopify/admin-schema.js';
import { orderCreateVariables } from './shopify-order.input.js';
import { planMoney } from './shopify-order.money.js';
import { shopifySettingsSchema } from './shopify.settings.js';
import { SHOPIFY_DOCUMENTS } from './shopify.documents.js';
import { deDraft, usDraft } from './shopify.test-support.js';

const schema = loadShopifyAdminSchema();
const DIR = new URL('./', import.meta.url);
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test') && f !== 'shopify.documents.ts')
  .map((f) => ({ file: f, text: readFileSync(new URL(f, DIR), 'utf8') }));

function operation(name: keyof typeof SHOPIFY_DOCUMENTS): OperationDefinitionNode {
  return parse(SHOPIFY_DOCUMENTS[name]).definitions[0] as OperationDefinitionNode;
}

describe('every GraphQL document the connector sends', () => {
  it.each(Object.keys(SHOPIFY_DOCUMENTS))('%s validates against the Admin API 2026-10 schema', (name) => {
    const errors = validate(schema, parse(SHOPIFY_DOCUMENTS[name as keyof typeof SHOPIFY_DOCUMENTS]));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('no other file holds a GraphQL operation, and every document sent is in the list (and used)', () => {
    for (const { file, text } of sources) {
      expect(`${file}: ${/\b(query|mutation)\s+[A-Z]\w*\s*[({]/.exec(text)?.[0] ?? ''}`).toBe(`${file}: `);
    }
    // ShopifyClient.request takes a document name only; every name passed must be a listed document.
    const used = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\.request(?:<[\s\S]*?>)?\(\s*'(\w+)'/g)) used.add(m[1] as string);
    }
    expect([...used].filter((n) => !(n in SHOPIFY_DOCUMENTS))).toEqual([]);
    expect(Object.keys(SHOPIFY_DOCUMENTS).filter((n) => !used.has(n))).toEqual([]);
  });
});

describe('orderCreate variables', () => {
  const settings = shopifySettingsSchema.parse({ orderNumbering: 'amazon', tags: ['marketplace'] });
  it.each([
    ['DE (VAT included)', deDraft('gid://shopify/ProductVariant/1')],
    ['US (tax on top)', usDraft('gid://shopify/ProductVariant/2', { fulfilledByAmazon: true, lowerStock: false })],
  ])('%s coerce to OrderCreateOrderInput and OrderCreateOptionsInput', (_label, draft) => {
    const plan = planMoney(draft);
    if (!plan.ok) throw plan.error;
    const variables = JSON.parse(JSON.stringify(orderCreateVariables(draft, plan.value, settings))) as Record<
      string,
      unknown
    >;
    const coerced = getVariableValues(schema, operation('orderCreate').variableDefinitions ?? [], variables);
    expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
  });

  it('inventoryAdjust variables coerce to InventoryAdjustQuantitiesInput', () => {
    const variables = {
      key: '0f8fad5b-d9cb-569f-a165-70867728950e',
      input: {
        name: 'available',
        reason: 'correction',
        referenceDocumentUri: 'orderbridge://stock-adjustment/x',
        changes: [
          {
            inventoryItemId: 'gid://shopify/InventoryItem/1',
            locationId: 'gid://shopify/Location/1',
            delta: -2,
            changeFromQuantity: 10,
          },
        ],
      },
    };
    const coerced = getVariableValues(schema, operation('inventoryAdjust').variableDefinitions ?? [], variables);
    expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
  });
});
