import { placeCart } from './cart-checkout.js';
import { PAYMENT_METHODS } from './cart-store.js';
import { cartTotals, totalsView } from './cart-totals.js';
import { inputError } from './magento-errors.js';
import { numberOf, textOf, type Json } from './magento-format.js';
import { intParam, type MagentoRoute } from './magento-route.js';
import { completeRequired } from './response-shape.js';

/** The admin (integration) cart flow: Magento prices, taxes, reserves and numbers the order itself. */
export const CART_ROUTES: readonly MagentoRoute[] = [
  {
    method: 'POST',
    pattern: '/V1/carts/',
    resource: 'Magento_Cart::manage',
    run: (ctx) => ctx.sandbox.carts.create(),
  },
  {
    method: 'POST',
    pattern: '/V1/carts/{quoteId}/items',
    resource: 'Magento_Cart::manage',
    run: (ctx) => {
      const { sandbox } = ctx;
      const cart = sandbox.carts.active(intParam(ctx, 'quoteId'));
      const input = ctx.body.cartItem as Json;
      const product = sandbox.products.requireSku(textOf(input.sku));
      if (product.typeId === 'configurable') throw inputError('You need to choose options for your item.');
      const qty = numberOf(input.qty);
      if (qty <= 0) throw inputError('The quantity must be greater than 0.');
      if (qty > sandbox.inventory.salable(product.sku, sandbox.stockId))
        throw inputError('The requested qty is not available');
      const item = sandbox.carts.addItem(cart, {
        sku: product.sku,
        qty,
        name: product.name,
        price: product.price,
        product_type: product.typeId,
        product_id: product.id,
      });
      const { product_id: _ignored, ...view } = item;
      return { ...view, price: numberOf(item.price) };
    },
  },
  {
    method: 'POST',
    pattern: '/V1/carts/{cartId}/shipping-information',
    resource: 'Magento_Cart::manage',
    run: (ctx) => {
      const { sandbox } = ctx;
      const cart = sandbox.carts.active(intParam(ctx, 'cartId'));
      sandbox.carts.setShipping(cart, ctx.body.addressInformation as Json);
      return completeRequired('checkout-data-payment-details-interface', {
        payment_methods: PAYMENT_METHODS.map((p) => ({ ...p })),
        totals: totalsView(cartTotals(cart), sandbox.currency),
      });
    },
  },
  {
    method: 'PUT',
    pattern: '/V1/carts/{cartId}/order',
    resource: 'Magento_Cart::manage',
    run: (ctx) => {
      const { sandbox } = ctx;
      const cart = sandbox.carts.active(intParam(ctx, 'cartId'));
      const orderId = placeCart(
        {
          carts: sandbox.carts,
          orders: sandbox.orders,
          inventory: sandbox.inventory,
          stockId: sandbox.stockId,
          currency: sandbox.currency,
        },
        cart,
        ctx.body.paymentMethod,
      );
      sandbox.stats.count('cartsPlaced');
      sandbox.stats.count('ordersCreated');
      return orderId;
    },
  },
];
