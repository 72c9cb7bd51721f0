import { InvalidArgumentError, type Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { openApp, type App } from '../../app/app-context.js';
import { SyncWorker } from '../../app/sync-worker.js';
import { loadConfig } from '../../config/env.js';
import { buildHealthServer } from '../../http/routes/health.routes.js';
import { fail } from '../output.js';
import { onStopSignal } from '../stop-signal.js';
import { logJobEvents } from '../job-log.js';

interface WorkerOptions {
  concurrency?: number;
  healthPort?: number;
  healthHost: string;
}

/**
 * A jobs-only process: the same handlers and schedules as `serve`'s runner (order pulls, store
 * polls, deliveries, write-back, buyer data retention), no web app or REST API.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const config = loadConfig();
  let app: App | null = null;
  try {
    app = await openApp(config);
    const concurrency = options.concurrency ?? config.workerConcurrency;
    const worker = new SyncWorker(app, app.jobs);
    logJobEvents(app.jobs, app.logger);
    await worker.start(concurrency);
    let health: FastifyInstance | null = null;
    if (options.healthPort !== undefined) {
      health = await buildHealthServer(app);
      await health.listen({ port: options.healthPort, host: options.healthHost });
    }
    const lines = [
      `OrderBridge worker is running on ${app.dialect === 'sqlite' ? `SQLite (${config.sqlitePath})` : 'PostgreSQL'}`,
      `  Jobs       concurrency ${concurrency} (pid ${process.pid})`,
    ];
    if (health) {
      const address = health.server.address();
      const port = typeof address === 'object' && address ? address.port : options.healthPort;
      lines.push(`  Health     http://${options.healthHost}:${port}/health   ready: /ready`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    const running = app;
    const healthServer = health;
    onStopSignal(async () => {
      // Running jobs finish or go back to the queue before the database closes.
      await Promise.all([worker.stop(), healthServer?.close()]);
      await running.close();
    }, running.logger);
  } catch (error) {
    await app?.close();
    fail(error, false);
  }
}

/** A whole number within [min, max] from the command line (commander names the option on error). */
const integerOption =
  (min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run jobs only (order pulls, store polls, deliveries, write-back), no web app or REST API')
    .option(
      '--concurrency <n>',
      'jobs run at once by this process (default ORDERBRIDGE_WORKER_CONCURRENCY, 4)',
      integerOption(1, 64),
    )
    .option(
      '--health-port <port>',
      'also answer GET /health and GET /ready on this port (for orchestrators)',
      integerOption(0, 65535),
    )
    .option('--health-host <host>', 'address for --health-port', '127.0.0.1')
    .addHelpText(
      'after',
      '\nRun any number of workers against one PostgreSQL database (DATABASE_URL) next to `serve --no-worker`;\n' +
        'each job runs in one process at a time, and a stopped or killed worker hands its jobs to the others.\n' +
        'SIGTERM/SIGINT: running jobs finish or go back to the queue, then the process exits.',
    )
    .action((opts: WorkerOptions) => runWorker(opts));
}
