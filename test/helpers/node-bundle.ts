import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * The `orderbridge` CLI (src/cli/main.ts) bundled once per test run for the tests that start it as
 * a process. `node --import tsx` transpiles the app on every start (3–9 s of CPU on a busy 2-core
 * machine); the bundle starts in about a second. The bundle is the same code: npm packages stay
 * external, and every `import.meta.url` keeps its source file's URL so files the app reads next to
 * its sources (schemas, fixtures, web/dist) are found as before.
 */
const BUNDLE_ENV = 'ORDERBRIDGE_TEST_CLI_BUNDLE';
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the CLI bundle and announces it to the test workers (vitest globalSetup, before any worker starts). */
export async function buildCliBundle(): Promise<NodeBundle> {
  const bundle = await bundleForNode(`${root}src/cli/main.ts`, 'orderbridge-cli');
  process.env[BUNDLE_ENV] = bundle.path;
  return bundle;
}

/** A bundled entry point: the file Node runs, and its removal when the tests are done with it. */
export interface NodeBundle {
  path: string;
  remove(): void;
}

/**
 * `entry` (a TypeScript file) and what it imports from the project as one ESM file Node runs
 * directly, in node_modules/.cache/<label>/ (named by this process, so parallel test files differ).
 */
export async function bundleForNode(entry: string, label: string): Promise<NodeBundle> {
  const name = path.basename(entry, '.ts');
  const outfile = `${root}node_modules/.cache/${label}/${name}-${process.pid}.mjs`;
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    plugins: [keepSourceImportMetaUrl],
  });
  return { path: outfile, remove: () => rmSync(outfile, { force: true }) };
}

/**
 * The node arguments that run the CLI: the bundle when the test run built one, else the sources
 * through tsx (a test file run on its own, outside the configured run).
 */
export function cliNodeArgs(): string[] {
  const bundle = process.env[BUNDLE_ENV];
  return bundle ? [bundle] : ['--import', 'tsx', `${root}src/cli/main.ts`];
}

const keepSourceImportMetaUrl: Plugin = {
  name: 'keep-source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};
