import type { JobEvent, JobEventListener } from './job-queue.js';

/** Fan-out of job events to subscribers (logs, UI progress, tests); a failing listener is ignored. */
export class JobEventHub {
  private readonly listeners = new Set<JobEventListener>();

  on(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not change the job's outcome.
      }
    }
  }
}
