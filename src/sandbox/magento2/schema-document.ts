/**
 * Magento's own admin REST schema (2.4.9, Swagger 2.0; origin: ./schema/ORIGIN.md), read once per
 * process with `yaml` and turned into JSON Schema for ajv in two flavours:
 *  - request: what Magento's ServiceInputProcessor enforces — no unknown fields (additionalProperties
 *    false) and the right types; the schema's nested `required` lists are NOT enforced (Magento builds
 *    data objects through setters and never checks them; only the method's own parameters are required).
 *  - response: what Magento's DataObjectProcessor outputs — no unknown fields, every `required` field
 *    present (a required getter returning null is still written, as `null`), optional nulls left out.
 * The schema's `error-parameters` (an array of {resources, fieldName, fieldValue}) does not match what
 * Magento's ErrorProcessor sends (an object for named placeholders, a list for positional ones); that one
 * definition is widened to both real shapes.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type SchemaNode = Record<string, unknown>;
export type SchemaFlavour = 'request' | 'response';

export interface SwaggerParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: SchemaNode;
}

export interface SwaggerOperation {
  operationId: string;
  parameters?: SwaggerParameter[];
  responses: Record<string, { schema?: SchemaNode }>;
}

export interface SwaggerDocument {
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, SchemaNode>;
}

const SCHEMA_FILE = new URL('./schema/magento2-admin-rest-2.4.9.yaml', import.meta.url);

let cached: SwaggerDocument | undefined;

export function loadMagentoSchemaDocument(): SwaggerDocument {
  cached ??= parse(readFileSync(SCHEMA_FILE, 'utf8'), { maxAliasCount: -1 }) as SwaggerDocument;
  return cached;
}

const ERROR_PARAMETERS: SchemaNode = {
  anyOf: [
    { type: 'array', items: { type: ['string', 'number', 'object'] } },
    { type: 'object', additionalProperties: { type: ['string', 'number'] } },
  ],
};

const isObject = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

function nullable(node: unknown): SchemaNode {
  if (!isObject(node)) return { type: 'null' };
  if (typeof node.type === 'string') return { ...node, type: [node.type, 'null'] };
  return { anyOf: [node, { type: 'null' }] };
}

/** Deep copy of one schema node in the given flavour; `refBase` prefixes `#/definitions/…` references. */
export function flavourSchema(node: unknown, flavour: SchemaFlavour, refBase: string, keepRequired = false): unknown {
  if (Array.isArray(node)) return node.map((n) => flavourSchema(n, flavour, refBase));
  if (!isObject(node)) return node;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'xml' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string')
      out.$ref = value.replace('#/definitions/', `${refBase}#/definitions/`);
    else if (key === 'properties' && isObject(value)) {
      const props: SchemaNode = {};
      for (const [name, prop] of Object.entries(value)) props[name] = flavourSchema(prop, flavour, refBase);
      out.properties = props;
    } else if (key === 'required') {
      if (flavour === 'response' || keepRequired) out.required = value;
    } else out[key] = flavourSchema(value, flavour, refBase);
  }
  if (out.type === 'object' || out.properties) out.additionalProperties ??= false;
  if (flavour === 'response' && Array.isArray(out.required) && isObject(out.properties)) {
    const props = out.properties;
    for (const name of out.required as string[]) if (name in props) props[name] = nullable(props[name]);
  }
  return out;
}

/** All definitions in one flavour, as one ajv schema document with the given `$id`. */
export function flavouredDefinitions(flavour: SchemaFlavour, id: string): SchemaNode {
  const definitions: SchemaNode = {};
  for (const [name, def] of Object.entries(loadMagentoSchemaDocument().definitions))
    definitions[name] = name === 'error-parameters' ? ERROR_PARAMETERS : flavourSchema(def, flavour, '');
  return { $id: id, definitions };
}
