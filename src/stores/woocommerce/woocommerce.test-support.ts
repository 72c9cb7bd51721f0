import { startWooSandbox, type StartedWooSandbox } from '../../sandbox/woocommerce/index.js';
import type { StoreAddress, StoreConnector, StoreOrderDraft, StoreOrderItem } from '../store-connector.js';
import { woocommercePlatform } from './index.js';

export const WEBHOOK_SECRET = 'whsec-test-1';

export async function startStore(): Promise<{ started: StartedWooSandbox; connector: StoreConnector }> {
  const started = await startWooSandbox({ seed: 11 });
  return { started, connector: connectorFor(started) };
}

export function connectorFor(
  started: StartedWooSandbox,
  secret = started.sandbox.consumerSecret,
  options: { timeoutMs?: number; baseUrl?: string } = {},
): StoreConnector {
  return woocommercePlatform.create(
    {
      id: 'store-1',
      accountId: 'acc-1',
      platform: 'woocommerce',
      name: 'Woo',
      baseUrl: options.baseUrl ?? started.url,
      settings: woocommercePlatform.parseSettings({ webhookSecret: WEBHOOK_SECRET }),
      secrets: woocommercePlatform.parseSecrets({ consumerKey: started.sandbox.consumerKey, consumerSecret: secret }),
    },
    { now: () => new Date().toISOString(), timeoutMs: options.timeoutMs ?? 2000 },
  );
}

export function address(countryCode: string, stateOrRegion: string | null = null): StoreAddress {
  return {
    name: 'Erika Mustermann',
    firstName: 'Erika',
    lastName: 'Mustermann',
    company: null,
    line1: 'Heidestr. 17',
    line2: null,
    line3: null,
    city: 'Köln',
    district: null,
    stateOrRegion,
    postalCode: '51147',
    countryCode,
    phone: '+49 221 000',
  };
}

export function item(
  productRef: string | null,
  quantity: number,
  net: string,
  tax: string,
  gross: string,
  id = '1',
): StoreOrderItem {
  return {
    orderItemId: `item-${id}`,
    productRef,
    sku: 'SKU',
    title: `Item ${id}`,
    quantity,
    unitNet: net,
    unitGross: gross,
    lineNet: net,
    lineTax: tax,
    lineGross: gross,
    taxRate: null,
  };
}

export function draft(
  overrides: Partial<StoreOrderDraft> & Pick<StoreOrderDraft, 'items' | 'totals'>,
): StoreOrderDraft {
  return {
    orderId: `ob-${Math.random().toString(36).slice(2, 10)}`,
    amazonOrderId: '302-1234567-1234567',
    marketplaceId: 'A1PA6795UKMFR9',
    currency: 'EUR',
    createdTime: new Date(Date.now() - 3_600_000).toISOString(),
    pricesIncludeTax: false,
    customer: {
      email: 'buyer@marketplace.amazon.de',
      name: 'Erika Mustermann',
      phone: null,
      company: null,
      vatId: null,
    },
    shippingAddress: address('DE'),
    billingAddress: address('DE'),
    shippingMethod: 'Standard',
    charges: [],
    notes: ['Amazon order 302-1234567-1234567 (A1PA6795UKMFR9)', 'Prime order: ship by the promised date'],
    ...overrides,
  };
}
