import { amazonCarrierFor } from '../../domain/store-carriers.js';

/** Magento's own carrier modules (Stores › Configuration › Sales › Delivery Methods) by carrier_code. */
const MAGENTO_CARRIERS: ReadonlySet<string> = new Set(['dhl', 'ups', 'usps', 'fedex']);

/**
 * A shipment track's carrier for OrderBridge: Magento's carrier modules (`dhl`, `ups`, `usps`,
 * `fedex`) as the Amazon code the shared recogniser finds for them; `custom` (and any module
 * OrderBridge does not know) by the track's title as typed, which the merchant's carrier mapping
 * and the recogniser resolve downstream (unknown → Other + the title).
 */
export function carrierOf(
  carrierCode: string | null | undefined,
  title: string | null | undefined,
): { carrier: string | null; carrierName: string | null } {
  const code = carrierCode?.trim().toLowerCase() || null;
  const name = title?.trim() || null;
  if (code !== null && MAGENTO_CARRIERS.has(code))
    return { carrier: amazonCarrierFor(code) ?? code, carrierName: name };
  return { carrier: name ?? (code === 'custom' ? null : code), carrierName: name };
}
