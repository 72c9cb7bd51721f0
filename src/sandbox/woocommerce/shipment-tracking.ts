import { createHash } from 'node:crypto';
import { getMeta, setMeta, type WooContext } from './woo-context.js';
import { WooHttpError, missingParam } from './woo-errors.js';
import { TRACKING_META_KEY, type OrderRecord, type TrackingItem } from './woo-model.js';

/**
 * The official Shipment Tracking extension: items live in order meta `_wc_shipment_tracking_items`
 * (order-level: no per-item quantities). `tracking_provider` is stored as a slug of a provider name
 * from the providers list; custom carriers use `custom_tracking_provider` + `custom_tracking_link`.
 */
export const TRACKING_PROVIDERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Germany: {
    DHL: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=%1$s',
    'DPD.de': 'https://tracking.dpd.de/parcelstatus?query=%1$s',
    Hermes: 'https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#%1$s',
  },
  'United Kingdom': {
    'Royal Mail': 'https://www.royalmail.com/track-your-item#/tracking-results/%1$s',
    'DPD.co.uk': 'https://www.dpd.co.uk/apps/tracking/?reference=%1$s',
  },
  France: { Colissimo: 'https://www.laposte.fr/outils/suivre-vos-envois?code=%1$s' },
  'United States': {
    USPS: 'https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=%1$s',
    UPS: 'https://www.ups.com/track?tracknum=%1$s',
    Fedex: 'https://www.fedex.com/apps/fedextrack/?tracknumbers=%1$s',
  },
};

/** WordPress sanitize_title for provider names: "DPD.de" → "dpd-de". */
export const providerSlug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function providerUrl(slug: string): string | null {
  for (const region of Object.values(TRACKING_PROVIDERS)) {
    for (const [name, url] of Object.entries(region)) if (providerSlug(name) === slug) return url;
  }
  return null;
}

export function trackingItems(order: OrderRecord): TrackingItem[] {
  const value = getMeta(order.meta, TRACKING_META_KEY);
  return Array.isArray(value) ? (value as TrackingItem[]) : [];
}

export interface AddTrackingInput {
  tracking_number?: unknown;
  tracking_provider?: unknown;
  custom_tracking_provider?: unknown;
  custom_tracking_link?: unknown;
  /** YYYY-MM-DD (site time); defaults to today. */
  date_shipped?: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function addTracking(ctx: WooContext, order: OrderRecord, input: AddTrackingInput): TrackingItem {
  const number = text(input.tracking_number);
  if (number === '') throw missingParam('tracking_number');
  const custom = text(input.custom_tracking_provider);
  const provider = custom === '' ? providerSlug(text(input.tracking_provider)) : '';
  const dateText = text(input.date_shipped);
  const shippedMs = dateText === '' ? ctx.nowMs() : Date.parse(`${dateText.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(shippedMs)) {
    throw new WooHttpError(400, 'rest_invalid_param', 'Invalid parameter(s): date_shipped', {
      params: { date_shipped: 'Invalid date.' },
    });
  }
  const items = trackingItems(order);
  const item: TrackingItem = {
    tracking_provider: provider,
    custom_tracking_provider: custom,
    custom_tracking_link: text(input.custom_tracking_link),
    tracking_number: number,
    date_shipped: String(Math.floor(shippedMs / 86_400_000) * 86_400),
    tracking_id: createHash('md5')
      .update(`${provider || custom}-${number}-${items.length}-${ctx.nowMs()}`)
      .digest('hex'),
  };
  setMeta(ctx, order.meta, TRACKING_META_KEY, [...items, item]);
  return item;
}

export function deleteTracking(ctx: WooContext, order: OrderRecord, trackingId: string): TrackingItem {
  const items = trackingItems(order);
  const item = items.find((i) => i.tracking_id === trackingId);
  if (!item) throw new WooHttpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid tracking ID.');
  setMeta(
    ctx,
    order.meta,
    TRACKING_META_KEY,
    items.filter((i) => i !== item),
  );
  return item;
}

/** The extension's REST item: provider name (or the custom one), link, date as YYYY-MM-DD. */
export function trackingView(ctx: WooContext, orderId: number, item: TrackingItem): Record<string, unknown> {
  const url = item.custom_tracking_link || (providerUrl(item.tracking_provider) ?? '');
  const base = `${ctx.settings.siteUrl}/wp-json/wc-shipment-tracking/v3/orders/${orderId}/shipment-trackings`;
  return {
    tracking_id: item.tracking_id,
    tracking_provider: item.custom_tracking_provider || item.tracking_provider,
    tracking_link: url.replace('%1$s', encodeURIComponent(item.tracking_number)),
    tracking_number: item.tracking_number,
    date_shipped: new Date(Number(item.date_shipped) * 1000).toISOString().slice(0, 10),
    _links: { self: [{ href: `${base}/${item.tracking_id}` }], collection: [{ href: base }] },
  };
}
