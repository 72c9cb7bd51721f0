/**
 * Seed data through the Admin API (the same API the connector uses): countries in one zone, the
 * channel in EUR with gross prices and that zone as default tax/shipping zone, DE tax rates 19 %
 * and 7 %, the OrderBridge shipping method and manual payment method, and one product per seed SKU
 * with stock.
 */
export interface SeedProduct {
  sku: string;
  name: string;
  /** Gross price in minor units (EUR cents). */
  price: number;
  stock: number;
  ean?: string;
}

export interface SeedResult {
  channelToken: string;
  shippingMethodCode: string;
  paymentMethodCode: string;
  variants: Record<string, string>;
}

const COUNTRIES: [string, string][] = [
  ['DE', 'Germany'],
  ['AT', 'Austria'],
  ['FR', 'France'],
  ['IT', 'Italy'],
  ['ES', 'Spain'],
  ['NL', 'Netherlands'],
  ['BE', 'Belgium'],
  ['PL', 'Poland'],
  ['SE', 'Sweden'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
  ['JP', 'Japan'],
];

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

async function client(url: string, username: string, password: string): Promise<Gql> {
  let token = '';
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const auth = res.headers.get('vendure-auth-token');
    if (auth) token = auth;
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data)
      throw new Error(`seed: ${JSON.stringify(body.errors)} for ${query.slice(0, 60)}`);
    return body.data;
  };
  await call(`mutation($u:String!,$p:String!){login(username:$u,password:$p){__typename}}`, {
    u: username,
    p: password,
  });
  return call;
}

export async function seedData(
  url: string,
  username: string,
  password: string,
  products: SeedProduct[],
): Promise<SeedResult> {
  const gql = await client(url, username, password);
  const memberIds: string[] = [];
  for (const [code, name] of COUNTRIES) {
    const r = await gql<{ createCountry: { id: string } }>(
      `mutation($input:CreateCountryInput!){createCountry(input:$input){id}}`,
      { input: { code, enabled: true, translations: [{ languageCode: 'en', name }] } },
    );
    memberIds.push(r.createCountry.id);
  }
  const zone = await gql<{ createZone: { id: string } }>(
    `mutation($input:CreateZoneInput!){createZone(input:$input){id}}`,
    {
      input: { name: 'OrderBridge test zone', memberIds },
    },
  );
  const zoneId = zone.createZone.id;
  const channel = await gql<{ activeChannel: { id: string; token: string } }>(`{activeChannel{id token}}`);
  await gql(`mutation($input:UpdateChannelInput!){updateChannel(input:$input){__typename}}`, {
    input: {
      id: channel.activeChannel.id,
      defaultTaxZoneId: zoneId,
      defaultShippingZoneId: zoneId,
      defaultCurrencyCode: 'EUR',
      availableCurrencyCodes: ['EUR'],
      pricesIncludeTax: true,
    },
  });
  const category = async (name: string, isDefault: boolean, value: number): Promise<string> => {
    const c = await gql<{ createTaxCategory: { id: string } }>(
      `mutation($input:CreateTaxCategoryInput!){createTaxCategory(input:$input){id}}`,
      { input: { name, isDefault } },
    );
    await gql(`mutation($input:CreateTaxRateInput!){createTaxRate(input:$input){id}}`, {
      input: { name: `${name} ${value}%`, enabled: true, value, categoryId: c.createTaxCategory.id, zoneId },
    });
    return c.createTaxCategory.id;
  };
  const standard = await category('Standard', true, 19);
  await category('Reduced', false, 7);
  await gql(`mutation($input:CreateShippingMethodInput!){createShippingMethod(input:$input){id}}`, {
    input: {
      code: 'orderbridge',
      fulfillmentHandler: 'manual-fulfillment',
      checker: { code: 'orderbridge-orders-only', arguments: [] },
      calculator: {
        code: 'orderbridge-shipping-calculator',
        arguments: [
          { name: 'fallbackPrice', value: '0' },
          { name: 'fallbackTaxRate', value: '0' },
        ],
      },
      translations: [{ languageCode: 'en', name: 'Amazon (OrderBridge)', description: '' }],
    },
  });
  await gql(`mutation($input:CreatePaymentMethodInput!){createPaymentMethod(input:$input){id}}`, {
    input: {
      code: 'orderbridge',
      enabled: true,
      handler: { code: 'dummy-payment-handler', arguments: [{ name: 'automaticSettle', value: 'true' }] },
      translations: [{ languageCode: 'en', name: 'Amazon (OrderBridge)' }],
    },
  });
  const variants: Record<string, string> = {};
  for (const [i, p] of products.entries()) {
    const product = await gql<{ createProduct: { id: string } }>(
      `mutation($input:CreateProductInput!){createProduct(input:$input){id}}`,
      { input: { translations: [{ languageCode: 'en', name: p.name, slug: `product-${i + 1}`, description: '' }] } },
    );
    const created = await gql<{ createProductVariants: { id: string; sku: string }[] }>(
      `mutation($input:[CreateProductVariantInput!]!){createProductVariants(input:$input){id sku}}`,
      {
        input: [
          {
            productId: product.createProduct.id,
            sku: p.sku,
            price: p.price,
            taxCategoryId: standard,
            stockOnHand: p.stock,
            trackInventory: 'TRUE',
            translations: [{ languageCode: 'en', name: p.name }],
            customFields: { ean: p.ean ?? null },
          },
        ],
      },
    );
    for (const v of created.createProductVariants) variants[v.sku] = v.id;
  }
  return {
    channelToken: channel.activeChannel.token,
    shippingMethodCode: 'orderbridge',
    paymentMethodCode: 'orderbridge',
    variants,
  };
}
