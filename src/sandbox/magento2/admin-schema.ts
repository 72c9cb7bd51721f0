/**
 * Validation against Magento's own 2.4.9 admin REST schema (see schema-document.ts for how Swagger 2.0
 * becomes JSON Schema). The sandbox validates every request body with it; the connector's tests validate
 * every body it sends and every sandbox answer with it. Compiled validators are cached per operation, so
 * a process compiles each one once and a validation afterwards is one function call.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import {
  flavourSchema,
  flavouredDefinitions,
  loadMagentoSchemaDocument,
  type SchemaFlavour,
  type SwaggerOperation,
} from './schema-document.js';

export interface MagentoOperationRef {
  operationId: string;
  pathTemplate: string;
}

interface IndexedOperation extends MagentoOperationRef {
  method: string;
  regex: RegExp;
  literalSegments: number;
  operation: SwaggerOperation;
}

const IDS: Record<SchemaFlavour, string> = { request: 'magento-request', response: 'magento-response' };
const ajvs: Partial<Record<SchemaFlavour, Ajv>> = {};
const validators = new Map<string, ValidateFunction | null>();
let index: Map<string, IndexedOperation[]> | undefined;

function ajvFor(flavour: SchemaFlavour): Ajv {
  let ajv = ajvs[flavour];
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
    ajv.addSchema(flavouredDefinitions(flavour, IDS[flavour]));
    ajvs[flavour] = ajv;
  }
  return ajv;
}

function operationIndex(): Map<string, IndexedOperation[]> {
  if (index) return index;
  const built = new Map<string, IndexedOperation[]>();
  for (const [template, methods] of Object.entries(loadMagentoSchemaDocument().paths)) {
    // Magento routes ignore a trailing slash (the schema has both /V1/carts/ and /V1/shipments).
    const segments = template.replace(/\/+$/, '').split('/');
    const pattern = segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
    for (const [method, operation] of Object.entries(methods)) {
      const list = built.get(method.toUpperCase()) ?? [];
      list.push({
        method: method.toUpperCase(),
        operationId: operation.operationId,
        pathTemplate: template,
        regex: new RegExp(`^${pattern.join('/')}$`),
        literalSegments: segments.filter((s) => !s.startsWith('{')).length,
        operation,
      });
      built.set(method.toUpperCase(), list);
    }
  }
  // A literal segment beats a parameter: /V1/orders/items before /V1/orders/{id}.
  for (const list of built.values()) list.sort((a, b) => b.literalSegments - a.literalSegments);
  index = built;
  return built;
}

function findOperation(method: string, path: string): IndexedOperation | null {
  const clean = path.split('?')[0]?.replace(/\/+$/, '') ?? '';
  return (
    operationIndex()
      .get(method.toUpperCase())
      ?.find((op) => op.regex.test(clean)) ?? null
  );
}

/** The schema operation for a call, `path` in the '/V1/orders' style (after /rest/{store}); null = not in the schema. */
export function magentoOperation(method: string, path: string): MagentoOperationRef | null {
  const op = findOperation(method, path);
  return op ? { operationId: op.operationId, pathTemplate: op.pathTemplate } : null;
}

function compiled(
  key: string,
  flavour: SchemaFlavour,
  schema: unknown,
  keepRequired: boolean,
): ValidateFunction | null {
  if (validators.has(key)) return validators.get(key) ?? null;
  const validate =
    schema === undefined
      ? null
      : ajvFor(flavour).compile(flavourSchema(schema, flavour, IDS[flavour], keepRequired) as object);
  validators.set(key, validate);
  return validate;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : '';
    return `${e.instancePath === '' ? '(body)' : e.instancePath} ${e.message ?? 'is invalid'}${extra}`;
  });
}

/** The compiled request-body validator of an operation (null = the operation takes no body). */
export function requestValidator(method: string, path: string): ValidateFunction | null {
  const op = findOperation(method, path);
  if (!op) return null;
  const body = op.operation.parameters?.find((p) => p.in === 'body');
  // The body's own properties are the method's parameters: Magento requires those (keepRequired).
  return compiled(`req:${op.operationId}`, 'request', body?.schema, true);
}

/** [] = valid. An operation missing from the schema is an error (the sandbox only serves schema routes). */
export function validateMagentoRequest(method: string, path: string, body: unknown): string[] {
  const op = findOperation(method, path);
  if (!op) return [`${method.toUpperCase()} ${path} is not an operation of the Magento 2.4.9 admin schema`];
  const validate = requestValidator(method, path);
  if (!validate) return body === undefined || body === null || isEmptyObject(body) ? [] : ['(body) not expected'];
  return validate(body) ? [] : describeErrors(validate.errors);
}

/** [] = valid: the answer matches the schema's response for that status (or `default`). */
export function validateMagentoResponse(method: string, path: string, status: number, body: unknown): string[] {
  const op = findOperation(method, path);
  if (!op) return [`${method.toUpperCase()} ${path} is not an operation of the Magento 2.4.9 admin schema`];
  const documented = op.operation.responses[String(status)];
  // A void service method (e.g. POST /V1/inventory/source-items) documents no 200: Magento answers [].
  if (!documented && status >= 200 && status < 300) return isVoid(body) ? [] : ['(body) a void operation answers []'];
  const response = documented ?? op.operation.responses.default;
  if (!response) return [`status ${status} is not a documented answer of ${op.operationId}`];
  const validate = compiled(`res:${op.operationId}:${status}`, 'response', response.schema, true);
  if (!validate) return body === undefined || body === null || body === '' ? [] : ['(body) not expected'];
  return validate(body) ? [] : describeErrors(validate.errors);
}

const isEmptyObject = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

const isVoid = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
