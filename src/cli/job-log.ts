import type { JobQueue } from '../jobs/job-queue.js';
import { toAppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';

/**
 * What this process's job runner does, in its log: each job run at debug (so an operator can see
 * which process ran what), retries at info, jobs given up at warn, runner trouble at error.
 * Errors are logged by code and message only (no payloads, no stack with request data).
 */
export function logJobEvents(queue: JobQueue, logger: Logger): () => void {
  const brief = (error: unknown) => {
    const e = toAppError(error);
    return { code: e.code, message: e.message };
  };
  return queue.onEvent((event) => {
    switch (event.type) {
      case 'started':
        return logger.debug({ job: { id: event.job.id, name: event.job.name } }, 'job started');
      case 'succeeded':
        return logger.debug(
          { job: { id: event.job.id, name: event.job.name }, durationMs: event.durationMs },
          'job succeeded',
        );
      case 'retry':
        return logger.info(
          { job: { id: event.job.id, name: event.job.name }, delayMs: event.delayMs, error: brief(event.error) },
          'job will be retried',
        );
      case 'failed':
        return logger.warn(
          { job: { id: event.job.id, name: event.job.name }, state: event.state, error: brief(event.error) },
          'job failed',
        );
      case 'runner_error':
        return logger.error({ error: brief(event.error) }, 'job runner error');
    }
  });
}
