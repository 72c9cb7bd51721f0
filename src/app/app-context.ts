import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../config/env.js';
import { AuditLogRepository } from '../db/audit-log.repository.js';
import { ConnectionRepository } from '../db/connection.repository.js';
import { createDatabase } from '../db/database.js';
import { OrderRepository } from '../db/order.repository.js';
import type { Database } from '../db/schema.js';
import { SkuLinkRepository } from '../db/sku-link.repository.js';
import { createJobQueue } from '../jobs/create-job-queue.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { SyncRunRepository } from '../db/sync-run.repository.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { createLogger, type Logger } from '../lib/logger.js';
import type { Result } from '../lib/result.js';
import { ConnectionService } from '../sync/connection.service.js';
import { ensureSellerPull, importOrders, pullSellerAccount, type ImportOptions } from '../sync/import-orders.js';
import { SellerPullRepository, type SellerPull } from '../db/seller-pull.repository.js';
import type { ImportSummary } from '../sync/import-run.js';
import { OrderQueryService } from '../sync/order-query.service.js';
import { enqueueDelivery, type StoreSideDeps } from '../sync/store-side-deps.js';
import { StoreService } from '../sync/store.service.js';
import { StoreSideService } from '../sync/store-side.service.js';
import { storeSideHandlers } from './store-side-jobs.js';
import { CancellationRepository } from '../db/cancellation.repository.js';
import { OrderStoreRepository } from '../db/order-store.repository.js';
import { ShipmentRepository } from '../db/shipment.repository.js';
import { StockRepository } from '../db/stock.repository.js';
import { StoreRepository } from '../db/store.repository.js';
import { PlanRepository } from '../db/plan.repository.js';
import { DEFAULT_PLANS } from '../domain/plan.js';
import { PlanService } from '../sync/plan.service.js';
import { createHubPort } from './hub-port.js';
import { AmazonPorts, createRateBudgets } from './amazon-ports.js';
import { ensureDefaultAccount, DEFAULT_ACCOUNT_ID } from './default-account.js';
import { loadSecretBox } from './secret-key.js';
import { AccountRepository } from '../db/account.repository.js';
import { ApiTokenRepository } from '../db/api-token.repository.js';
import { LoginThrottleRepository } from '../db/login-throttle.repository.js';
import { SessionRepository } from '../db/session.repository.js';
import { UserRepository } from '../db/user.repository.js';
import type { AccountDeps } from '../accounts/auth-deps.js';
import { AuthService } from '../accounts/auth.service.js';
import { UserService } from '../accounts/user.service.js';
import { ApiTokenService } from '../accounts/api-token.service.js';
import { AccountService } from '../accounts/account.service.js';
import { AmazonAuthorizationRepository } from '../db/amazon-authorization.repository.js';
import type { Connection } from '../domain/connection.js';
import { AmazonAuthorizationService } from '../sync/amazon-authorization.service.js';
import { testConnection, type ConnectionTestResult } from '../sync/connection-test.js';
import type { ResolveHost } from '../net/guarded-agent.js';
import type { NetworkSettings } from '../sync/network-settings.service.js';
import { createOutbound } from './outbound.js';
import { BuyerDataRepository } from '../db/buyer-data.repository.js';
import { InstallationSettingsRepository } from '../db/installation-settings.repository.js';
import { BuyerDataRetentionService } from '../sync/buyer-data-retention.service.js';
import { purgeBuyerData } from '../sync/purge-buyer-data.js';

/** Everything a command or the server needs, wired once (the composition root). */
export interface App {
  config: AppConfig;
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  logger: Logger;
  clock: Clock;
  accountId: string;
  connections: ConnectionService;
  stores: StoreService;
  /** The store side's repositories, connectors and Amazon write-back (src/sync/store-side-deps.ts). */
  storeSide: StoreSideDeps;
  storeSideService: StoreSideService;
  plans: PlanService;
  /** Installation-wide network allowances (custom Amazon endpoints, private store addresses). */
  network: NetworkSettings;
  /** Connect with Amazon: consent URL and callback (PRODUCT.md §4). */
  amazonAuthorization: AmazonAuthorizationService;
  /** Test connection: one cheap authenticated call, a clear message per failure. */
  testConnection(connection: Connection): Promise<ConnectionTestResult>;
  /** Accounts, users, sessions, API tokens and the audit log (src/accounts/). */
  accounts: AccountServices;
  /** Runs every due store-side job (delivery, write-back, polls) to its end; for the CLI and tests. */
  runStoreJobs(): Promise<number>;
  orders: OrderQueryService;
  syncRuns: SyncRunRepository;
  /** Durable jobs: graphile-worker on PostgreSQL, the embedded runner on SQLite (ORDERBRIDGE_JOB_ENGINE overrides). */
  jobs: JobQueue;
  /** Synchronize Orders for a connection: runs its seller account's pull (src/sync/seller-pull.ts). */
  importOrders(connectionId: string, options: ImportOptions): Promise<Result<ImportSummary>>;
  /** Connections of one Amazon seller account are pulled together, one cursor per seller account. */
  sellerPulls: {
    repository: SellerPullRepository;
    /** The seller pull of the connection's seller account (created on first use). */
    ensure(connection: Connection): Promise<SellerPull>;
    /** Catch-up pulls of connections activated later, then the shared pull; one summary per run. */
    pull(sellerPullId: string, options: ImportOptions): Promise<Result<ImportSummary[]>>;
  };
  /** Buyer personal data retention: per-account days under the administrators' cap (PRODUCT.md §12). */
  retention: BuyerDataRetentionService;
  /** Removes buyer personal data of orders past retention (the daily job); returns how many. */
  purgeBuyerData(signal?: AbortSignal): Promise<number>;
  close(): Promise<void>;
}

export interface AccountServices {
  deps: AccountDeps;
  auth: AuthService;
  users: UserService;
  tokens: ApiTokenService;
  accounts: AccountService;
}

export async function openApp(
  config: AppConfig,
  options: { logger?: Logger; clock?: Clock; resolveHost?: ResolveHost } = {},
): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const database = await createDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { sqlitePath: config.sqlitePath },
  );
  const db = database.db;
  const planRepo = new PlanRepository(db);
  await planRepo.ensure(DEFAULT_PLANS, clock.nowIso());
  await ensureDefaultAccount(db, clock.nowIso());
  const secretBox = loadSecretBox(config.secretKey, config.dataDir);
  const connectionRepo = new ConnectionRepository(db);
  const orderRepo = new OrderRepository(db);
  const syncRuns = new SyncRunRepository(db);
  const skuLinks = new SkuLinkRepository(db);
  const audit = new AuditLogRepository(db);
  const storeRepo = new StoreRepository(db);
  const { network, outbound } = createOutbound(db, audit, clock, config, options.resolveHost);
  const connections = new ConnectionService(
    connectionRepo,
    skuLinks,
    audit,
    secretBox,
    clock,
    storeRepo,
    planRepo,
    { clientId: config.lwaClientId, clientSecret: config.lwaClientSecret },
    outbound,
  );
  const amazon = new AmazonPorts(connections, clock, logger, outbound, createRateBudgets(db, clock));
  const jobs = createJobQueue(db, database.dialect, {
    clock,
    databaseUrl: config.databaseUrl,
    engine: config.jobEngine,
  });
  const stock = new StockRepository(db);
  const stores = new StoreService(
    storeRepo,
    audit,
    secretBox,
    clock,
    createHubPort({ db, jobs, stock, storeRepo, clock }),
    outbound,
    // Stores subscribe their webhooks only to an address OrderBridge was told it is reachable at.
    config.publicUrlConfigured ? config.publicUrl : null,
  );
  const storeSide: StoreSideDeps = {
    db,
    outbound,
    orders: orderRepo,
    orderStore: new OrderStoreRepository(db),
    shipments: new ShipmentRepository(db),
    cancellations: new CancellationRepository(db),
    stock,
    plans: planRepo,
    stores: storeRepo,
    skuLinks,
    connections: connectionRepo,
    jobs,
    clock,
    logger,
    connectorFor: (storeId) => stores.connectorFor(storeId),
    openSecrets: (storeId) => stores.openSecrets(storeId),
    amazonFor: async (connectionId) => {
      const connection = await connectionRepo.findById(connectionId);
      if (!connection) throw new Error(`connection ${connectionId} not found`);
      return amazon.writeBackFor(connection);
    },
  };
  const plans = new PlanService(storeSide, audit);
  const accountDeps: AccountDeps = {
    accounts: new AccountRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    tokens: new ApiTokenRepository(db),
    throttle: new LoginThrottleRepository(db),
    audit,
    clock,
  };
  const users = new UserService(accountDeps);
  const owner = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  const retention = new BuyerDataRetentionService(db, new InstallationSettingsRepository(db), audit, clock);
  const sellerPulls = new SellerPullRepository(db);
  const importDeps = {
    db,
    connections: connectionRepo,
    sellerPulls,
    orders: orderRepo,
    syncRuns,
    skuLinks,
    amazonFor: amazon.forConnection.bind(amazon),
    clock,
    logger,
    owner,
    // The outbox: a changed order's delivery is queued in the transaction that stores it.
    onOrderChanged: async (trx: Kysely<Database>, orderId: string, connection: { storeId: string | null }) => {
      if (connection.storeId) await enqueueDelivery(storeSide, orderId, connection.storeId, trx);
    },
  };
  return {
    config,
    db,
    dialect: database.dialect,
    logger,
    clock,
    accountId: DEFAULT_ACCOUNT_ID,
    connections,
    stores,
    storeSide,
    storeSideService: new StoreSideService(storeSide),
    plans,
    amazonAuthorization: new AmazonAuthorizationService(
      new AmazonAuthorizationRepository(db),
      connections,
      audit,
      clock,
      config,
      undefined,
      outbound,
    ),
    network,
    testConnection: (connection) => testConnection(connection, (c) => amazon.probe(c), clock),
    accounts: {
      deps: accountDeps,
      auth: new AuthService(accountDeps),
      users,
      tokens: new ApiTokenService(accountDeps),
      accounts: new AccountService(
        accountDeps,
        plans,
        users,
        async (id) => (await connectionRepo.list(id)).length,
        (id) => plans.heldByQuota(id),
      ),
    },
    runStoreJobs: () => jobs.drain(storeSideHandlers(storeSide)),
    orders: new OrderQueryService(connectionRepo, orderRepo, storeSide),
    syncRuns,
    jobs,
    importOrders: (connectionId, opts) => importOrders(importDeps, connectionId, opts),
    sellerPulls: {
      repository: sellerPulls,
      ensure: (connection) => ensureSellerPull(importDeps, connection),
      pull: (sellerPullId, opts) => pullSellerAccount(importDeps, sellerPullId, opts),
    },
    retention,
    purgeBuyerData: (signal) =>
      purgeBuyerData({ buyerData: new BuyerDataRepository(db), retention, clock, logger, signal }),
    // Stops a started job runner first (graphile-worker holds its own connections).
    close: async () => {
      await jobs.stop();
      await database.close();
    },
  };
}
