/**
 * Shopify tracking companies (FulfillmentTrackingInfo's supported names) that the shared carrier
 * recogniser (src/domain/store-carriers.ts) does not know by name, as the Amazon carrier code they
 * are. Every other company goes to OrderBridge as typed: known names map there, unknown ones become
 * `Other` + the company name.
 */
const SHOPIFY_CARRIERS: Readonly<Record<string, string>> = {
  evri: 'Hermes UK',
  'amazon logistics uk': 'AMAUK',
  'amazon logistics us': 'Amazon Shipping',
  amazon: 'Amazon Shipping',
  'dhl ecommerce asia': 'DHL eCommerce',
  'asendia usa': 'Asendia',
};

/** The shipment's `carrier` (an Amazon code where Shopify's name needs one) and `carrierName` (as typed). */
export function carrierOf(company: string | null | undefined): { carrier: string | null; carrierName: string | null } {
  const name = company?.trim() || null;
  if (name === null) return { carrier: null, carrierName: null };
  return { carrier: SHOPIFY_CARRIERS[name.toLowerCase()] ?? name, carrierName: name };
}
