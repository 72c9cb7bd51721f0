import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { openApp, type App } from '../../app/app-context.js';
import { SyncWorker } from '../../app/sync-worker.js';
import { buildHttpServer } from '../../http/http-server.js';
import { fail } from '../output.js';
import { startDemo, type Demo } from '../../app/demo.js';
import { ensureFirstAdmin, firstAdminLines } from '../../app/first-start.js';

/** Starts the job runner and the REST API; with `demo`, also the sandbox and its ready connection. */
export async function runServer(options: { demo: boolean }): Promise<void> {
  const config = loadConfig();
  let app: App | null = null;
  try {
    app = await openApp(config);
    const firstAdmin = await ensureFirstAdmin(app.accounts.deps.users, app.accounts.users, {
      email: config.adminEmail,
      password: config.adminPassword,
    });
    const demo: Demo | null = options.demo ? await startDemo(app) : null;
    const worker = new SyncWorker(app, app.jobs);
    await worker.start(config.workerConcurrency);
    const server = await buildHttpServer({
      app,
      requestSync: (id) => worker.requestSync(id),
      ...(demo && { amazonSandboxUrl: demo.sandboxUrl }),
    });
    await server.listen({ port: config.httpPort, host: config.httpHost });
    const base = `http://${config.httpHost}:${config.httpPort}`;
    const lines = [
      `OrderBridge is running on ${app.dialect === 'sqlite' ? `SQLite (${config.sqlitePath})` : 'PostgreSQL'}`,
      `  Web app    ${base}/`,
      `  REST API   ${base}/api/orders   (OpenAPI ${base}/openapi.json, docs ${base}/docs)`,
    ];
    if (demo) {
      await worker.requestSync(demo.connectionId, 'startup');
      lines.push(
        `  Amazon sandbox ${demo.sandboxUrl} with connection "${demo.connectionName}" (active; importing now)`,
        `  WooCommerce sandbox ${demo.storeUrl}: orders are delivered there; ship or cancel them with its control API`,
        `    (curl -X POST ${demo.storeUrl}/_sandbox/orders/<id>/ship -H 'content-type: application/json' -d '{"trackingNumber":"T1","customProvider":"My Courier"}')`,
        `  Try: npm run orderbridge -- orders list     npm run orderbridge -- sync ${demo.connectionName}`,
      );
    }
    if (firstAdmin) lines.push(...firstAdminLines(firstAdmin, `${base}/login`));
    process.stdout.write(`${lines.join('\n')}\n`);
    const running = app;
    onStopSignal(async () => {
      // Job runner and HTTP server together; the sandboxes and the database last (running jobs use them).
      await Promise.all([worker.stop(), server.close()]);
      await demo?.stop();
      await running.close();
    }, running);
  } catch (error) {
    await app?.close();
    fail(error, false);
  }
}

/** The whole stop may take this long; then the process exits anyway (jobs were handed back before). */
const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * SIGTERM/SIGINT: stop within seconds, exit 0 when everything closed cleanly. A second signal, or
 * the deadline, ends the process at once (exit 1).
 */
function onStopSignal(stop: () => Promise<void>, app: App): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.logger.error({ signal }, 'shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the job runner (scheduled order pulls) and the REST API')
    .action(() => runServer({ demo: false }));
  program
    .command('start')
    .description(
      'quick start: serve, plus the built-in Amazon sandbox and a ready demo connection (ORDERBRIDGE_DEMO=false to skip)',
    )
    .action(() => runServer({ demo: loadConfig().demo }));
}
