import { ok, type Result } from '../../lib/result.js';
import type { MagentoContext } from './magento2.context.js';
import { customAttribute, type MagentoProduct } from './magento2.types.js';

/** Product attribute holding the last stock adjustments OrderBridge applied (JSON text). */
export const STOCK_LOG_ATTRIBUTE = 'orderbridge_stock_log';
export const MAX_LOG_ENTRIES = 50;

/** One adjustment: key, state, and for a two-step source write the quantities from and to. */
export interface LedgerEntry {
  k: string;
  s: 'pending' | 'done';
  f?: number;
  t?: number;
}

export function readLedger(p: MagentoProduct): LedgerEntry[] {
  const raw = customAttribute(p, STOCK_LOG_ATTRIBUTE);
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed)
      ? parsed.filter(
          (e): e is LedgerEntry => typeof e === 'object' && e !== null && typeof (e as LedgerEntry).k === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** The ledger with `entry` replacing any entry of its key, last 50 kept. */
export function withEntry(ledger: readonly LedgerEntry[], entry: LedgerEntry): LedgerEntry[] {
  return [...ledger.filter((e) => e.k !== entry.k), entry].slice(-MAX_LOG_ENTRIES);
}

export const ledgerAttribute = (ledger: readonly LedgerEntry[]): { attribute_code: string; value: string } => ({
  attribute_code: STOCK_LOG_ATTRIBUTE,
  value: JSON.stringify(ledger),
});

/** Shops whose ledger attribute exists, and attribute sets it was assigned to (per process). */
const ATTRIBUTE_READY = new Set<string>();
const SET_READY = new Set<string>();

/**
 * The ledger attribute exists (created once per shop: `GET …/attributes/orderbridge_stock_log`,
 * 404 → `POST /V1/products/attributes`) and belongs to the product's attribute set (Magento saves
 * only attributes of the set: `POST /V1/products/attribute-sets/attributes` into its first group).
 */
export async function ensureLedgerAttribute(
  ctx: MagentoContext,
  attributeSetId: number | undefined,
): Promise<Result<void>> {
  if (!ATTRIBUTE_READY.has(ctx.shopKey)) {
    const found = await ctx.client.request('attributeGet', { params: { attributeCode: STOCK_LOG_ATTRIBUTE } });
    if (!found.ok && found.error.code !== 'magento2_not_found') return found;
    if (!found.ok) {
      const created = await ctx.client.request('attributeCreate', { body: { attribute: ATTRIBUTE_DEFINITION } });
      if (!created.ok && created.error.code !== 'magento2_duplicate') return created;
    }
    ATTRIBUTE_READY.add(ctx.shopKey);
  }
  if (attributeSetId === undefined) return ok(undefined);
  const setKey = `${ctx.shopKey}#${attributeSetId}`;
  if (SET_READY.has(setKey)) return ok(undefined);
  const groups = await ctx.client.request<{ items?: { attribute_group_id?: string | number }[] }>(
    'attributeGroupsSearch',
    {
      query: [
        ['searchCriteria[filter_groups][0][filters][0][field]', 'attribute_set_id'],
        ['searchCriteria[filter_groups][0][filters][0][value]', String(attributeSetId)],
        ['searchCriteria[filter_groups][0][filters][0][condition_type]', 'eq'],
        ['searchCriteria[pageSize]', '1'],
        ['searchCriteria[currentPage]', '1'],
      ],
    },
  );
  if (!groups.ok) return groups;
  const groupId = Number(groups.value?.items?.[0]?.attribute_group_id ?? NaN);
  const assigned = await ctx.client.request('attributeSetAssign', {
    body: {
      attributeSetId,
      attributeGroupId: Number.isFinite(groupId) ? groupId : 0,
      attributeCode: STOCK_LOG_ATTRIBUTE,
      sortOrder: 9999,
    },
  });
  if (!assigned.ok && assigned.error.code !== 'magento2_duplicate') return assigned;
  SET_READY.add(setKey);
  return ok(undefined);
}

const ATTRIBUTE_DEFINITION = {
  attribute_code: STOCK_LOG_ATTRIBUTE,
  entity_type_id: '4',
  frontend_input: 'textarea',
  backend_type: 'text',
  is_required: false,
  is_user_defined: true,
  is_visible: true,
  is_searchable: '0',
  is_filterable: false,
  is_comparable: '0',
  is_visible_on_front: '0',
  used_in_product_listing: '0',
  scope: 'global',
  default_frontend_label: 'OrderBridge stock log',
  frontend_labels: [{ store_id: 0, label: 'OrderBridge stock log' }],
  note: 'Stock adjustments OrderBridge applied (keys, applied once). Do not edit.',
};
