// One OrderBridge worker process of the roundtrip benchmark: job runner + schedules + a sync request
// every 2 s. The benchmark SIGKILLs it at random moments and starts a new one. Same configuration
// as the benchmark's own app (the sandboxes run on 127.0.0.1).
import { SyncWorker } from '../../src/app/sync-worker.js';
import { openBenchApp } from '../roundtrip-setup.js';

const [dataDir, connectionId, databaseUrl] = process.argv.slice(2);
if (!dataDir || !connectionId) throw new Error('usage: roundtrip-worker <dataDir> <connectionId> [databaseUrl]');
const app = await openBenchApp(dataDir, databaseUrl);
const worker = new SyncWorker(app, app.jobs);
await worker.start(4);
setInterval(() => void worker.requestSync(connectionId, 'schedule').catch(() => undefined), 2_000);
process.stdout.write('ready\n');
