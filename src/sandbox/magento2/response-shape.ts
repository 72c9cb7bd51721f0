/**
 * Magento's DataObjectProcessor writes every field whose getter is required (not nullable) even when it
 * is null, and leaves out optional nulls. `completeRequired` gives a sandbox answer that shape: it adds
 * `null` for each missing required field of the schema definition, all the way down.
 */
import { isJsonObject, type Json } from './magento-format.js';
import { loadMagentoSchemaDocument, type SchemaNode } from './schema-document.js';

interface Plan {
  required: string[];
  /** Property → definition name (object) or [definition name] (array of objects). */
  nested: Map<string, string | [string]>;
}

const plans = new Map<string, Plan>();

const refName = (node: unknown): string | null => {
  const ref = isJsonObject(node) ? node.$ref : undefined;
  return typeof ref === 'string' ? ref.replace('#/definitions/', '') : null;
};

function planOf(definition: string): Plan {
  const cached = plans.get(definition);
  if (cached) return cached;
  const def: SchemaNode = loadMagentoSchemaDocument().definitions[definition] ?? {};
  const nested = new Map<string, string | [string]>();
  const props = isJsonObject(def.properties) ? def.properties : {};
  for (const [name, prop] of Object.entries(props)) {
    const direct = refName(prop);
    if (direct) nested.set(name, direct);
    else if (isJsonObject(prop) && prop.type === 'array') {
      const item = refName(prop.items);
      if (item) nested.set(name, [item]);
    }
  }
  const plan = { required: Array.isArray(def.required) ? (def.required as string[]) : [], nested };
  plans.set(definition, plan);
  return plan;
}

/** Drops null optional fields and adds null required ones, recursively; returns a new object. */
export function completeRequired(definition: string, value: Json): Json {
  const plan = planOf(definition);
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    const nested = plan.nested.get(key);
    if (typeof nested === 'string' && isJsonObject(v)) out[key] = completeRequired(nested, v);
    else if (Array.isArray(nested) && Array.isArray(v))
      out[key] = v.map((item: unknown) => (isJsonObject(item) ? completeRequired(nested[0], item) : item));
    else out[key] = v;
  }
  for (const name of plan.required) if (!(name in out)) out[name] = null;
  return out;
}
