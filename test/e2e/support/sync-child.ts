// A separate process that runs one order pull and exits; the crash test SIGKILLs it at random points.
import { openTestApp } from '../../helpers/test-app.js';

const [database, connectionId] = process.argv.slice(2);
if (!database || !connectionId) throw new Error('usage: sync-child <database> <connectionId>');
const app = await openTestApp(database);
const result = await app.importOrders(connectionId, { trigger: 'cli' });
await app.close();
process.stdout.write(`${JSON.stringify(result.ok ? result.value : { error: result.error.code })}\n`);
