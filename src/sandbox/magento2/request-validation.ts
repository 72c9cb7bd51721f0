import type { ErrorObject } from 'ajv';
import { requestValidator } from './admin-schema.js';
import { type MagentoHttpError, inputError, invalidType, requiredField, unsupportedField } from './magento-errors.js';

/** JSON Schema type → the type name Magento's TypeProcessor puts in its message. */
const MAGENTO_TYPE: Readonly<Record<string, string>> = {
  integer: 'int',
  number: 'float',
  string: 'string',
  boolean: 'bool',
  array: 'array',
  object: 'object',
};

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** The error Magento's ServiceInputProcessor would raise for the first schema violation. */
function toMagentoError(error: ErrorObject, body: unknown): MagentoHttpError {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return unsupportedField(String(params.additionalProperty));
  if (error.keyword === 'required') return requiredField(String(params.missingProperty));
  if (error.keyword === 'type') {
    const value = valueAt(body, error.instancePath);
    const expected = String(Array.isArray(params.type) ? params.type[0] : params.type);
    const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    const field = error.instancePath
      .split('/')
      .filter((p) => p !== '' && !/^\d+$/.test(p))
      .pop();
    return invalidType(shown, MAGENTO_TYPE[expected] ?? expected, field);
  }
  return inputError('Invalid value of "%value" provided for the %fieldName field.', {
    value: String(valueAt(body, error.instancePath)),
    fieldName: error.instancePath.split('/').pop() ?? '',
  });
}

/** Validates a request body against the 2.4.9 schema; throws Magento's 400 for the first violation. */
export function assertValidRequest(method: string, path: string, body: unknown): void {
  const validate = requestValidator(method, path);
  if (!validate || validate(body)) return;
  const first = validate.errors?.[0];
  throw first ? toMagentoError(first, body) : inputError('Invalid request body.');
}
