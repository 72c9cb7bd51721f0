import type { Logger } from '../lib/logger.js';

/** The whole stop may take this long; then the process exits anyway (jobs were handed back before). */
const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * SIGTERM/SIGINT for `serve` and `worker`: run `stop` (the job runner hands its running jobs back
 * to the queue, the HTTP server closes, then the database) and exit 0 when everything closed
 * cleanly. A second signal, or the deadline, ends the process at once (exit 1).
 */
export function onStopSignal(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ signal }, 'shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
