import { spawn } from 'node:child_process';
import { bundleForNode, type NodeBundle } from '../../helpers/node-bundle.js';

/**
 * Child processes running store-worker-child.ts (the store-side jobs of one database) for kill
 * tests. Bundled once per test file: `node --import tsx` needs ~3 s to start the app, the bundle
 * under 1 s.
 */
export function bundleStoreWorker(label: string): Promise<NodeBundle> {
  return bundleForNode(new URL('./store-worker-child.ts', import.meta.url).pathname, `orderbridge-${label}`);
}

export interface StoreWorker {
  /** The job runner's worker id (jobs.locked_by). */
  workerId: string;
  ready: Promise<void>;
  exited: Promise<void>;
  readonly alive: boolean;
  kill(signal: NodeJS.Signals): void;
}

let started = 0;

/** Starts a worker on `database`; `ready` resolves once its job runner runs. */
export function startStoreWorker(bundle: NodeBundle, database: string): StoreWorker {
  const workerId = `store-worker-${process.pid}-${(started += 1)}`;
  const proc = spawn(process.execPath, [bundle.path, database, workerId], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let alive = true;
  const exited = new Promise<void>((resolve) =>
    proc.on('exit', () => {
      alive = false;
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready after 20 s:\n${out}`)), 20_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`worker exited before it was ready:\n${out}`));
    });
  });
  ready.catch(() => undefined);
  return {
    workerId,
    ready,
    exited,
    get alive() {
      return alive;
    },
    kill: (signal) => proc.kill(signal),
  };
}
