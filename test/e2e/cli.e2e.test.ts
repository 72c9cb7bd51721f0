import { describeCli } from './support/cli-suite.js';

// The CLI suite on SQLite; cli-postgres.e2e.test.ts runs it on PostgreSQL in a parallel fork.
describeCli('sqlite');
