/**
 * Amazon's item ids on a Magento order item (`ext_order_item_id`). Usually one id. A cart merges two
 * Amazon items of the same product into one Magento item: then `<id>:<qty>,<id>:<qty>` (Amazon's ids
 * are digits, so `:` and `,` never clash), in the order the shipped units are attributed.
 */
export interface ItemShare {
  orderItemId: string;
  /** null for a single id (the item's whole quantity). */
  quantity: number | null;
}

export function formatItemIds(shares: readonly { orderItemId: string; quantity: number }[]): string {
  if (shares.length === 1) return shares[0]?.orderItemId ?? '';
  return shares.map((s) => `${s.orderItemId}:${s.quantity}`).join(',');
}

export function parseItemIds(value: string | null | undefined): ItemShare[] {
  const text = value?.trim() ?? '';
  if (text === '') return [];
  if (!text.includes(',') && !/:\d+$/.test(text)) return [{ orderItemId: text, quantity: null }];
  return text.split(',').flatMap((part) => {
    const m = /^(.+):(\d+)$/.exec(part.trim());
    return m ? [{ orderItemId: m[1] as string, quantity: Number(m[2]) }] : [];
  });
}

/**
 * Units `[offset, offset + qty)` of a merged item, attributed to its Amazon items in order
 * (earlier shipments of the item took the units before `offset`).
 */
export function attribute(
  shares: readonly ItemShare[],
  offset: number,
  qty: number,
): { orderItemId: string; quantity: number }[] {
  const out: { orderItemId: string; quantity: number }[] = [];
  let start = 0;
  let left = qty;
  let at = offset;
  for (const [i, s] of shares.entries()) {
    const end = s.quantity === null || i === shares.length - 1 ? Infinity : start + s.quantity;
    const take = Math.max(0, Math.min(left, end - at));
    if (take > 0) {
      out.push({ orderItemId: s.orderItemId, quantity: take });
      left -= take;
      at += take;
    }
    start = end;
    if (left <= 0) break;
  }
  return out;
}
