import type { Clock } from '../../lib/clock.js';
import type { MetaEntry } from './woo-model.js';

/** Store-wide settings and shared sequences every part of the sandbox reads. */
export interface WooStoreSettings {
  siteName: string;
  /** Filled in when the server listens; used in `_links` and webhook headers. */
  siteUrl: string;
  /** woocommerce_price_num_decimals */
  decimals: number;
  /** woocommerce_currency (orders may carry another currency). */
  currency: string;
  /** Site time zone as a UTC offset; `date_*` fields and zone-less query dates use it. */
  utcOffsetMinutes: number;
}

/** WordPress shares one id sequence for posts (products, orders); items, meta and notes have their own. */
export class IdSequences {
  private post = 100;
  private item = 1;
  private meta = 1000;
  private note = 1;
  next(kind: 'post' | 'item' | 'meta' | 'note'): number {
    return this[kind]++;
  }
}

export interface WooContext {
  settings: WooStoreSettings;
  clock: Clock;
  ids: IdSequences;
  /** Now in whole seconds (WooCommerce stores seconds). */
  nowMs(): number;
}

export function getMeta(meta: readonly MetaEntry[], key: string): unknown {
  return meta.find((m) => m.key === key)?.value;
}

/** WC_Data::update_meta_data without an id: replaces the first entry with the key, else adds one. */
export function setMeta(ctx: WooContext, meta: MetaEntry[], key: string, value: unknown): void {
  const existing = meta.find((m) => m.key === key);
  if (existing) existing.value = value;
  else meta.push({ id: ctx.ids.next('meta'), key, value });
}

export function deleteMeta(meta: MetaEntry[], key: string): void {
  for (let i = meta.length - 1; i >= 0; i--) if (meta[i]?.key === key) meta.splice(i, 1);
}

/** Applies a REST `meta_data` array: entries with `id` update that entry, others update-by-key. */
export function applyMetaInput(ctx: WooContext, meta: MetaEntry[], input: unknown): void {
  if (!Array.isArray(input)) return;
  for (const raw of input as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { id, key, value } = raw as { id?: unknown; key?: unknown; value?: unknown };
    const byId = typeof id === 'number' ? meta.find((m) => m.id === id) : undefined;
    if (byId) {
      if (value === null) meta.splice(meta.indexOf(byId), 1);
      else byId.value = value;
    } else if (typeof key === 'string' && key !== '') setMeta(ctx, meta, key, value ?? '');
  }
}

export const metaView = (meta: readonly MetaEntry[], only: readonly string[] | null = null): unknown[] =>
  meta.filter((m) => only === null || only.includes(m.key)).map((m) => ({ id: m.id, key: m.key, value: m.value }));
