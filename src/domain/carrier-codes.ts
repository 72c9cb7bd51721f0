/**
 * Amazon carrier codes (confirmShipment `carrierCode`, feed `<CarrierCode>`), generated ONCE from
 * `test/fixtures/amazon/carrier-codes.json` (a byte-for-byte copy of the team's reference file
 * `/work/shared/amazon/carrier-codes.json`, sha256 99016c00…c703): the union of every list in it —
 * `universal`, the 2015 and later amzn-base.xsd snapshots, the Seller Central G641 per-marketplace
 * lists and the Jan 2026 third-party list — de-duplicated, in first-seen order (388 codes). The
 * sandbox accepts the same union (src/sandbox/amazon/carrier-catalog.ts). Amazon matches codes
 * exactly (case and spaces matter); an unlisted carrier is sent as 'Other' + carrierName.
 * To update: regenerate from a newer carrier-codes.json with the same union rule.
 */
// prettier-ignore
export const AMAZON_CARRIER_CODES = [
  'Other', 'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'Fastway', 'GLS', 'GO!', 'Hermes Logistik Gruppe',
  'Royal Mail', 'Parcelforce', 'City Link', 'TNT', 'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport',
  'DHL Global Mail', 'UPS Mail Innovations', 'FedEx SmartPost', 'OSM', 'OnTrac', 'Streamlite', 'Newgistics',
  'Canada Post', 'Blue Package', 'Chronopost', 'Deutsche Post', 'DPD', 'La Poste', 'Parcelnet', 'Poste Italiane',
  'SDA', 'Smartmail', 'FEDEX_JP', 'JP_EXPRESS', 'NITTSU', 'SAGAWA', 'YAMATO', 'BlueDart', 'AFL/Fedex', 'Aramex',
  'India Post', 'Professional', 'DTDC', 'Overnite Express', 'First Flight', 'Delhivery', 'Lasership', 'Yodel',
  'Amazon Shipping', 'Seur', 'Correos', 'MRW', 'Endopack', 'Chrono Express', 'Nacex', 'Otro', 'Correios',
  'Toll Global Express', 'China Post', 'AUSSIE_POST', 'EUB', 'Australia Post', 'Yun Express', '4PX', 'Hermes',
  'SF Express', 'BRT', 'Australia Post-Consignment', 'Australia Post-ArticleId', 'Sendle', 'CouriersPlease',
  'A-1', 'AAA Cooper', 'ABF', 'ALLJOY', 'Aras Kargo', 'Arkas', 'Arrow XL', 'Asendia', 'Asgard', 'Assett',
  'AT POST', 'ATS', 'Balnak', 'Beijing Quanfeng Express', 'Best Buy', 'Best Express', 'BJS', 'Bombax',
  'Cart2India', 'CDC', 'CELERITAS', 'CEVA', 'Ceva Lojistik', 'Cititrans', 'Coliposte', 'Colissimo', 'Conway',
  'Correos Express', 'Couriers Please', 'CTTExpress', 'DB Schenker', 'DHL eCommerce', 'DHL Express',
  'DHL Freight', 'DHL Home Delivery', 'DHL Kargo', 'DHL-Paket', 'DHLPL', 'Digital Delivery', 'DirectLog',
  'Dotzot', 'DSV', 'DX Freight', 'ECMS', 'Ecom Express', 'Emirates Post', 'Energo', 'Envialia', 'Estafeta',
  'Estes', 'Fedex Freight', 'Fillo Kargo', 'First Flight China', 'First Mile', 'Gati', 'GEL Express', 'geodis',
  'Geodis Calberson', 'Geopost Kargo', 'Hermes Einrichtungsservice', 'Home Logistics', 'Hongkong Post',
  'Horoz Lojistik', 'HS code', 'Hunter Logistics', 'ICC Worldwide', 'IDS Netzwerk', 'InPost', 'iParcel',
  'Japan Post', 'JCEX', 'Kargokar', 'Kuehne+Nagel', 'Landmark', 'Metro Kargo', 'MNG Kargo', 'Narpost Kargo',
  'Nexive', 'Ninjavan', 'Old Dominion', 'OneWorldExpress', 'Panther', 'Pilot', 'Pilot Freight', 'Polish Post',
  'Post NL', 'PostNord', 'PTT Kargo', 'PUROLATOR', 'QExpress', 'Qxpress', 'R+L', 'Raben Group', 'Rhenus',
  'Rieck', 'Rivigo', 'Roadrunner', 'Safexpress', 'Saia', 'Seino', 'SEINO TRANSPORTATION', 'Selem Kargo',
  'Self Delivery', 'SENDLE', 'SFC', 'Ship Delight', 'Ship Global US', 'ShipEconomy', 'ShipGlobal',
  'Shree Maruti Courier', 'Shree Tirupati Courier', 'Shunfeng Express', 'Singapore Post',
  'South Eastern Freight Lines', 'Speedex', 'Spoton', 'StarTrack-ArticleID', 'StarTrack-Consignment',
  'STO Express', 'Tezel Lojistik', 'The Professional Couriers', 'TIPSA', 'TNT Kargo', 'TNTIT', 'Total Express',
  'Trackon', 'TransFolha', 'Tuffnells', 'UPS Freight', 'Urban Express', 'VIR', 'VNLIN', 'WanbExpress',
  'Watkins and Shepard', 'Whizzard', 'WINIT', 'XDP', 'XPO Freight', 'Xpressbees', 'YDH', 'Yellow Freight',
  'YTO Express', 'Yunda Express', 'ZTO Express', 'Tourline', 'Centex', 'iMile', 'Chukou1', 'CNE', 'Equick',
  'UBI', 'Sunyou', 'COLIS PRIVE', 'Colis Prive', 'DASCHER', 'DACHSER', 'France Express', 'Heppner',
  'Kuehne Nagel', 'Arco Spedizioni', 'FAST EST', 'FERCAM', 'Fercam', 'Liccardi', 'Milkman', 'Zust Ambrosetti',
  'Yanwen', 'ROYAL_MAIL', 'Whistl', 'Hermes (Corporate)', 'AMAUK', 'The Delivery Group', 'RMLGB', 'UKMail',
  'APC', 'Jersey Post', 'Caribou', 'Hermes UK', 'DPD Local', 'UK MAIL', 'APC Overnight', 'DX Express',
  'DX Secure', 'Parcel Station', 'AMZL_UK', 'DX', 'APC-Overnight', 'B2C Europe', 'ITD Global', 'Parcelhub',
  'HubEurope', 'Huxloe Logistics', 'GFS', 'Spring GDS', 'Verage Shipping', 'MHI', 'Truline', 'Delivery Group',
  'PDC Logistics', 'PARCEL2GO.COM', 'DEL Deliveries', 'Parcelink Logistics', 'Cubyn', 'Hotpoint Logistics',
  'AT Post', 'GEL', 'IDS', 'Raben', 'AO Deutschland', 'MZZ-Briefdienst', 'Der Kurier', 'REDUR', 'Europaczka',
  'Emons', 'Seven Senders', 'Sendcloud', 'Mail Alliance', 'Mainpost', 'PIN', 'Post Modern', 'Trans-o-Flex',
  'Exapaq', 'Trakpak', 'BPOST', 'UPakWeShip', 'Mondial Relay', 'Swiss post', 'Consegna Mezzi Propri', 'DACSHER',
  'GEODIS', 'XPO', 'NACEX', 'Sprint', 'Susa', 'Zeleris', 'TWS', 'Sailpost', 'WPX', 'HRP', 'Sending', 'CBL',
  'DYNAMIC EXPRESS', 'EINSA SOURCING', 'GRUPO LOGISTIC', 'KEAVO', 'NTL', 'SPRING', 'Szendex', 'TDN',
  'Transaragonés', 'TSB', 'TXT', 'TyD', 'Via Xpress', 'CTT EXPRESS', 'FRANCE EXPRESS', 'Bartolini', 'AMZL',
  'Andere', 'AO', 'B2C', 'CargoLine', 'Citypost', 'Delivengo', 'DPB', 'EKI Trans', 'FRACHTPOST', 'Hellmann',
  'Hlog', 'honesteye', 'Huxloe', 'Interlink', 'Interno', 'Intersoft', 'JPL UPU', 'Kybotech', 'Landmark Global',
  'MBE', 'Mezzi propri', 'MZZ Briefdienst', 'NOVEO', 'OCS Worldwide', 'ONTIME', 'Palletline', 'Palletways',
  'Parcel Hub', 'Parcel Monkey', 'Parcel2go', 'ParcelDenOnline', 'ParcelOne', 'PostNL', 'RBNA', 'RR Donnelley',
  'Schweizer Post', 'Shipmate', 'Sonstige', 'Stahlmann and Sachs', 'Stampit', 'STG', 'Transaher', 'Translink',
  'Transoflex', 'Upsilon', 'YANWEN', '360lion', 'AMAZON HORIZON', 'APC POSTAL LOGISTICS', 'APG eCommerce',
  'BR1 Express', 'Bombino Express', 'Colis Privé', 'DHL Parcel UK', 'ePost Global',
  'Ecom Shipping solutions PVT ltd',
] as const;

export type AmazonCarrierCode = (typeof AMAZON_CARRIER_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(AMAZON_CARRIER_CODES);

export function isAmazonCarrierCode(value: string): value is AmazonCarrierCode {
  return KNOWN.has(value);
}

/** The listed code that differs from `value` only in case or spacing, for "did you mean" hints. */
export function suggestCarrierCode(value: string): AmazonCarrierCode | null {
  const key = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  const wanted = key(value);
  return AMAZON_CARRIER_CODES.find((code) => key(code) === wanted) ?? null;
}
