/**
 * The shipped Magento 2 sandbox: a stateful simulator of the Magento Open Source / Adobe Commerce 2.4.9
 * admin REST API on Magento's own schema (every request body validated against it), with integration
 * Bearer and OAuth 1.0a auth, ACL, searchCriteria, MSI stock and reservations, direct order save, the
 * admin cart flow, invoices, shipments, faults and a control API under /_sandbox. See README.md.
 */
export {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  SANDBOX_MAGENTO_CONSUMER_KEY,
  SANDBOX_MAGENTO_CONSUMER_SECRET,
  SANDBOX_MAGENTO_STORE_CODE,
  SANDBOX_MAGENTO_EAN_ATTRIBUTE,
  SANDBOX_MAGENTO_STORE_ID,
} from './constants.js';
export { startMagentoSandbox, type StartedMagentoSandbox } from './sandbox-server.js';
export { MagentoSandbox, type MagentoSandboxOptions, type ShipOrderInput } from './magento-sandbox.js';
export { defaultMagentoCatalog, ean13, type MagentoProductSeed } from './catalog.js';
export type { MagentoFaultConfig } from './magento-faults.js';
export type { MagentoSandboxStats } from './magento-stats.js';
export type {
  MagentoOrderView,
  MagentoOrderItemView,
  MagentoOrderAddressView,
  MagentoShipmentView,
  MagentoStatusHistoryView,
} from './view-types.js';
export { SANDBOX_TAX_RATES } from './tax-rates.js';
export { SANDBOX_SOURCES } from './inventory.js';
export { validateMagentoRequest, validateMagentoResponse, magentoOperation } from './admin-schema.js';
export { oauthSignature, signatureBaseString, oauthEncode } from './magento-auth.js';
