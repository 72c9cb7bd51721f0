import { LwaTokenCache } from '../amazon/lwa-token-cache.js';
import { LwaTokenProvider } from '../amazon/lwa-token-provider.js';
import { NO_RETRY } from '../amazon/retry-policy.js';
import { adaptOrder } from '../amazon/order-adapter.js';
import { AmazonOrdersClient } from '../amazon/orders-client.js';
import { MemoryRateBudgets, type RateBudgets } from '../amazon/rate-limit-registry.js';
import { SharedRateBudgets } from '../amazon/shared-rate-budgets.js';
import { SpApiTransport } from '../amazon/sp-api-transport.js';
import { dialectOf } from '../db/dialect.js';
import { RateBudgetRepository } from '../db/rate-budget.repository.js';
import type { Database } from '../db/schema.js';
import type { Connection } from '../domain/connection.js';
import type { Result } from '../lib/result.js';
import type { OutboundPolicy } from '../net/outbound-policy.js';
import { IMPORT_INCLUDED_DATA } from '../sync/order-completeness.js';
import type { Kysely } from 'kysely';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { ConnectionService } from '../sync/connection.service.js';
import type { AmazonOrdersPort } from '../sync/ports.js';
import type { AmazonWriteBackPort } from '../sync/write-back-ports.js';
import { createAmazonWriteBack } from './amazon-write-back.js';

/**
 * The installation's Amazon rate budgets: in the database on PostgreSQL, where any number of
 * `serve` and `worker` processes call Amazon for one seller; in memory on SQLite (one process).
 */
export function createRateBudgets(db: Kysely<Database>, clock: Clock): RateBudgets {
  if (dialectOf(db) === 'postgres') return new SharedRateBudgets(new RateBudgetRepository(db), clock);
  return new MemoryRateBudgets(clock);
}

/**
 * Builds the Amazon side of a connection once and reuses it: the LWA token stays cached. Every
 * transport (pulls, Synchronize Orders, Test connection, write-backs) spends the same budgets.
 */
export class AmazonPorts {
  private readonly cache = new Map<string, { version: string; port: AmazonOrdersPort }>();

  constructor(
    private readonly connections: ConnectionService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Custom (non-Amazon) SP-API/LWA URLs only when the installation allows them, checked at every use. */
    private readonly endpoints: Pick<OutboundPolicy, 'checkAmazonUrl'> | null,
    /** From `createRateBudgets`: one budget per (seller account, application, operation). */
    private readonly budgets: RateBudgets,
  ) {}

  /** Throws before any call (the LWA call posts the app's secret) when an endpoint is not allowed now. */
  private async assertEndpointsAllowed(connection: Connection): Promise<void> {
    for (const field of ['spApiBaseUrl', 'lwaUrl'] as const) {
      const allowed = await this.endpoints?.checkAmazonUrl(connection[field], field);
      if (allowed && !allowed.ok) throw allowed.error;
    }
  }

  private readonly transports = new Map<string, { version: string; transport: SpApiTransport }>();

  /** One transport per connection version: its LWA token and call stats live as long as the connection. */
  private async transportFor(connection: Connection): Promise<SpApiTransport> {
    const cached = this.transports.get(connection.id);
    if (cached && cached.version === connection.updatedAt) return cached.transport;
    const transport = await this.newTransport(connection, {
      onCall: (call) => this.logger.debug({ connectionId: connection.id, ...call }, 'amazon call'),
    });
    this.transports.set(connection.id, { version: connection.updatedAt, transport });
    return transport;
  }

  /** A transport with the connection's credentials; `probe` gives it its own token cache and no retries. */
  private async newTransport(
    connection: Connection,
    options: { probe?: boolean; onCall?: ConstructorParameters<typeof SpApiTransport>[0]['onCall'] },
  ): Promise<SpApiTransport> {
    const secrets = await this.connections.secretsOf(connection.id);
    const lwa = new LwaTokenProvider(
      { lwaUrl: connection.lwaUrl, clientId: connection.clientId, ...secrets },
      this.clock,
      ...(options.probe ? [{ cache: new LwaTokenCache() }] : []),
    );
    return new SpApiTransport({
      account: { sellerId: connection.sellerId, region: connection.region, applicationId: connection.clientId },
      spApiBaseUrl: connection.spApiBaseUrl,
      lwa,
      budgets: this.budgets,
      clock: this.clock,
      ...(options.onCall && { onCall: options.onCall }),
      ...(options.probe && { retry: NO_RETRY, timeoutMs: 20_000 }),
    });
  }

  async forConnection(connection: Connection): Promise<AmazonOrdersPort> {
    await this.assertEndpointsAllowed(connection);
    const cached = this.cache.get(connection.id);
    if (cached && cached.version === connection.updatedAt) return cached.port;
    const client = new AmazonOrdersClient(await this.transportFor(connection));
    const port: AmazonOrdersPort = {
      searchOrders: (p) =>
        client.searchOrders({
          lastUpdatedAfter: p.lastUpdatedAfter,
          marketplaceIds: p.marketplaceIds,
          includedData: p.includedData,
          maxResultsPerPage: p.maxResultsPerPage,
          paginationToken: p.paginationToken,
        }),
      getOrder: (id, included) => client.getOrder(id, included),
      adaptOrder,
      stats: () => client.stats(),
    };
    this.cache.set(connection.id, { version: connection.updatedAt, port });
    return port;
  }

  /**
   * Test connection (PRODUCT.md §4 step 3): one cheap authenticated call — searchOrders for the last
   * hour, one result, with the data sets the import asks for (so a missing role shows now). A fresh
   * LWA exchange (own token cache) and no retries: the answer is about the credentials as saved.
   */
  async probe(connection: Connection): Promise<Result<unknown>> {
    await this.assertEndpointsAllowed(connection);
    const transport = await this.newTransport(connection, { probe: true });
    return new AmazonOrdersClient(transport).searchOrders({
      lastUpdatedAfter: new Date(this.clock.now().getTime() - 3_600_000).toISOString(),
      marketplaceIds: [connection.marketplaceId],
      includedData: IMPORT_INCLUDED_DATA,
      maxResultsPerPage: 1,
    });
  }

  /** Shipments, feeds and listings of a connection (the write-back to Amazon). */
  async writeBackFor(connection: Connection): Promise<AmazonWriteBackPort> {
    await this.assertEndpointsAllowed(connection);
    return createAmazonWriteBack(connection, await this.transportFor(connection));
  }
}
