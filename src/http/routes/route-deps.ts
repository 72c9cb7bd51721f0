import type { App } from '../../app/app-context.js';

/** What route handlers may use: the app's services and the job queue, never SQL. */
export interface RouteDeps {
  app: App;
  /** Queues an order pull for the connection (de-duplicated) and returns the job id. */
  requestSync(connectionId: string): Promise<string>;
  /** The built-in Amazon sandbox's URL when this process runs it (`start`), offered in the wizard. */
  amazonSandboxUrl?: string;
}
