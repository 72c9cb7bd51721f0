import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';

/**
 * Compiles ../../packages/vendure-plugin/src to CommonJS in node_modules/.orderbridge-plugin, so
 * the plugin resolves this package's @vendure/core (one copy, one DI container). esbuild with
 * legacy decorators and without define semantics for class fields (TypeORM entities); the plugin
 * injects explicitly (@Inject), so no decorator metadata is needed. Takes a few milliseconds.
 */
export function buildPlugin(): string {
  const source = resolve(__dirname, '../../../packages/vendure-plugin/src');
  const out = resolve(__dirname, '../node_modules/.orderbridge-plugin');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(source)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const result = transformSync(readFileSync(join(source, file), 'utf8'), {
      loader: 'ts',
      format: 'cjs',
      target: 'es2021',
      sourcefile: join(source, file),
      sourcemap: 'inline',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    });
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), result.code);
  }
  return join(out, 'index.js');
}
