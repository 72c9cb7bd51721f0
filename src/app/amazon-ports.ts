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

  async forConnection(connection: Connection): Promise<AmazonOrdersPort> {
    const cached = this.cache.get(connection.id);
    if (cached && cached.version === connection.updatedAt) return cached.port;
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
    const client = new AmazonOrdersClient(transport);
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
}
