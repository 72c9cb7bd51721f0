import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDURE_SKIP_NOTICE, vendureInstalled, type VendureServer } from '../../../test/helpers/vendure-server.js';
import type { VendureConnector } from './vendure.connector.js';
import { startReceiver, startStore, type Receiver } from './vendure.test-support.js';

const installed = vendureInstalled();
if (!installed) console.log(VENDURE_SKIP_NOTICE);

let server: VendureServer;
let connector: VendureConnector;
let receiver: Receiver;

/** What a SKU link needs from Vendure: a variant by its id, and a search by name or SKU. */
describe.skipIf(!installed)('Vendure products for SKU links (real Vendure 3.7)', () => {
  beforeAll(async () => {
    receiver = await startReceiver();
    ({ server, connector } = await startStore(receiver.url));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it('finds a variant by its id, and nothing for an unknown id or a SKU given as id', async () => {
    const id = server.variants['BOTTLE-750-SS'] ?? '';
    const found = await connector.findProductByRef(id);
    expect(found.ok && found.value).toMatchObject({ ref: id, sku: 'BOTTLE-750-SS' });
    const unknown = await connector.findProductByRef('987654');
    expect(unknown.ok && unknown.value).toBeNull();
    const sku = await connector.findProductByRef('BOTTLE-750-SS');
    expect(sku.ok && sku.value).toBeNull();
  });

  it('searches variants by name or SKU, case-insensitively', async () => {
    const bySku = await connector.searchProducts('bottle-750', 10);
    expect(bySku.ok && bySku.value.map((p) => p.sku)).toContain('BOTTLE-750-SS');
    const none = await connector.searchProducts('no such product at all', 10);
    expect(none.ok && none.value).toEqual([]);
  });
});
