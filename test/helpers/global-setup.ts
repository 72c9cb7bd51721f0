import { buildCliBundle } from './node-bundle.js';

/** Once per test run, before any test file: the CLI bundle the process tests start (see node-bundle.ts). */
export default async function setup(): Promise<() => void> {
  const bundle = await buildCliBundle();
  return () => bundle.remove();
}
