import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { loadAmazonJson } from './fixture-files.js';

export type AmazonModel = 'orders_2026-01-01.json' | 'ordersV0.json';

let ajv: Ajv | null = null;

/**
 * JSON-schema validators for the `definitions` of Amazon's Swagger 2.0 models. References stay
 * `#/definitions/X` (resolved inside the model); vendor keywords (x-…, example) are ignored and
 * nothing is made stricter than the model (no additionalProperties: false added).
 */
export function modelValidator(model: AmazonModel, definition: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    formats.default(ajv);
  }
  if (!ajv.getSchema(model)) {
    const { definitions } = loadAmazonJson<{ definitions: Record<string, unknown> }>(model);
    ajv.addSchema({ $id: model, definitions });
  }
  const validate = ajv.getSchema(`${model}#/definitions/${definition}`);
  if (!validate) throw new Error(`${model} has no definition ${definition}`);
  return validate;
}

/** "packageDetail must have required property 'trackingNumber'" style text for the first error. */
export function describeFirstError(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return 'invalid';
  const where = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return `${where === '' ? 'body' : where} ${first.message ?? 'is invalid'}`;
}
