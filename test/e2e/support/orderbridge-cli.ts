import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDialect } from '../../helpers/databases.js';
import { cliNodeArgs } from '../../helpers/node-bundle.js';
import { TEST_SECRET_KEY } from '../../helpers/test-app.js';

/**
 * One OrderBridge installation for real `orderbridge` processes: a data directory and its database
 * (SQLite: the data directory's own file; PostgreSQL: a fresh test schema).
 */
export interface Installation {
  dialect: TestDialect;
  dataDir: string;
  /** For `openTestApp` in the test process: the SQLite file or the PostgreSQL URL. */
  database: string;
  /** DATABASE_URL of the processes (null: SQLite in the data directory). */
  databaseUrl: string | null;
  close(): Promise<void>;
}

export async function createInstallation(dialect: TestDialect): Promise<Installation> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-processes-'));
  const removeDir = (): void => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    const database = path.join(dataDir, 'orderbridge.sqlite');
    return { dialect, dataDir, database, databaseUrl: null, close: () => Promise.resolve(removeDir()) };
  }
  const schema = await createTestDatabase('postgres');
  // The schema is migrated; the test process opens its own app on it.
  return {
    dialect,
    dataDir,
    database: schema.url,
    databaseUrl: schema.url,
    close: async () => {
      await schema.close();
      removeDir();
    },
  };
}

export interface OrderBridgeProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Waits until the output matches `pattern` (fails when the process exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM (or `signal`) unless it already exited; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `orderbridge <args>` as an operator runs it (the CLI, bundled once per test run) on `installation`. */
export function startOrderBridge(
  installation: Installation,
  args: string[],
  extraEnv: Record<string, string> = {},
): OrderBridgeProcess {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  if (installation.databaseUrl) env.DATABASE_URL = installation.databaseUrl;
  const child = spawn(process.execPath, [...cliNodeArgs(), ...args], {
    env: {
      ...env,
      ORDERBRIDGE_DATA_DIR: installation.dataDir,
      ORDERBRIDGE_SECRET_KEY: TEST_SECRET_KEY,
      ORDERBRIDGE_HTTP_PORT: '0',
      ORDERBRIDGE_LOG_LEVEL: 'warn',
      // The sandboxes run on 127.0.0.1, as a self-hoster's simulators would.
      ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'true',
      ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: 'true',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const proc: OrderBridgeProcess = {
    child,
    output: () => out,
    exited,
    waitFor: (pattern, timeoutMs = 30_000) =>
      until(`output ${pattern} of orderbridge ${args.join(' ')}`, () => Promise.resolve(pattern.exec(out)), {
        timeoutMs,
        processes: [proc],
      }),
    stop: async (signal = 'SIGTERM') => {
      if (running()) child.kill(signal);
      return exited;
    },
  };
  return proc;
}

/**
 * Polls `probe` until it returns a value other than null; fails after `timeoutMs`, or at once when
 * one of `processes` exited, with their output in the message.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null>,
  options: { timeoutMs: number; processes?: OrderBridgeProcess[]; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const processes = options.processes ?? [];
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    const dead = processes.find((p) => p.child.exitCode !== null || p.child.signalCode !== null);
    if (Date.now() > deadline || dead) {
      const outputs = processes.map((p) => `--- ${p.child.spawnargs.slice(3).join(' ')}\n${p.output()}`);
      throw new Error(`${what} did not happen${dead ? ' (a process exited)' : ''}:\n${outputs.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

/** The address `serve` printed ("Web app http://host:port/"). */
export async function servedAt(serve: OrderBridgeProcess): Promise<string> {
  const match = await serve.waitFor(/Web app\s+(http:\/\/\S+?)\/\s/);
  return match[1] as string;
}

/** The health address `worker --health-port` printed. */
export async function workerHealthAt(worker: OrderBridgeProcess): Promise<string> {
  const match = await worker.waitFor(/Health\s+(http:\/\/\S+?)\/health/);
  return match[1] as string;
}

interface JobLogEntry {
  msg?: string;
  job?: { id?: string; name?: string };
}

/** The job lines of a process's log (its runner logs them at level debug). */
function jobLog(proc: OrderBridgeProcess): JobLogEntry[] {
  return proc
    .output()
    .split('\n')
    .map(parseLogLine)
    .filter((entry): entry is JobLogEntry => entry?.job?.id !== undefined);
}

function parseLogLine(line: string): JobLogEntry | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as JobLogEntry;
  } catch {
    return null; // a line still being written
  }
}

/** How many `name` jobs the process says it ran (needs log level debug). */
export function jobsSucceeded(proc: OrderBridgeProcess, name: string): number {
  return jobLog(proc).filter((entry) => entry.msg === 'job succeeded' && entry.job?.name === name).length;
}

/** Names of the jobs the process runs right now by its log: started, not yet ended (needs level debug). */
export function jobsRunning(proc: OrderBridgeProcess): string[] {
  const running = new Map<string, string>();
  for (const entry of jobLog(proc)) {
    const { id = '', name = '' } = entry.job ?? {};
    if (entry.msg === 'job started') running.set(id, name);
    else running.delete(id);
  }
  return [...running.values()];
}
