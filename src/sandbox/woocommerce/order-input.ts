import { applyMetaInput, type WooContext } from './woo-context.js';
import { WooHttpError, invalidParam } from './woo-errors.js';
import { formatMoney, parseMoneyInput } from './woo-format.js';
import type { Address, FeeLineRecord, LineItemRecord, OrderRecord, ShippingLineRecord } from './woo-model.js';
import type { ProductStore } from './product-store.js';
import Big from 'big.js';

/** Applies the `line_items` / `shipping_lines` / `fee_lines` / address parts of a POST or PUT body. */

type Json = Record<string, unknown>;
const objects = (value: unknown, param: string): Json[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidParam(param, `${param} is not of type array.`);
  return value.map((v, i) => {
    if (typeof v !== 'object' || v === null) throw invalidParam(param, `${param}[${i}] is not of type object.`);
    return v as Json;
  });
};
const int = (value: unknown): number => Number(value);

const ADDRESS_FIELDS = ['first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode'];
const BILLING_FIELDS = [...ADDRESS_FIELDS, 'country', 'email', 'phone'];

export function emptyAddress(billing: boolean): Address {
  const fields = billing ? BILLING_FIELDS : [...ADDRESS_FIELDS, 'country', 'phone'];
  return Object.fromEntries(fields.map((f) => [f, '']));
}

export function applyAddress(target: Address, input: unknown, param: string): void {
  if (input === undefined) return;
  if (typeof input !== 'object' || input === null) throw invalidParam(param, `${param} is not of type object.`);
  for (const [key, value] of Object.entries(input as Json)) {
    if (!(key in target)) continue;
    if (typeof value !== 'string') throw invalidParam(param, `${param}[${key}] is not of type string.`);
    if (key === 'email' && value !== '' && !/^[^@\s]+@[^@\s]+$/.test(value)) {
      throw invalidParam(param, `${param}[email] is not a valid email address.`);
    }
    target[key] = value;
  }
}

export function applyLineItems(ctx: WooContext, products: ProductStore, order: OrderRecord, input: unknown): void {
  const dp = ctx.settings.decimals;
  objects(input, 'line_items').forEach((raw, i) => {
    const existing = raw.id === undefined ? undefined : order.lineItems.find((l) => l.id === int(raw.id));
    if (raw.id !== undefined && !existing) {
      throw new WooHttpError(
        400,
        'woocommerce_rest_invalid_item_id',
        'Order item ID provided is not associated with order.',
      );
    }
    const line = existing ?? newLine(ctx, products, raw);
    if (raw.quantity !== undefined) {
      const qty = int(raw.quantity);
      if (!Number.isInteger(qty) || qty <= 0) {
        throw new WooHttpError(
          400,
          'woocommerce_rest_invalid_product_quantity',
          'Product quantity must be a positive value.',
        );
      }
      line.quantity = qty;
    }
    if (!existing) {
      // On create WooCommerce first sets subtotal AND total to price × quantity (net), then applies
      // whichever of the two the client sent: sending only `total` turns the rest into a "discount".
      const product = products.get(line.variationId || line.productId);
      const priced = formatMoney(new Big(product?.regularPrice ?? '0').times(line.quantity), dp);
      line.subtotal = priced;
      line.total = priced;
    }
    if (typeof raw.name === 'string') line.name = raw.name;
    if (raw.subtotal !== undefined) line.subtotal = parseMoneyInput(raw.subtotal, `line_items[${i}][subtotal]`, dp);
    if (raw.total !== undefined) line.total = parseMoneyInput(raw.total, `line_items[${i}][total]`, dp);
    applyMetaInput(ctx, line.meta, raw.meta_data);
    if (!existing) order.lineItems.push(line);
  });
}

function newLine(ctx: WooContext, products: ProductStore, raw: Json): LineItemRecord {
  const sku = typeof raw.sku === 'string' && raw.sku !== '' ? raw.sku : null;
  const wanted = sku !== null ? (products.bySku(sku)?.id ?? 0) : int(raw.variation_id ?? 0) || int(raw.product_id ?? 0);
  if (sku === null && !wanted) {
    throw new WooHttpError(400, 'woocommerce_rest_required_product_reference', 'Product ID or SKU is required.');
  }
  const product = products.get(wanted);
  if (!product || product.type === 'variable') {
    throw new WooHttpError(400, 'woocommerce_rest_invalid_product_id', 'Invalid product ID.');
  }
  const parent = product.parentId ? products.get(product.parentId) : undefined;
  return {
    id: ctx.ids.next('item'),
    name: product.name,
    productId: parent ? parent.id : product.id,
    variationId: parent ? product.id : 0,
    quantity: 1,
    taxClass: product.taxClass,
    taxable: product.taxStatus === 'taxable',
    subtotal: '0',
    total: '0',
    subtotalTax: '0',
    totalTax: '0',
    taxes: [],
    sku: product.sku,
    meta: [],
  };
}

export function applyShippingLines(ctx: WooContext, order: OrderRecord, input: unknown): void {
  objects(input, 'shipping_lines').forEach((raw, i) => {
    const existing = raw.id === undefined ? undefined : order.shippingLines.find((l) => l.id === int(raw.id));
    if (existing && raw.method_id === null) {
      order.shippingLines.splice(order.shippingLines.indexOf(existing), 1);
      return;
    }
    const line: ShippingLineRecord = existing ?? {
      id: ctx.ids.next('item'),
      methodTitle: '',
      methodId: '',
      total: formatMoney('0', ctx.settings.decimals),
      totalTax: '0',
      taxes: [],
      meta: [],
    };
    if (typeof raw.method_id === 'string') line.methodId = raw.method_id;
    if (typeof raw.method_title === 'string') line.methodTitle = raw.method_title;
    if (raw.total !== undefined)
      line.total = parseMoneyInput(raw.total, `shipping_lines[${i}][total]`, ctx.settings.decimals);
    applyMetaInput(ctx, line.meta, raw.meta_data);
    if (!existing) order.shippingLines.push(line);
  });
}

export function applyFeeLines(ctx: WooContext, order: OrderRecord, input: unknown): void {
  objects(input, 'fee_lines').forEach((raw, i) => {
    const existing = raw.id === undefined ? undefined : order.feeLines.find((l) => l.id === int(raw.id));
    if (existing && raw.name === null) {
      order.feeLines.splice(order.feeLines.indexOf(existing), 1);
      return;
    }
    if (!existing && (typeof raw.name !== 'string' || raw.name === '')) {
      throw new WooHttpError(400, 'woocommerce_rest_invalid_fee_item', 'Fee name is required.');
    }
    const line: FeeLineRecord = existing ?? {
      id: ctx.ids.next('item'),
      name: '',
      taxClass: '',
      taxStatus: 'taxable',
      total: formatMoney('0', ctx.settings.decimals),
      totalTax: '0',
      taxes: [],
      meta: [],
    };
    if (typeof raw.name === 'string') line.name = raw.name;
    if (typeof raw.tax_class === 'string') line.taxClass = raw.tax_class;
    if (raw.tax_status !== undefined) {
      if (raw.tax_status !== 'taxable' && raw.tax_status !== 'none')
        throw invalidParam('fee_lines', `fee_lines[${i}][tax_status] is not one of taxable, none.`);
      line.taxStatus = raw.tax_status;
    }
    if (raw.total !== undefined)
      line.total = parseMoneyInput(raw.total, `fee_lines[${i}][total]`, ctx.settings.decimals);
    applyMetaInput(ctx, line.meta, raw.meta_data);
    if (!existing) order.feeLines.push(line);
  });
}
