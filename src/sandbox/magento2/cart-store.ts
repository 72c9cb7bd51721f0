import { inputError, noSuchEntity } from './magento-errors.js';
import { isJsonObject, textOf, type Json } from './magento-format.js';

export interface CartItem {
  item_id: number;
  sku: string;
  qty: number;
  name: string;
  /** Net catalogue price (decimal string). */
  price: string;
  product_type: string;
  product_id: number;
  quote_id: string;
}

export interface CartRecord {
  id: number;
  active: boolean;
  items: CartItem[];
  shippingAddress: Json | null;
  billingAddress: Json | null;
  carrierCode: string | null;
  methodCode: string | null;
}

/** Shipping methods of the sandbox store: Flat Rate (5.00 per item, Magento's default) and Free Shipping. */
export const CARRIERS: Readonly<Record<string, { perItem: string; title: string }>> = {
  flatrate_flatrate: { perItem: '5', title: 'Flat Rate - Fixed' },
  freeshipping_freeshipping: { perItem: '0', title: 'Free Shipping - Free' },
};

export const PAYMENT_METHODS: readonly { code: string; title: string }[] = [
  { code: 'checkmo', title: 'Check / Money order' },
  { code: 'banktransfer', title: 'Bank Transfer Payment' },
  { code: 'cashondelivery', title: 'Cash On Delivery' },
  { code: 'purchaseorder', title: 'Purchase Order' },
];

/** Admin carts (quotes): created empty, filled with catalogue items, priced by the store. */
export class CartStore {
  private byId = new Map<number, CartRecord>();
  private nextId = 1;
  private nextItemId = 1;

  create(): number {
    const id = this.nextId++;
    this.byId.set(id, {
      id,
      active: true,
      items: [],
      shippingAddress: null,
      billingAddress: null,
      carrierCode: null,
      methodCode: null,
    });
    return id;
  }

  /** An active cart; a placed or unknown one is Magento's NoSuchEntity on cartId. */
  active(id: number): CartRecord {
    const cart = this.byId.get(id);
    if (!cart || !cart.active) throw noSuchEntity('cartId', id);
    return cart;
  }

  addItem(cart: CartRecord, line: Omit<CartItem, 'item_id' | 'quote_id'>): CartItem {
    const existing = cart.items.find((i) => i.sku.toLowerCase() === line.sku.toLowerCase());
    if (existing) {
      existing.qty += line.qty;
      return existing;
    }
    const item: CartItem = { ...line, item_id: this.nextItemId++, quote_id: String(cart.id) };
    cart.items.push(item);
    return item;
  }

  setShipping(cart: CartRecord, info: Json): void {
    const carrier = textOf(info.shipping_carrier_code);
    const method = textOf(info.shipping_method_code);
    if (!CARRIERS[`${carrier}_${method}`])
      throw inputError('Carrier with such method not found: %1, %2', [carrier, method]);
    if (!isJsonObject(info.shipping_address))
      throw inputError('The shipping address is missing. Set the address and try again.');
    cart.shippingAddress = info.shipping_address;
    cart.billingAddress = isJsonObject(info.billing_address) ? info.billing_address : info.shipping_address;
    cart.carrierCode = carrier;
    cart.methodCode = method;
  }

  clear(): void {
    this.byId.clear();
    this.nextId = 1;
    this.nextItemId = 1;
  }
}
