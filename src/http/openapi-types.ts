import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApp } from '../app/app-context.js';
import { loadConfig } from '../config/env.js';
import { silentLogger } from '../lib/logger.js';
import { buildHttpServer } from './http-server.js';

/** Where the web app's generated API types live (committed; `npm run gen:api-types` refreshes them). */
export const API_TYPES_FILE = path.resolve('web/src/api/openapi.d.ts');

const HEADER = `/**
 * The REST API's types, generated from its OpenAPI document by \`npm run gen:api-types\`
 * (openapi-typescript). Do not edit: a test fails when this file is older than the API.
 */
`;

/** The OpenAPI document of the REST API as TypeScript types (built from a throwaway in-memory app). */
export async function generateApiTypes(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orderbridge-openapi-'));
  const config = { ...loadConfig({ ORDERBRIDGE_DATA_DIR: dir, ORDERBRIDGE_SECRET_KEY: 'a'.repeat(64) }) };
  const app = await openApp({ ...config, databaseUrl: null }, { logger: silentLogger });
  try {
    const server = await buildHttpServer({ app, requestSync: () => Promise.resolve('') });
    await server.ready();
    const doc = server.swagger() as Parameters<typeof openapiTS>[0];
    await server.close();
    return HEADER + astToString(await openapiTS(doc));
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
