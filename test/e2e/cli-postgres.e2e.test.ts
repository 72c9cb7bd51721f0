import { describeCli } from './support/cli-suite.js';

// The CLI suite on PostgreSQL (TEST_DATABASE_URL); cli.e2e.test.ts runs it on SQLite in a parallel fork.
describeCli('postgres');
