#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so no build step is needed.
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

register('tsx/esm', pathToFileURL('./'));
const here = path.dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(path.join(here, '..', 'src', 'cli', 'main.ts')).href);
