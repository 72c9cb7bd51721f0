import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SANDBOX_SHOPIFY_ACCESS_TOKEN,
  startShopifySandbox,
  type ShopifySandboxOptions,
  type StartedShopifySandbox,
} from '../../sandbox/shopify/index.js';
import type { IncomingWebhook, StoreOrderDraft, StoreOrderItem } from '../store-connector.js';
import { address } from '../woocommerce/woocommerce.test-support.js';
import { ShopifyConnector } from './shopify.connector.js';

export { address };

/** An endpoint that keeps every webhook the sandbox delivers (answering 200), as OrderBridge receives it. */
export async function startWebhookCatcher(): Promise<{
  url: string;
  received: IncomingWebhook[];
  close(): Promise<void>;
}> {
  const received: IncomingWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
      received.push({ headers, rawBody: Buffer.concat(chunks).toString('utf8'), receivedAt: new Date().toISOString() });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function startShop(
  options: ShopifySandboxOptions = {},
): Promise<{ started: StartedShopifySandbox; connector: ShopifyConnector }> {
  const started = await startShopifySandbox({
    searchIndexLagMs: 0,
    jobDelayMs: 0,
    ...options,
  });
  return { started, connector: connectorFor(started) };
}

export function connectorFor(
  started: StartedShopifySandbox,
  options: {
    secrets?: Record<string, string>;
    settings?: Record<string, unknown>;
    now?: () => string;
    maxThrottleWaitMs?: number;
    webhookUrl?: string;
  } = {},
): ShopifyConnector {
  return new ShopifyConnector(
    {
      id: 'store-shopify',
      accountId: 'acc-1',
      platform: 'shopify',
      name: 'Shopify',
      baseUrl: started.url,
      settings: options.settings ?? {},
      secrets: options.secrets ?? { accessToken: SANDBOX_SHOPIFY_ACCESS_TOKEN },
    },
    {
      now: options.now ?? (() => new Date().toISOString()),
      timeoutMs: 2000,
      ...(options.webhookUrl !== undefined && { webhookUrl: options.webhookUrl }),
    },
    options.maxThrottleWaitMs === undefined ? {} : { maxThrottleWaitMs: options.maxThrottleWaitMs },
  );
}

export function item(
  productRef: string | null,
  quantity: number,
  money: { net: string; tax: string; gross: string; rate: string | null },
  id = '1',
  sku = 'SKU',
): StoreOrderItem {
  return {
    orderItemId: `item-${id}`,
    productRef,
    sku,
    title: `Item ${id}`,
    quantity,
    unitNet: money.net,
    unitGross: money.gross,
    lineNet: money.net,
    lineTax: money.tax,
    lineGross: money.gross,
    taxRate: money.rate,
  };
}

let seq = 0;
/** A unique Amazon order id per call (orders are unique per Amazon id in the shop). */
export const amazonId = (): string => `302-${String(Date.now()).slice(-7)}-${String(++seq).padStart(7, '0')}`;

export function draft(
  overrides: Partial<StoreOrderDraft> & Pick<StoreOrderDraft, 'items' | 'totals'>,
): StoreOrderDraft {
  const id = overrides.amazonOrderId ?? amazonId();
  return {
    orderId: `ob-${id}`,
    amazonOrderId: id,
    marketplaceId: 'A1PA6795UKMFR9',
    currency: 'EUR',
    createdTime: new Date(Date.now() - 3_600_000).toISOString(),
    pricesIncludeTax: true,
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
    notes: [`Amazon order ${id} (A1PA6795UKMFR9)`, 'Prime order'],
    ...overrides,
  };
}

/** A DE (VAT included, 19 %) draft: 3 × bottle for 10.00 gross (not divisible by 3) + shipping 4.99. */
export function deDraft(ref: string, overrides: Partial<StoreOrderDraft> = {}): StoreOrderDraft {
  return draft({
    items: [item(ref, 3, { net: '8.40', tax: '1.60', gross: '10.00', rate: '19' }, '1', 'BOTTLE-750-SS')],
    charges: [{ kind: 'shipping', title: 'Shipping', net: '4.19', tax: '0.80', gross: '4.99', taxRate: '19' }],
    totals: { net: '12.59', tax: '2.40', gross: '14.99' },
    ...overrides,
  });
}

/** A US (tax on top) draft in USD: 2 × 12.99 + 8.25 % tax, shipping 5.00 untaxed. */
export function usDraft(ref: string, overrides: Partial<StoreOrderDraft> = {}): StoreOrderDraft {
  return draft({
    marketplaceId: 'ATVPDKIKX0DER',
    currency: 'USD',
    pricesIncludeTax: false,
    shippingAddress: { ...address('US', 'CA'), city: 'San Francisco', postalCode: '94105' },
    billingAddress: { ...address('US', 'CA'), city: 'San Francisco', postalCode: '94105' },
    items: [item(ref, 2, { net: '25.98', tax: '2.14', gross: '28.12', rate: '8.25' }, '1', 'usb-c cable 2m/2pk')],
    charges: [{ kind: 'shipping', title: 'Shipping', net: '5.00', tax: '0.00', gross: '5.00', taxRate: null }],
    totals: { net: '30.98', tax: '2.14', gross: '33.12' },
    ...overrides,
  });
}
