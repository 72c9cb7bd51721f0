import type { Json } from './magento-format.js';
import { MagentoHttpError, inputError, noSuchEntity } from './magento-errors.js';

/** The default attribute set of products (Magento's "Default", id 4). */
export const DEFAULT_ATTRIBUTE_SET_ID = 4;
const PRODUCT_ENTITY_TYPE_ID = '4';

/** Attributes a product's `custom_attributes` may carry in the sandbox from the start (all in set 4). */
const SEEDED: readonly [code: string, label: string][] = [
  ['description', 'Description'],
  ['ean', 'EAN'],
  ['mpn', 'MPN'],
  ['gtin', 'GTIN'],
  ['tax_class_id', 'Tax Class'],
];

/**
 * Product EAV attributes and attribute sets. A custom attribute value is only stored when the attribute
 * exists and is in the product's attribute set (Magento drops the others silently) — the reason the
 * connector creates `orderbridge_stock_log` and assigns it to the set.
 */
export class ProductAttributes {
  private byCode = new Map<string, Json>();
  private sets = new Map<number, { name: string; codes: Set<string> }>();
  /** Attribute groups of the sets (the admin's tabs); set 4 has Magento's "General" group, id 7. */
  private groups: { attribute_group_id: string; attribute_group_name: string; attribute_set_id: number }[] = [];
  private nextId = 200;

  constructor() {
    this.reset();
  }

  /** Back to the seeded attributes (custom ones created over the API are gone). */
  reset(): void {
    this.byCode.clear();
    this.sets.clear();
    this.nextId = 200;
    this.sets.set(DEFAULT_ATTRIBUTE_SET_ID, { name: 'Default', codes: new Set() });
    this.groups = [
      { attribute_group_id: '7', attribute_group_name: 'General', attribute_set_id: DEFAULT_ATTRIBUTE_SET_ID },
      { attribute_group_id: '13', attribute_group_name: 'Content', attribute_set_id: DEFAULT_ATTRIBUTE_SET_ID },
    ];
    for (const [code, label] of SEEDED) {
      this.create({
        attribute_code: code,
        frontend_input: code === 'description' ? 'textarea' : 'text',
        default_frontend_label: label,
      });
      this.assign(DEFAULT_ATTRIBUTE_SET_ID, code);
    }
  }

  get(code: string): Json | null {
    return this.byCode.get(code) ?? null;
  }

  require(code: string): Json {
    const attr = this.byCode.get(code);
    if (!attr) throw attributeMissing(code);
    return attr;
  }

  /** POST /V1/products/attributes: the stored attribute with Magento's defaults filled in. */
  create(input: Json): Json {
    const code = typeof input.attribute_code === 'string' ? input.attribute_code : '';
    if (!/^[a-z][a-z_0-9]{0,59}$/.test(code))
      throw inputError(
        'Attribute code "%1" is invalid. Please use only letters (a-z or A-Z), numbers (0-9) or underscore (_) in this field, and the first character should be a letter.',
        [code],
      );
    if (this.byCode.has(code)) throw inputError('An attribute with the same code (%1) already exists.', [code]);
    const label = typeof input.default_frontend_label === 'string' ? input.default_frontend_label : code;
    const attribute: Json = {
      is_wysiwyg_enabled: false,
      is_html_allowed_on_front: false,
      used_for_sort_by: false,
      is_filterable: false,
      is_filterable_in_search: false,
      is_used_in_grid: false,
      is_visible_in_grid: false,
      is_filterable_in_grid: false,
      position: 0,
      apply_to: [],
      is_searchable: '0',
      is_visible_in_advanced_search: '0',
      is_comparable: '0',
      is_used_for_promo_rules: '0',
      is_visible_on_front: '0',
      used_in_product_listing: '0',
      is_visible: true,
      scope: 'global',
      frontend_input: 'text',
      is_required: false,
      options: [],
      is_user_defined: true,
      backend_type: input.frontend_input === 'textarea' ? 'text' : 'varchar',
      is_unique: '0',
      validation_rules: [],
      ...input,
      attribute_id: this.nextId++,
      attribute_code: code,
      entity_type_id: PRODUCT_ENTITY_TYPE_ID,
      default_frontend_label: label,
      frontend_labels: Array.isArray(input.frontend_labels) ? input.frontend_labels : [],
    };
    this.byCode.set(code, attribute);
    return attribute;
  }

  /** GET /V1/products/attribute-sets/groups/list: every group (searchCriteria filters them). */
  allGroups(): Json[] {
    return this.groups.map((g) => ({ ...g }));
  }

  /** POST /V1/products/attribute-sets/attributes: returns the entity attribute id (Magento answers an id). */
  assign(attributeSetId: number, code: string, groupId?: number): number {
    const set = this.sets.get(attributeSetId);
    if (!set) throw noSuchEntity('attributeSetId', attributeSetId);
    if (
      groupId !== undefined &&
      !this.groups.some((g) => Number(g.attribute_group_id) === groupId && g.attribute_set_id === attributeSetId)
    )
      throw new MagentoHttpError(404, 'The group with the "%1" ID doesn\'t exist. Verify the group and try again.', [
        groupId,
      ]);
    const attr = this.require(code);
    set.codes.add(code);
    return attr.attribute_id as number;
  }

  inSet(attributeSetId: number, code: string): boolean {
    return this.sets.get(attributeSetId)?.codes.has(code) ?? false;
  }

  setExists(attributeSetId: number): boolean {
    return this.sets.has(attributeSetId);
  }
}

/** GET /V1/products/attributes/{code} of an unknown code: Magento's 404 wording. */
const attributeMissing = (code: string): MagentoHttpError =>
  new MagentoHttpError(
    404,
    'The attribute with a "%1" attributeCode doesn\'t exist. Verify the attribute and try again.',
    [code],
  );
