import { loadAmazonJson } from './fixture-files.js';
import type { SeededRandom } from './seeded-random.js';

interface CarrierCodesFile {
  universal: string[];
  [list: string]: unknown;
}

let union: ReadonlySet<string> | null = null;

/**
 * Every carrier code in carrier-codes.json (all snapshots and per-marketplace lists): Amazon's current
 * list could not be fetched, so the sandbox accepts anything any list knows (reference README §13).
 */
export function knownCarrierCodes(): ReadonlySet<string> {
  if (union) return union;
  const file = loadAmazonJson<CarrierCodesFile>('carrier-codes.json');
  const codes = new Set<string>(file.universal);
  const addValues = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const values = (node as { values?: unknown }).values;
    if (Array.isArray(values)) {
      for (const v of values) if (typeof v === 'string') codes.add(v);
      return;
    }
    for (const child of Object.values(node)) addValues(child);
  };
  for (const [key, node] of Object.entries(file)) if (key !== 'universal' && key !== '_about') addValues(node);
  union = codes;
  return codes;
}

export interface CarrierChoice {
  code: string;
  service: string;
  tracking: 'digits12' | 'digits20' | 'upu' | 'ups1z';
}

type Row = readonly [string, string, CarrierChoice['tracking']];
const EU: readonly Row[] = [
  ['DHL', 'DHL Paket', 'digits12'],
  ['DPD', 'DPD Classic', 'digits12'],
  ['GLS', 'GLS BusinessParcel', 'digits12'],
];

/** Carriers a seller in each country typically ships with (all codes are in the union list). */
const BY_COUNTRY: Readonly<Record<string, readonly Row[]>> = {
  US: [
    ['USPS', 'USPS Ground Advantage', 'digits20'],
    ['UPS', 'UPS Ground', 'ups1z'],
    ['FedEx', 'FedEx Home Delivery', 'digits12'],
  ],
  CA: [
    ['Canada Post', 'Expedited Parcel', 'digits12'],
    ['PUROLATOR', 'Purolator Ground', 'digits12'],
  ],
  JP: [
    ['YAMATO', '宅急便', 'digits12'],
    ['SAGAWA', '飛脚宅配便', 'digits12'],
    ['Japan Post', 'ゆうパック', 'digits12'],
  ],
  IN: [
    ['Delhivery', 'Delhivery Surface', 'digits12'],
    ['BlueDart', 'Bluedart Apex', 'digits12'],
    ['India Post', 'Speed Post', 'upu'],
  ],
  GB: [
    ['Royal Mail', 'Royal Mail Tracked 48', 'upu'],
    ['DPD', 'DPD Next Day', 'digits12'],
    ['Yodel', 'Yodel Xpress 48', 'digits12'],
  ],
  DE: [...EU, ['Hermes Logistik Gruppe', 'Hermes Paket', 'digits12'], ['Deutsche Post', 'Warenpost', 'upu']],
  FR: [
    ['Colissimo', 'Colissimo Domicile', 'upu'],
    ['Chronopost', 'Chrono 13', 'upu'],
    ['La Poste', 'Lettre suivie', 'upu'],
  ],
  IT: [
    ['BRT', 'BRT Espresso', 'digits12'],
    ['Poste Italiane', 'Poste Delivery Business', 'upu'],
    ['SDA', 'SDA Extra Large', 'digits12'],
  ],
  ES: [
    ['Correos', 'Paq Estándar', 'upu'],
    ['Seur', 'SEUR 24', 'digits12'],
    ['Nacex', 'Nacex 19:00', 'digits12'],
  ],
  NL: [['PostNL', 'PostNL Pakket', 'digits12'], ...EU],
  BE: EU,
  SE: [['PostNord', 'MyPack Home', 'upu'], ...EU],
  PL: [['InPost', 'Paczkomat', 'digits20'], ...EU],
};

export function carriersFor(country: string): CarrierChoice[] {
  return (BY_COUNTRY[country] ?? EU).map(([code, service, tracking]) => ({ code, service, tracking }));
}

/** A tracking number in the carrier's usual shape. */
export function trackingNumber(rng: SeededRandom, carrier: CarrierChoice, country: string): string {
  switch (carrier.tracking) {
    case 'digits20':
      return `9400${rng.digits(16)}`;
    case 'upu':
      return `RR${rng.digits(9)}${country}`;
    case 'ups1z':
      return `1Z${rng.chars('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 6)}${rng.digits(10)}`;
    default:
      return rng.digits(12);
  }
}
