// One OrderBridge worker process of the roundtrip benchmark: job runner + schedules + a sync request
// every 2 s. The benchmark SIGKILLs it at random moments and starts a new one.
import { openApp } from '../../src/app/app-context.js';
import { SyncWorker } from '../../src/app/sync-worker.js';
import { loadConfig } from '../../src/config/env.js';
import { silentLogger } from '../../src/lib/logger.js';

const [dataDir, connectionId, databaseUrl] = process.argv.slice(2);
if (!dataDir || !connectionId) throw new Error('usage: roundtrip-worker <dataDir> <connectionId> [databaseUrl]');
const config = loadConfig({
  ORDERBRIDGE_DATA_DIR: dataDir,
  ORDERBRIDGE_SECRET_KEY: 'b'.repeat(64),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const app = await openApp(config, { logger: silentLogger });
const worker = new SyncWorker(app, app.jobs);
await worker.start(4);
setInterval(() => void worker.requestSync(connectionId, 'schedule').catch(() => undefined), 2_000);
process.stdout.write('ready\n');
