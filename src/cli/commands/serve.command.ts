import { Option, type Command } from 'commander';
import { DEMO_STORE_PLATFORMS, loadConfig, type DemoStorePlatform } from '../../config/env.js';
import { openApp, type App } from '../../app/app-context.js';
import { SyncWorker } from '../../app/sync-worker.js';
import { buildHttpServer } from '../../http/http-server.js';
import { fail } from '../output.js';
import { startDemo, type Demo } from '../../app/demo.js';
import { ensureFirstAdmin, firstAdminLines } from '../../app/first-start.js';
import { onStopSignal } from '../stop-signal.js';
import { logJobEvents } from '../job-log.js';

/**
 * Starts the REST API and web app, and the job runner unless `worker` is false (then `worker`
 * processes run the jobs; Synchronize Orders still queues them). With `demo`, also the sandboxes
 * and a ready connection.
 */
export async function runServer(options: {
  demo: boolean;
  worker: boolean;
  /** The demo's store sandbox; default ORDERBRIDGE_DEMO_STORE. */
  demoStore?: DemoStorePlatform;
}): Promise<void> {
  const config = loadConfig();
  let app: App | null = null;
  try {
    app = await openApp(config);
    const firstAdmin = await ensureFirstAdmin(app.accounts.deps.users, app.accounts.users, {
      email: config.adminEmail,
      password: config.adminPassword,
    });
    const demo: Demo | null = options.demo
      ? await startDemo(app, { store: options.demoStore ?? config.demoStore })
      : null;
    // Without a runner the SyncWorker only enqueues (Synchronize Orders) for the worker processes.
    const worker = new SyncWorker(app, app.jobs);
    if (options.worker) {
      logJobEvents(app.jobs, app.logger);
      await worker.start(config.workerConcurrency);
    }
    const server = await buildHttpServer({
      app,
      requestSync: (id) => worker.requestSync(id),
      ...(demo && { amazonSandboxUrl: demo.sandboxUrl }),
    });
    await server.listen({ port: config.httpPort, host: config.httpHost });
    // The port it got (ORDERBRIDGE_HTTP_PORT=0 picks a free one).
    const address = server.server.address();
    const base = `http://${config.httpHost}:${typeof address === 'object' && address ? address.port : config.httpPort}`;
    const lines = [
      `OrderBridge is running on ${app.dialect === 'sqlite' ? `SQLite (${config.sqlitePath})` : 'PostgreSQL'}`,
      `  Web app    ${base}/`,
      `  REST API   ${base}/api/orders   (OpenAPI ${base}/openapi.json, docs ${base}/docs)`,
      options.worker
        ? `  Jobs       running here (concurrency ${config.workerConcurrency})`
        : '  Jobs       not run here (--no-worker): start `orderbridge worker` processes',
    ];
    if (demo) {
      // The store sandbox runs in this process: it posts its webhooks to the address just bound.
      demo.sendWebhooksTo(base);
      await worker.requestSync(demo.connectionId, 'startup');
      lines.push(
        `  Amazon sandbox ${demo.sandboxUrl} with connection "${demo.connectionName}" (active; importing now)`,
        ...demo.storeLines,
        `  Try: npm run orderbridge -- orders list     npm run orderbridge -- sync ${demo.connectionName}`,
      );
    }
    if (firstAdmin) lines.push(...firstAdminLines(firstAdmin, `${base}/login`));
    process.stdout.write(`${lines.join('\n')}\n`);
    const running = app;
    onStopSignal(async () => {
      // Job runner and HTTP server together; the sandboxes and the database last (running jobs use them).
      await Promise.all([options.worker ? worker.stop() : Promise.resolve(), server.close()]);
      await demo?.stop();
      await running.close();
    }, running.logger);
  } catch (error) {
    await app?.close();
    fail(error, false);
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run the web app and REST API, and the job runner (order pulls, deliveries, write-back) unless --no-worker',
    )
    .option('--no-worker', 'run no jobs here: `orderbridge worker` processes run them (PostgreSQL scale-out)')
    .addHelpText(
      'after',
      '\nAny number of `serve --no-worker` and `worker` processes can share one PostgreSQL database.\n' +
        'GET /health answers while the process runs; GET /ready when the database answers and is migrated.',
    )
    .action((opts: { worker: boolean }) => runServer({ demo: false, worker: opts.worker }));
  program
    .command('start')
    .description(
      'quick start: serve, plus the built-in Amazon sandbox and a ready demo connection (ORDERBRIDGE_DEMO=false to skip)',
    )
    .addOption(
      new Option(
        '--store <platform>',
        "the demo's store sandbox (default: ORDERBRIDGE_DEMO_STORE, else woocommerce)",
      ).choices(DEMO_STORE_PLATFORMS),
    )
    .action((opts: { store?: DemoStorePlatform }) =>
      runServer({ demo: loadConfig().demo, worker: true, ...(opts.store && { demoStore: opts.store }) }),
    );
}
