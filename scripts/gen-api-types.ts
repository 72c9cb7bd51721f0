// `npm run gen:api-types`: writes the REST API's types for the web app (web/src/api/openapi.d.ts).
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { API_TYPES_FILE, generateApiTypes } from '../src/http/openapi-types.js';

const options = (await resolveConfig(API_TYPES_FILE)) ?? {};
writeFileSync(API_TYPES_FILE, await format(await generateApiTypes(), { ...options, filepath: API_TYPES_FILE }));
console.log(`wrote ${API_TYPES_FILE}`);
