import { loadConfig } from '../config/env.js';
import { openApp, type App } from '../app/app-context.js';
import { fail } from './output.js';

/** Opens the app for one command and always closes it (so SQLite is left clean). */
export async function withApp<T>(json: boolean, fn: (app: App) => Promise<T>): Promise<T> {
  let app: App | null = null;
  try {
    app = await openApp(loadConfig());
    return await fn(app);
  } catch (error) {
    return fail(error, json);
  } finally {
    await app?.close();
  }
}
