import { CART_ROUTES } from './cart.routes.js';
import { INVENTORY_ROUTES } from './inventory.routes.js';
import { matchPath } from '../amazon/http-kit.js';
import type { MagentoRoute } from './magento-route.js';
import { ORDER_ROUTES } from './order.routes.js';
import { PRODUCT_ROUTES } from './product.routes.js';
import { SHIPMENT_ROUTES } from './shipment.routes.js';
import { STORE_ROUTES } from './store.routes.js';

const trimSlash = (p: string): string => p.replace(/\/+$/, '') || '/';
const literalSegments = (pattern: string): number =>
  pattern.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;

/** Every REST operation the sandbox serves; a literal segment wins over a parameter. */
export const MAGENTO_ROUTES: readonly MagentoRoute[] = [
  ...STORE_ROUTES,
  ...PRODUCT_ROUTES,
  ...INVENTORY_ROUTES,
  ...ORDER_ROUTES,
  ...SHIPMENT_ROUTES,
  ...CART_ROUTES,
].sort((a, b) => literalSegments(b.pattern) - literalSegments(a.pattern));

/** Magento ignores a trailing slash (the schema itself has /V1/carts/ and /V1/shipments). */
export function findRoute(
  method: string,
  path: string,
): { route: MagentoRoute; params: Record<string, string> } | null {
  const wanted = trimSlash(path);
  for (const route of MAGENTO_ROUTES) {
    if (route.method !== method) continue;
    const params = matchPath(trimSlash(route.pattern), wanted);
    if (params) return { route, params };
  }
  return null;
}
