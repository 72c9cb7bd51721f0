import { AMAZON_CARRIER_CODES, type AmazonCarrierCode } from './carrier-codes.js';

/**
 * The carrier choices of the Default Shipping service: Amazon's carrier codes without the entries
 * that are not carriers and without second spellings of the same carrier, the connection's
 * marketplace's common carriers first. Every code offered is still one Amazon accepts exactly.
 */

/** Codes that name no carrier: "other" in several languages, placeholders, retailers, own vans. */
const NOT_CARRIERS: ReadonlySet<AmazonCarrierCode> = new Set<AmazonCarrierCode>([
  'Other', 'Otro', 'Andere', 'Sonstige', 'Interno', 'HS code', 'Digital Delivery', 'Self Delivery',
  'Consegna Mezzi Propri', 'Mezzi propri', 'Target', 'Best Buy', 'Blue Package',
]); // prettier-ignore

/** A second spelling of a listed carrier → the spelling offered (the older, more common one). */
export const SAME_CARRIER: Readonly<Partial<Record<AmazonCarrierCode, AmazonCarrierCode>>> = {
  ROYAL_MAIL: 'Royal Mail', RMLGB: 'Royal Mail', 'COLIS PRIVE': 'Colis Privé', 'Colis Prive': 'Colis Privé',
  DASCHER: 'DACHSER', DACSHER: 'DACHSER', 'Kuehne Nagel': 'Kuehne+Nagel', FERCAM: 'Fercam',
  'UK MAIL': 'UKMail', 'APC-Overnight': 'APC Overnight', 'Post NL': 'PostNL', CouriersPlease: 'Couriers Please',
  SENDLE: 'Sendle', 'AT POST': 'AT Post', QExpress: 'Qxpress', NACEX: 'Nacex', GEODIS: 'geodis',
  'CTT EXPRESS': 'CTTExpress', 'FRANCE EXPRESS': 'France Express', YANWEN: 'Yanwen', Transoflex: 'Trans-o-Flex',
  'MZZ Briefdienst': 'MZZ-Briefdienst', 'Parcel Hub': 'Parcelhub', Parcel2go: 'PARCEL2GO.COM',
  Huxloe: 'Huxloe Logistics', 'Delivery Group': 'The Delivery Group', GEL: 'GEL Express', IDS: 'IDS Netzwerk',
  Raben: 'Raben Group', Landmark: 'Landmark Global', 'Swiss post': 'Schweizer Post', SPRING: 'Spring GDS',
  AUSSIE_POST: 'Australia Post', XPO: 'XPO Freight', SAGAWA: 'SagawaExpress', YAMATO: 'YamatoTransport',
  NITTSU: 'NipponExpress', 'APC POSTAL LOGISTICS': 'APC', 'Hermes (Corporate)': 'Hermes UK', B2C: 'B2C Europe',
  Bartolini: 'BRT', 'Hermes Logistik Gruppe': 'Hermes', Coliposte: 'Colissimo', UPSMI: 'UPS Mail Innovations',
  'Shunfeng Express': 'SF Express', AMZL_UK: 'AMZL', AMAUK: 'AMZL', Professional: 'The Professional Couriers',
  Pilot: 'Pilot Freight', 'Ship Global US': 'ShipGlobal',
}; // prettier-ignore

/** Carriers a merchant on each marketplace most likely ships with (by Amazon's country code). */
export const COMMON_CARRIERS: Readonly<Record<string, readonly AmazonCarrierCode[]>> = {
  DE: ['DHL', 'Deutsche Post', 'Hermes', 'DPD', 'GLS', 'UPS', 'FedEx', 'Amazon Shipping'],
  UK: ['Royal Mail', 'Parcelforce', 'Hermes UK', 'DPD', 'Yodel', 'DHL', 'UPS', 'Amazon Shipping'],
  FR: ['La Poste', 'Colissimo', 'Chronopost', 'Mondial Relay', 'Colis Privé', 'DPD', 'GLS', 'UPS', 'DHL'],
  IT: ['Poste Italiane', 'BRT', 'SDA', 'GLS', 'DHL', 'UPS', 'TNT', 'Nexive'],
  ES: ['Correos', 'Correos Express', 'Seur', 'MRW', 'Nacex', 'GLS', 'DHL', 'UPS'],
  NL: ['PostNL', 'DHL', 'DPD', 'GLS', 'UPS'],
  BE: ['BPOST', 'PostNL', 'DHL', 'DPD', 'GLS', 'UPS'],
  SE: ['PostNord', 'DHL', 'UPS', 'DPD'],
  PL: ['Polish Post', 'InPost', 'DPD', 'DHL', 'GLS', 'UPS'],
  IE: ['DPD', 'DHL', 'UPS', 'FedEx', 'GLS'],
  TR: ['Aras Kargo', 'MNG Kargo', 'PTT Kargo', 'DHL', 'UPS'],
  US: ['USPS', 'UPS', 'FedEx', 'DHL eCommerce', 'OnTrac', 'Lasership', 'Amazon Shipping'],
  CA: ['Canada Post', 'PUROLATOR', 'UPS', 'FedEx', 'DHL'],
  MX: ['Estafeta', 'DHL', 'FedEx', 'UPS'],
  BR: ['Correios', 'Total Express', 'DHL', 'FedEx'],
  JP: ['YamatoTransport', 'SagawaExpress', 'Japan Post', 'NipponExpress', 'Seino', 'FedEx', 'DHL'],
  AU: ['Australia Post', 'StarTrack-ArticleID', 'Sendle', 'Couriers Please', 'DHL', 'TNT'],
  SG: ['Singapore Post', 'Ninjavan', 'Qxpress', 'DHL', 'FedEx'],
  IN: ['India Post', 'BlueDart', 'Delhivery', 'DTDC', 'Ecom Express', 'Xpressbees'],
  AE: ['Emirates Post', 'Aramex', 'DHL', 'FedEx'],
  SA: ['Aramex', 'DHL', 'FedEx', 'UPS'],
  EG: ['Aramex', 'DHL', 'FedEx'],
  ZA: ['DHL', 'Aramex', 'FedEx', 'UPS'],
};

/** Every carrier worth offering, once each, in Amazon's list order. */
export const OFFERED_CARRIERS: readonly AmazonCarrierCode[] = AMAZON_CARRIER_CODES.filter(
  (code) => !NOT_CARRIERS.has(code) && SAME_CARRIER[code] === undefined,
);

/**
 * The carriers for a marketplace (country code; null = none known): its common carriers first
 * (only those Amazon lists), then every other offered carrier alphabetically.
 */
export function carriersForMarketplace(countryCode: string | null): {
  common: AmazonCarrierCode[];
  others: AmazonCarrierCode[];
} {
  const offered = new Set(OFFERED_CARRIERS);
  const common = (countryCode ? (COMMON_CARRIERS[countryCode] ?? []) : []).filter((c) => offered.has(c));
  const chosen = new Set(common);
  const others = OFFERED_CARRIERS.filter((c) => !chosen.has(c)).sort((a, b) =>
    a.localeCompare(b, 'en', { sensitivity: 'base' }),
  );
  return { common, others };
}
