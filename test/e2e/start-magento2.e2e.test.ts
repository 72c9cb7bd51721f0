import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  SANDBOX_MAGENTO_CONSUMER_KEY,
  SANDBOX_MAGENTO_CONSUMER_SECRET,
  startMagentoSandbox,
  type MagentoOrderView,
} from '../../src/sandbox/magento2/index.js';
import { testDatabases } from '../helpers/databases.js';
import { openTestApp } from '../helpers/test-app.js';
import { createInstallation, servedAt, startOrderBridge, until, type Installation } from './support/orderbridge-cli.js';
import { freeSandboxPort } from '../helpers/free-ports.js';

/** What this test reads of the Amazon sandbox's order (GET /_sandbox/orders/{id}). */
interface AmazonOrderView {
  fulfillment?: { fulfilledBy?: string; fulfillmentStatus?: string };
  packages?: { trackingNumber: string }[];
}

/** A sandbox's JSON answer; null when the request failed (a poll tries again, the process's output tells why). */
async function getJson<T>(url: string): Promise<T | null> {
  try {
    const res = await fetch(url);
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

/**
 * `orderbridge start --store magento2` as a newcomer runs it (the network defaults): the demo's
 * orders reach the Magento sandbox, and a shipment made there comes back with the next poll (every
 * 15 s: Magento Open Source sends no webhooks) as a shipment confirmed to Amazon.
 */
for (const dialect of testDatabases) {
  describe(`start --store magento2 [${dialect}]`, () => {
    let installation: Installation;
    beforeAll(async () => {
      installation = await createInstallation(dialect);
    });
    afterAll(async () => {
      await installation.close();
    });

    it('delivers the demo orders to Magento and confirms its shipment to Amazon', { timeout: 120_000 }, async () => {
      const sandboxPort = await freeSandboxPort();
      const start = startOrderBridge(installation, ['start', '--store', 'magento2'], {
        ORDERBRIDGE_SANDBOX_PORT: String(sandboxPort),
        ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'false',
        ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: 'false',
      });
      const app = await openTestApp(installation.database);
      try {
        await servedAt(start);
        const shop = (await start.waitFor(/Magento 2 sandbox (http:\/\/\S+?):? /))[1] as string;
        expect(shop).toBe(`http://127.0.0.1:${sandboxPort + 3}`);
        const amazonUrl = `http://127.0.0.1:${sandboxPort}`;
        const orders = async (): Promise<MagentoOrderView[]> =>
          (await getJson<{ orders: MagentoOrderView[] }>(`${shop}/_sandbox/orders`))?.orders ?? [];
        const amazonOrder = async (id: string): Promise<AmazonOrderView | null> =>
          (await getJson<{ order: AmazonOrderView }>(`${amazonUrl}/_sandbox/orders/${encodeURIComponent(id)}`))
            ?.order ?? null;
        // An order the seller ships (not Amazon), still unshipped on Amazon; each order looked up once.
        const seen = new Set<number>();
        const open = await until(
          'an unshipped seller-fulfilled demo order in the Magento sandbox',
          async () => {
            for (const o of await orders()) {
              if (seen.has(o.entity_id) || o.state !== 'processing' || !o.ext_order_id) continue;
              const fulfillment = (await amazonOrder(o.ext_order_id))?.fulfillment;
              if (!fulfillment) continue;
              seen.add(o.entity_id);
              if (fulfillment.fulfilledBy === 'MERCHANT' && fulfillment.fulfillmentStatus === 'UNSHIPPED') return o;
            }
            return null;
          },
          { timeoutMs: 60_000, processes: [start] },
        );
        expect(open.increment_id).toBe(`AMZ-${open.ext_order_id}`);
        expect(open.order_currency_code).toBe('EUR');
        const store = await app.stores.get(app.accountId, 'sandbox-magento2');
        if (!store.ok) throw store.error;
        expect(store.value).toMatchObject({ platform: 'magento2', baseUrl: shop });
        expect(store.value.settings).toMatchObject({ pollIntervalSeconds: 15 });

        const shipped = await fetch(`${shop}/_sandbox/orders/${open.entity_id}/ship`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ trackNumber: 'JD014600003829', carrierCode: 'dhl', title: 'DHL' }),
        });
        expect(shipped.ok, await shipped.clone().text()).toBe(true);
        const shipment = await until(
          'the shipment from the poll, confirmed to Amazon',
          async () => {
            const list = await app.storeSideService.shipments(app.accountId, { limit: 50 });
            if (!list.ok) throw list.error;
            return list.value.find((s) => s.trackingNumber === 'JD014600003829' && s.state === 'confirmed') ?? null;
          },
          { timeoutMs: 45_000, processes: [start] },
        );
        expect(shipment).toMatchObject({ storeId: store.value.id });
        // Amazon's own record of the order: shipped with that tracking number.
        const amazon = await amazonOrder(open.ext_order_id as string);
        expect(amazon?.packages?.map((p) => p.trackingNumber)).toContain('JD014600003829');
        expect(amazon?.fulfillment?.fulfillmentStatus).toBe('SHIPPED');
      } finally {
        await start.stop();
        await app.close();
      }
    });
  });
}

/** `orderbridge stores add --platform magento2` with either credential kind, against a shop that refuses Bearer. */
describe('stores add --platform magento2', () => {
  let installation: Installation;
  beforeAll(async () => {
    installation = await createInstallation('sqlite');
  });
  afterAll(async () => {
    await installation.close();
  });

  /** One CLI command to its end: exit code and output. */
  const cli = async (...args: string[]): Promise<{ code: number | null; output: string }> => {
    const proc = startOrderBridge(installation, args);
    const code = await proc.exited;
    return { code, output: proc.output() };
  };

  it(
    'adds a store from a pasted REST URL; Bearer refused names the switch, OAuth 1.0a works',
    { timeout: 90_000 },
    async () => {
      // The switch "Allow OAuth Access Tokens to be used as standalone Bearer tokens" off (the default since 2.4.4).
      const magento = await startMagentoSandbox({ seed: 3, integrationAsBearer: false });
      try {
        const bearer = await cli(
          'stores',
          'add',
          '--name',
          'bearer',
          '--platform',
          'magento2',
          '--url',
          `${magento.url}/rest/default/V1/`,
          '--secret',
          `accessToken=${SANDBOX_MAGENTO_ACCESS_TOKEN}`,
          '--set',
          'invoice=false',
          '--set',
          'stockId=1',
          '--json',
        );
        expect(bearer.code, bearer.output).toBe(0);
        expect(bearer.output).not.toContain(SANDBOX_MAGENTO_ACCESS_TOKEN);
        const added = JSON.parse(bearer.output.slice(bearer.output.indexOf('{'))) as {
          baseUrl: string;
          settings: object;
        };
        expect(added).toMatchObject({ baseUrl: magento.url, settings: { invoice: false, stockId: 1 } });
        const refused = await cli('stores', 'test', 'bearer');
        expect(refused.code).not.toBe(0);
        expect(refused.output).toContain('magento2_auth_failed');
        expect(refused.output).toContain('Allow OAuth Access Tokens to be used as standalone Bearer tokens');

        const oauth = await cli(
          'stores',
          'add',
          '--name',
          'oauth',
          '--platform',
          'magento2',
          '--url',
          magento.url,
          '--secret',
          `consumerKey=${SANDBOX_MAGENTO_CONSUMER_KEY}`,
          '--secret',
          `consumerSecret=${SANDBOX_MAGENTO_CONSUMER_SECRET}`,
          '--secret',
          `accessToken=${SANDBOX_MAGENTO_ACCESS_TOKEN}`,
          '--secret',
          `accessTokenSecret=${SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET}`,
        );
        expect(oauth.code, oauth.output).toBe(0);
        expect(oauth.output).toContain('platform magento2');
        const tested = await cli('stores', 'test', 'oauth');
        expect(tested.code, tested.output).toBe(0);
        expect(tested.output).toContain('OK: magento2 store');

        // Half of the OAuth values: the credentials rule, in words.
        const half = await cli(
          'stores',
          'add',
          '--name',
          'half',
          '--platform',
          'magento2',
          '--url',
          magento.url,
          '--secret',
          `consumerKey=${SANDBOX_MAGENTO_CONSUMER_KEY}`,
          '--secret',
          `accessToken=${SANDBOX_MAGENTO_ACCESS_TOKEN}`,
        );
        expect(half.code).not.toBe(0);
        expect(half.output).toMatch(/all four integration credentials/);
      } finally {
        await magento.close();
      }
    },
  );
});
