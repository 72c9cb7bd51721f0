import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePortBlock, freeSandboxPort } from '../../helpers/free-ports.js';
import { cliNodeArgs } from '../../helpers/node-bundle.js';

export interface RunningOrderBridge {
  baseUrl: string;
  admin: { email: string; password: string };
  /** The process's data directory (its SQLite file, secret key). */
  dataDir: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Removes the walk's PostgreSQL schema (`?schema=` of the URL). */
async function dropSchema(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  if (!schema) return;
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema.replaceAll('"', '')}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * `npm start` as a newcomer runs it: a fresh data directory, SQLite, the demo. Resolves once the
 * server listens, with the administrator's credentials read from what it printed (once).
 */
export async function startOrderBridge(options: { databaseUrl?: string } = {}): Promise<RunningOrderBridge> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-browser-'));
  const [httpPort, sandboxPort] = [await freePortBlock(1), await freeSandboxPort()];
  // The quick start runs on SQLite; with `databaseUrl` (a fresh ?schema=) the same walk runs on PostgreSQL.
  const { DATABASE_URL: _embedded, ...env } = process.env;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child: ChildProcess = spawn(process.execPath, [...cliNodeArgs(), 'start'], {
    env: {
      ...env,
      ORDERBRIDGE_DATA_DIR: dataDir,
      ORDERBRIDGE_HTTP_PORT: String(httpPort),
      ORDERBRIDGE_SANDBOX_PORT: String(sandboxPort),
      ORDERBRIDGE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (options.databaseUrl) await dropSchema(options.databaseUrl);
  };
  const deadline = Date.now() + 60_000;
  while (!/password\s+\S+/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`OrderBridge did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const email = /email\s+(\S+)/.exec(out)?.[1] ?? '';
  const password = /password\s+(\S+)/.exec(out)?.[1] ?? '';
  return { baseUrl: `http://127.0.0.1:${httpPort}`, admin: { email, password }, dataDir, output: () => out, stop };
}
