import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import { openApp, type App } from '../../../src/app/app-context.js';
import { SyncWorker } from '../../../src/app/sync-worker.js';
import type { Database } from '../../../src/db/schema.js';
import { ManualClock } from '../../../src/lib/clock.js';
import { silentLogger } from '../../../src/lib/logger.js';
import type { CreateOrderInput } from '../../../src/sandbox/amazon/create-order.js';
import { PURGE_BUYER_DATA_JOB } from '../../../src/sync/purge-buyer-data.js';
import { DE, testConfig } from '../../helpers/test-app.js';

/** Buyer data retention tests: Amazon orders full of findable personal values, and a scan of every table. */

const DAY_MS = 86_400_000;

/** Unique strings in every personal field of an Amazon order, so any copy of them can be found. */
export function markers(tag: string) {
  return {
    name: `Zelda ${tag}name`,
    email: `${tag}mail@marketplace.amazon.de`,
    company: `${tag}company GmbH`,
    street: `${tag}street 12`,
    city: `${tag}city`,
    phone: `+49 30 ${tag}7788`,
    taxId: `DE${tag}TAXID`,
    gift: `Alles Gute, ${tag}gift "Jürgen"!`,
  };
}

export function amazonOrder(m: ReturnType<typeof markers>): CreateOrderInput {
  return {
    salesChannel: { marketplaceId: DE },
    buyer: { buyerName: m.name, buyerEmail: m.email, buyerCompanyName: m.company },
    recipient: {
      deliveryAddress: {
        name: m.name,
        addressLine1: m.street,
        city: m.city,
        postalCode: '10115',
        countryCode: 'DE',
        phone: m.phone,
      },
    },
    tax: { taxRegistrations: [{ entityType: 'BUYER', taxRegistrationType: 'VAT', taxRegistrationNumber: m.taxId }] },
    orderItems: [
      {
        quantityOrdered: 1,
        product: { sellerSku: 'BOTTLE-750-SS' },
        fulfillment: { packing: { giftOption: { giftMessage: m.gift, giftWrapLevel: 'CLASSIC' } } },
      },
    ],
  };
}

/** Every text of every row of every table, as one string per table. */
export async function everyTable(db: Kysely<Database>, dialect: string): Promise<Map<string, string>> {
  const tables =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const dump = new Map<string, string>();
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    // Column texts as stored (JSON columns hold a value JSON-escaped once).
    dump.set(name, rows.rows.flatMap((row) => Object.values(row).map(String)).join('\n'));
  }
  return dump;
}

export const tablesHolding = (dump: Map<string, string>, values: string[]): string[] =>
  [...dump].flatMap(([table, text]) =>
    values
      .filter((v) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)))
      .map((v) => `${table}: ${v}`),
  );

/** The daily job as a server runs it, in an app whose clock is `days` ahead; returns that app (to close). */
export async function runPurgeJob(databaseUrl: string, days: number): Promise<App> {
  const clock = new ManualClock(new Date(Date.now() + days * DAY_MS).toISOString());
  const later = await openApp(testConfig(databaseUrl), { logger: silentLogger, clock });
  const worker = new SyncWorker(later, later.jobs);
  const handler = worker.handlers[PURGE_BUYER_DATA_JOB];
  if (!handler) throw new Error('no purge handler');
  await later.jobs.enqueue(PURGE_BUYER_DATA_JOB, {});
  expect(await later.jobs.drain({ [PURGE_BUYER_DATA_JOB]: handler })).toBe(1);
  return later;
}
