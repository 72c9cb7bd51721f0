import { metaView, type WooContext } from './woo-context.js';
import { wooDate } from './woo-format.js';
import type { ProductRecord } from './woo-model.js';

/** The REST JSON of a product or variation (the fields of the official examples the sandbox models). */

const stockStatus = (p: ProductRecord): string =>
  p.manageStock && p.stockQuantity !== null ? (p.stockQuantity > 0 ? 'instock' : 'outofstock') : p.stockStatus;

function common(ctx: WooContext, p: ProductRecord): Record<string, unknown> {
  const off = ctx.settings.utcOffsetMinutes;
  return {
    id: p.id,
    date_created: wooDate(p.createdMs, off),
    date_created_gmt: wooDate(p.createdMs),
    date_modified: wooDate(p.modifiedMs, off),
    date_modified_gmt: wooDate(p.modifiedMs),
    sku: p.sku,
    global_unique_id: p.globalUniqueId,
    price: p.regularPrice,
    regular_price: p.regularPrice,
    sale_price: '',
    on_sale: false,
    status: 'publish',
    purchasable: true,
    virtual: false,
    tax_status: p.taxStatus,
    tax_class: p.taxClass,
    manage_stock: p.manageStock,
    stock_quantity: p.manageStock ? p.stockQuantity : null,
    stock_status: stockStatus(p),
    backorders: 'no',
    backorders_allowed: false,
    backordered: false,
    meta_data: metaView(p.meta),
  };
}

/** Fields of the official example the sandbox does not model, with WooCommerce's defaults. */
const STATIC_PRODUCT_FIELDS = {
  featured: false,
  catalog_visibility: 'visible',
  description: '',
  short_description: '',
  date_on_sale_from: null,
  date_on_sale_from_gmt: null,
  date_on_sale_to: null,
  date_on_sale_to_gmt: null,
  price_html: '',
  total_sales: 0,
  downloadable: false,
  downloads: [],
  download_limit: -1,
  download_expiry: -1,
  external_url: '',
  button_text: '',
  sold_individually: false,
  weight: '',
  dimensions: { length: '', width: '', height: '' },
  shipping_required: true,
  shipping_taxable: true,
  shipping_class: '',
  shipping_class_id: 0,
  reviews_allowed: true,
  average_rating: '0.00',
  rating_count: 0,
  related_ids: [],
  upsell_ids: [],
  cross_sell_ids: [],
  purchase_note: '',
  categories: [],
  tags: [],
  images: [],
  default_attributes: [],
  grouped_products: [],
  menu_order: 0,
} as const;

/** A product; a variation listed by `GET /products?sku=` also comes out in this shape. */
export function productView(ctx: WooContext, p: ProductRecord): Record<string, unknown> {
  const base = `${ctx.settings.siteUrl}/wp-json/wc/v3/products`;
  const view = common(ctx, p);
  return {
    id: p.id,
    name: p.name,
    slug: p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    permalink: `${ctx.settings.siteUrl}/?p=${p.id}`,
    ...view,
    ...STATIC_PRODUCT_FIELDS,
    type: p.type,
    parent_id: p.parentId,
    attributes: p.attributes.map((a, position) =>
      a.options ? { ...a, position, visible: true, variation: p.type === 'variable' } : a,
    ),
    variations: [...p.variationIds],
    _links: { self: [{ href: `${base}/${p.id}` }], collection: [{ href: base }] },
  };
}

export function variationView(ctx: WooContext, v: ProductRecord): Record<string, unknown> {
  const base = `${ctx.settings.siteUrl}/wp-json/wc/v3/products/${v.parentId}/variations`;
  const { description, date_on_sale_from, date_on_sale_from_gmt, date_on_sale_to, date_on_sale_to_gmt } =
    STATIC_PRODUCT_FIELDS;
  const { downloadable, downloads, download_limit, download_expiry, weight, dimensions, menu_order } =
    STATIC_PRODUCT_FIELDS;
  return {
    ...common(ctx, v),
    ...{ description, date_on_sale_from, date_on_sale_from_gmt, date_on_sale_to, date_on_sale_to_gmt },
    ...{ downloadable, downloads, download_limit, download_expiry, weight, dimensions, menu_order },
    permalink: `${ctx.settings.siteUrl}/?p=${v.parentId}&variation_id=${v.id}`,
    shipping_class: '',
    shipping_class_id: 0,
    image: null,
    name: v.name,
    type: 'variation',
    parent_id: v.parentId,
    attributes: v.attributes,
    _links: {
      self: [{ href: `${base}/${v.id}` }],
      collection: [{ href: base }],
      up: [{ href: base.replace(/\/variations$/, '') }],
    },
  };
}
