import { LwaTokenProvider } from '../amazon/lwa-token-provider.js';
import { adaptOrder } from '../amazon/order-adapter.js';
import { AmazonOrdersClient } from '../amazon/orders-client.js';
import { RateLimitRegistry } from '../amazon/rate-limit-registry.js';
import { SpApiTransport } from '../amazon/sp-api-transport.js';
import type { Connection } from '../domain/connection.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { ConnectionService } from '../sync/connection.service.js';
import type { AmazonOrdersPort } from '../sync/ports.js';
import type { AmazonWriteBackPort } from '../sync/write-back-ports.js';
import { createAmazonWriteBack } from './amazon-write-back.js';

/**
 * Builds the Amazon side of a connection once and reuses it: the LWA token stays cached and the
 * token buckets (one registry for the whole process) keep their state between runs.
 */
export class AmazonPorts {
  private readonly limits: RateLimitRegistry;
  private readonly cache = new Map<string, { version: string; port: AmazonOrdersPort }>();

  constructor(
    private readonly connections: ConnectionService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.limits = new RateLimitRegistry(clock);
  }

  private readonly transports = new Map<string, { version: string; transport: SpApiTransport }>();

  /** One transport per connection version: its LWA token and call stats live as long as the connection. */
  private async transportFor(connection: Connection): Promise<SpApiTransport> {
    const cached = this.transports.get(connection.id);
    if (cached && cached.version === connection.updatedAt) return cached.transport;
    const secrets = await this.connections.secretsOf(connection.id);
    const lwa = new LwaTokenProvider(
      { lwaUrl: connection.lwaUrl, clientId: connection.clientId, ...secrets },
      this.clock,
    );
    const transport = new SpApiTransport({
      sellerId: connection.sellerId,
      spApiBaseUrl: connection.spApiBaseUrl,
      lwa,
      limits: this.limits,
      clock: this.clock,
      onCall: (call) => this.logger.debug({ connectionId: connection.id, ...call }, 'amazon call'),
    });
    this.transports.set(connection.id, { version: connection.updatedAt, transport });
    return transport;
  }

  async forConnection(connection: Connection): Promise<AmazonOrdersPort> {
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

  /** Shipments, feeds and listings of a connection (the write-back to Amazon). */
  async writeBackFor(connection: Connection): Promise<AmazonWriteBackPort> {
    return createAmazonWriteBack(connection, await this.transportFor(connection));
  }
}
