import type { Buyer, CustomerAddress, MerchantAddress, OrderTax } from '@sp-api-sdk/orders-api-2026-01-01';
import { ADDRESS_DATA } from './address-catalog.js';
import type { MarketplaceInfo } from './marketplace-catalog.js';
import type { OrderFeatures } from './order-features.js';
import { pickCompany, pickPersonName } from './person-catalog.js';
import type { SeededRandom } from './seeded-random.js';

export interface PartyData {
  deliveryAddress: CustomerAddress;
  buyer: Buyer;
  tax: OrderTax | null;
}

/** Delivery address, buyer and (business orders) the buyer's VAT registration. */
export function buildParties(rng: SeededRandom, mp: MarketplaceInfo, f: OrderFeatures): PartyData {
  const data = ADDRESS_DATA[mp.country] ?? ADDRESS_DATA.US;
  if (!data) throw new Error('address data missing');
  const regional = mp.country === 'US' || mp.country === 'CA';
  const [city, postalCode, region] = regional ? (data.cities[f.regionIndex] ?? data.cities[0]!) : rng.pick(data.cities);
  const name = pickPersonName(rng, mp.country);
  const company = f.commercialAddress ? pickCompany(rng) : null;
  const street = rng.pick(data.streets);
  const number = String(rng.int(1, 240));
  const address: CustomerAddress = {
    name,
    ...(company ? { companyName: company } : {}),
    addressLine1: mp.country === 'JP' ? street : data.numberFirst ? `${number} ${street}` : `${street} ${number}`,
    ...(rng.chance(0.3) ? { addressLine2: rng.pick(data.line2) } : {}),
    ...(rng.chance(0.05) ? { addressLine3: 'Building entrance at the back' } : {}),
    city,
    stateOrRegion: region,
    postalCode,
    countryCode: mp.country,
    ...(f.missingPhone ? {} : { phone: `${data.phonePrefix} ${rng.digits(4)}` }),
    addressType: f.commercialAddress ? 'COMMERCIAL' : 'RESIDENTIAL',
  };
  const buyerName = rng.chance(0.8) ? name : pickPersonName(rng, mp.country);
  const buyer: Buyer = {
    buyerName,
    ...(f.missingEmail
      ? {}
      : { buyerEmail: `${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 15)}@marketplace.${emailDomain(mp)}` }),
    ...(f.business && company ? { buyerCompanyName: company } : {}),
    ...(f.business && rng.chance(0.7) ? { buyerPurchaseOrderNumber: `PO-${rng.digits(6)}` } : {}),
  };
  return { deliveryAddress: address, buyer, tax: f.business && company ? vatRegistration(rng, mp, company) : null };
}

function emailDomain(mp: MarketplaceInfo): string {
  return mp.name.toLowerCase();
}

/** EU/UK business buyers carry a VAT id (e.g. DE123456789); other marketplaces get none. */
function vatRegistration(rng: SeededRandom, mp: MarketplaceInfo, company: string): OrderTax | null {
  if (!mp.taxInclusive) return null;
  return {
    taxRegistrations: [
      {
        entityType: 'BUYER',
        legalName: company,
        taxRegistrationType: 'VAT',
        taxRegistrationNumber: `${mp.country}${rng.digits(9)}`,
      },
    ],
  };
}

/** The seller's warehouse in the marketplace's country (packages' shipFromAddress). */
export function sellerWarehouse(mp: MarketplaceInfo): MerchantAddress {
  const data = ADDRESS_DATA[mp.country] ?? ADDRESS_DATA.US;
  const [city, postalCode, region] = data?.cities[0] ?? ['Seattle', '98101', 'WA'];
  return {
    name: 'OrderBridge Sandbox Warehouse',
    addressLine1: data?.numberFirst
      ? `1 ${data.streets[0] ?? 'Main Street'}`
      : `${data?.streets[0] ?? 'Hauptstraße'} 1`,
    city,
    stateOrRegion: region,
    postalCode,
    countryCode: mp.country,
  };
}
