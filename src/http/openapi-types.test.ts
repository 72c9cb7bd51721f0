import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './openapi-types.js';

/** The web app compiles against the API's generated types: they must be the API's current ones. */
it('web/src/api/openapi.d.ts is generated from the current OpenAPI document (npm run gen:api-types)', async () => {
  const options = (await resolveConfig(API_TYPES_FILE)) ?? {};
  const fresh = await format(await generateApiTypes(), { ...options, filepath: API_TYPES_FILE });
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  expect(committed === fresh, 'run npm run gen:api-types and commit web/src/api/openapi.d.ts').toBe(true);
  expect(committed).toContain("'/api/orders/{order}'");
});
