import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  magentoOperation,
  validateMagentoRequest,
  validateMagentoResponse,
  type StartedMagentoSandbox,
} from '../../sandbox/magento2/index.js';
import type { StoreOrderDraft } from '../store-connector.js';
import { orderEntity } from './magento2-order.body.js';
import { planMoney } from './magento2-order.money.js';
import { MAGENTO_OPERATIONS, type MagentoOperationName } from './magento2.operations.js';
import {
  connectorFor,
  deDraft,
  must,
  OAUTH_SECRETS,
  recordingTransport,
  startStore,
  usDraft,
  type RecordedRequest,
} from './magento2.test-support.js';

const DIR = new URL('./', import.meta.url);
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test') && f !== 'magento2.operations.ts')
  .map((f) => ({ file: f, text: readFileSync(new URL(f, DIR), 'utf8') }));

const BOTTLE = 'BOTTLE-750-SS';
const CABLE = 'usb-c cable 2m/2pk';
const log: RecordedRequest[] = [];
let started: StartedMagentoSandbox;

/** The listed operation a recorded request is (its template with the placeholders as one segment). */
function operationOf(r: RecordedRequest): MagentoOperationName | null {
  const clean = r.path.replace(/\/+$/, '');
  for (const [name, op] of Object.entries(MAGENTO_OPERATIONS)) {
    const pattern = new RegExp(`^${op.path.replace(/\/+$/, '').replace(/\{\w+\}/g, '[^/]+')}$`);
    if (op.method === r.method && pattern.test(clean)) return name as MagentoOperationName;
  }
  return null;
}

/** Drives the connector through everything it can do, over a transport that records each request. */
async function driveEveryOperation(): Promise<void> {
  const transport = recordingTransport(log);
  const direct = connectorFor(started, { secrets: OAUTH_SECRETS, transport });
  const pending = connectorFor(started, { transport, settings: { invoice: false } });
  const cart = connectorFor(started, { transport, settings: { orderCreation: 'cart' } });
  const eu = connectorFor(started, { transport, settings: { sourceCode: 'eu_warehouse' } });
  must(await direct.test());
  must(await direct.findProducts('sku', [BOTTLE, CABLE]));
  must(await direct.findProducts('ean', [started.sandbox.customAttribute(BOTTLE, 'ean') ?? '']));
  must(await direct.findProductByRef(CABLE));
  must(await direct.searchProducts('Bottle', 5));
  must(await direct.readStock([BOTTLE, CABLE]));
  const de = deDraft(BOTTLE, { customer: { ...deDraft(BOTTLE).customer, vatId: 'DE123456789', company: 'ACME GmbH' } });
  const ref = must(await direct.createOrder(de));
  must(await direct.findOrder(de.orderId));
  must(await direct.addOrderNote(ref, 'The buyer asked Amazon to cancel this order.'));
  started.sandbox.shipOrder({ orderId: Number(ref.ref), trackNumber: 'T1', carrierCode: 'ups', title: 'UPS' });
  must(await direct.pollEvents(null));
  const pendingRef = must(await pending.createOrder(usDraft(CABLE, { currency: 'EUR' })));
  must(await pending.cancelOrder(pendingRef, 'Amazon cancelled the order'));
  const invoiced = must(await direct.createOrder(deDraft(BOTTLE)));
  must(await direct.cancelOrder(invoiced, 'Amazon cancelled the order')); // invoiced: closed by a credit memo
  started.sandbox.setStock('TEA_GREEN_100', 10, 'eu_warehouse');
  must(await eu.adjustStock('TEA_GREEN_100', -1, 'schema-eu'));
  must(await cart.createOrder(deDraft(BOTTLE)));
}

beforeAll(async () => {
  ({ started } = await startStore());
  await driveEveryOperation();
}, 60_000);
afterAll(() => started.close());

describe('every request the connector sends', () => {
  it('is an operation of the Magento 2.4.9 admin schema and one of MAGENTO_OPERATIONS', () => {
    expect(log.length).toBeGreaterThan(40);
    const unknown = log.filter((r) => magentoOperation(r.method, r.path) === null || operationOf(r) === null);
    expect(unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('has a body valid for the 2.4.9 schema (every body, as sent)', () => {
    const invalid = log
      .map((r) => ({ at: `${r.method} ${r.path}`, errors: validateMagentoRequest(r.method, r.path, r.body) }))
      .filter((r) => r.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('covers every operation the connector lists (each one sent and answered 2xx at least once)', () => {
    const sent = new Set(log.map(operationOf));
    expect(Object.keys(MAGENTO_OPERATIONS).filter((n) => !sent.has(n as MagentoOperationName))).toEqual([]);
    // attributeGet's 404 is its expected first answer: the ledger attribute does not exist yet.
    const meaningful = (r: RecordedRequest): boolean =>
      (r.status >= 200 && r.status < 300) || (r.status === 404 && operationOf(r) === 'attributeGet');
    const answered = new Set(log.filter(meaningful).map(operationOf));
    expect(Object.keys(MAGENTO_OPERATIONS).filter((n) => !answered.has(n as MagentoOperationName))).toEqual([]);
  });

  it('got answers that match the 2.4.9 schema', () => {
    const invalid = log
      .filter((r) => r.status >= 200 && r.status < 300 && r.answer.trim() !== '')
      .map((r) => ({
        at: `${r.method} ${r.path}`,
        errors: validateMagentoResponse(r.method, r.path, r.status, JSON.parse(r.answer) as unknown),
      }))
      .filter((r) => r.errors.length > 0);
    expect(invalid).toEqual([]);
  });
});

describe('the operation list', () => {
  it('every operation exists in the 2.4.9 schema', () => {
    const missing = Object.entries(MAGENTO_OPERATIONS).filter(
      ([, op]) => magentoOperation(op.method, op.path) === null,
    );
    expect(missing).toEqual([]);
  });

  it('no source file holds a REST path of its own, and every operation named in the sources is listed (and used)', () => {
    for (const { file, text } of sources) {
      expect(`${file}: ${/['"`]\/V1\/[^'"`]*/.exec(text)?.[0] ?? ''}`).toBe(`${file}: `);
    }
    const used = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\.(?:request|searchAll)(?:<[\s\S]*?>)?\(\s*'(\w+)'/g)) used.add(m[1] as string);
    }
    expect([...used].filter((n) => !(n in MAGENTO_OPERATIONS))).toEqual([]);
    expect(Object.keys(MAGENTO_OPERATIONS).filter((n) => !used.has(n))).toEqual([]);
  });
});

describe('order bodies', () => {
  const products = new Map([
    [BOTTLE, { id: 3, typeId: 'simple' }],
    [CABLE, { id: 2, typeId: 'simple' }],
  ]);
  const ctx = {
    storeId: 1,
    incrementId: 'AMZ-1',
    paymentMethod: 'checkmo',
    shippingMethodCode: 'flatrate_flatrate',
    products,
  };
  it.each<[string, StoreOrderDraft]>([
    ['DE (VAT included, gift wrap and a promotion)', deDraft(BOTTLE)],
    ['US (tax on top, FBA)', usDraft(CABLE, { fulfilledByAmazon: true, lowerStock: false })],
  ])('%s: POST /V1/orders {entity} is valid for the 2.4.9 schema', (_label, draft) => {
    const entity = orderEntity(draft, must(planMoney(draft)), ctx);
    expect(validateMagentoRequest('POST', '/V1/orders', JSON.parse(JSON.stringify({ entity })))).toEqual([]);
  });
});
