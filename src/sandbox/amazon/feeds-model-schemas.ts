import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { loadAmazonJson } from './fixture-files.js';

/**
 * JSON-schema validators for Amazon's Feeds 2021-06-30 and Listings Items 2021-08-01 models and the
 * JSON_LISTINGS_FEED schemas (copies in test/fixtures/amazon/models/, see SOURCES.md there). Same rules
 * as model-schemas.ts (nothing stricter than the model); a separate Ajv so the Orders models stay apart.
 */
export type FeedsListingsModel = 'models/feeds_2021-06-30.json' | 'models/listingsItems_2021-08-01.json';
export type ListingsFeedSchema =
  | 'models/listings-feed-processing-report-schema-v2.json'
  | 'models/listings-feed-schema-v2.json'
  | 'models/listings-feed-message-schema-v2.json';

let ajv: Ajv | null = null;

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
    formats.default(ajv);
  }
  return ajv;
}

export function feedsModelValidator(model: FeedsListingsModel, definition: string): ValidateFunction {
  const a = instance();
  if (!a.getSchema(model)) {
    const { definitions } = loadAmazonJson<{ definitions: Record<string, unknown> }>(model);
    a.addSchema({ $id: model, definitions });
  }
  const validate = a.getSchema(`${model}#/definitions/${definition}`);
  if (!validate) throw new Error(`${model} has no definition ${definition}`);
  return validate;
}

/** A whole JSON schema file (draft-07) of the listings feed family. */
export function listingsFeedSchemaValidator(file: ListingsFeedSchema): ValidateFunction {
  const a = instance();
  const existing = a.getSchema(file);
  if (existing) return existing;
  const { $schema: _drop, $id: _id, ...schema } = loadAmazonJson<Record<string, unknown>>(file);
  a.addSchema({ ...schema, $id: file });
  const validate = a.getSchema(file);
  if (!validate) throw new Error(`cannot compile ${file}`);
  return validate;
}
