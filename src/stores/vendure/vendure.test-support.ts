import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startVendureServer, type VendureServer } from '../../../test/helpers/vendure-server.js';
import type { StoreAddress, StoreOrderDraft, StoreOrderItem } from '../store-connector.js';
import { vendurePlatform } from './index.js';
import { VendureClient } from './vendure.client.js';
import type { VendureConnector } from './vendure.connector.js';

/** Shared fixtures of the Vendure integration tests (real server from test/helpers/vendure-server.ts). */
export const WEBHOOK_SECRET = 'vendure-test-secret';

export interface Received {
  headers: Record<string, string | undefined>;
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answer 503 to this many further requests (they are recorded too). */
  failNext: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { failNext: 0 } as Receiver;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
      const status = receiver.failNext > 0 ? 503 : 200;
      if (status !== 200) receiver.failNext -= 1;
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end(status === 200 ? 'ok' : 'try again');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/webhooks/vendure`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

export async function startStore(webhookUrl: string) {
  const server: VendureServer = await startVendureServer({ webhookUrl, webhookSecret: WEBHOOK_SECRET });
  const connector = vendurePlatform.create(
    {
      id: 'store-1',
      accountId: 'acc-1',
      platform: 'vendure',
      name: 'Vendure test',
      baseUrl: server.adminApiUrl,
      settings: { shippingMethodCode: server.shippingMethodCode, paymentMethodCode: server.paymentMethodCode },
      secrets: { username: server.username, password: server.password, webhookSecret: WEBHOOK_SECRET },
    },
    { now: () => new Date().toISOString(), timeoutMs: 15_000 },
  ) as VendureConnector;
  const admin = new VendureClient({
    adminApiUrl: server.adminApiUrl,
    username: server.username,
    password: server.password,
    timeoutMs: 15_000,
  });
  return { server, connector, admin };
}

export const address = (country = 'DE'): StoreAddress => ({
  name: 'Erika Mustermann',
  firstName: 'Erika',
  lastName: 'Mustermann',
  company: null,
  line1: 'Heidestraße 17',
  line2: null,
  line3: null,
  city: 'Köln',
  district: null,
  stateOrRegion: null,
  postalCode: '51147',
  countryCode: country,
  phone: '+49 221 1234567',
});

let seq = 0;
export function item(
  productRef: string | null,
  quantity: number,
  unitGross: string,
  lineGross: string,
  taxRate = '19',
) {
  seq += 1;
  const it: StoreOrderItem = {
    orderItemId: `ITEM-${seq}`,
    productRef,
    sku: null,
    title: `Item ${seq}`,
    quantity,
    unitNet: unitGross,
    unitGross,
    lineNet: lineGross,
    lineTax: '0',
    lineGross,
    taxRate,
  };
  return it;
}

export function draft(overrides: Partial<StoreOrderDraft> = {}): StoreOrderDraft {
  seq += 1;
  return {
    orderId: `ob-order-${Date.now()}-${seq}`,
    amazonOrderId: `302-${String(seq).padStart(7, '0')}-0000001`,
    marketplaceId: 'A1PA6795UKMFR9',
    currency: 'EUR',
    createdTime: '2026-11-28T10:00:00.000Z',
    pricesIncludeTax: true,
    customer: {
      email: 'buyer-x1@marketplace.amazon.de',
      name: 'Erika Mustermann',
      phone: null,
      company: null,
      vatId: null,
    },
    shippingAddress: address(),
    billingAddress: address(),
    shippingMethod: 'Standard',
    items: [],
    charges: [],
    totals: { net: '0', tax: '0', gross: '0' },
    notes: ['Prime order'],
    ...overrides,
  };
}

export const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/** Waits for the plugin's webhook with `topic` about `orderId` that was answered 200. */
export async function waitForWebhook(receiver: Receiver, topic: string, orderId: string): Promise<Received> {
  for (let i = 0; i < 100; i++) {
    const hit = receiver.received.find(
      (r) => r.status === 200 && r.headers['x-orderbridge-topic'] === topic && r.body.includes(orderId),
    );
    if (hit) return hit;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${topic} webhook for ${orderId}`);
}
