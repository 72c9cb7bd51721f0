/**
 * The store's own tax table (WooCommerce › Settings › Tax). WooCommerce ignores any tax a REST
 * client sends and recomputes every order from these rates — the sandbox does the same.
 */
export interface WooTaxRate {
  /** ISO country code; '' = every country. */
  country: string;
  /** State code; omitted = the whole country. */
  state?: string;
  /** Percent as a decimal string, e.g. "19.0000". */
  rate: string;
  name?: string;
  /** Tax class slug: '' / 'standard', 'reduced-rate', 'zero-rate', … */
  class?: string;
  /** Whether the rate also applies to shipping (default true). */
  shipping?: boolean;
}

export interface ResolvedRate {
  id: number;
  rate: string;
  label: string;
  code: string;
  shipping: boolean;
}

/** Default table: EU/UK standard and reduced rates; the US has only a California state rate. */
export const DEFAULT_TAX_RATES: readonly WooTaxRate[] = [
  { country: 'DE', rate: '19.0000', name: 'MwSt.' },
  { country: 'DE', rate: '7.0000', name: 'MwSt. 7%', class: 'reduced-rate' },
  { country: 'FR', rate: '20.0000', name: 'TVA' },
  { country: 'FR', rate: '5.5000', name: 'TVA 5,5%', class: 'reduced-rate' },
  { country: 'GB', rate: '20.0000', name: 'VAT' },
  { country: 'GB', rate: '0.0000', name: 'VAT 0%', class: 'reduced-rate' },
  { country: 'IT', rate: '22.0000', name: 'IVA' },
  { country: 'ES', rate: '21.0000', name: 'IVA' },
  { country: 'NL', rate: '21.0000', name: 'BTW' },
  { country: 'BE', rate: '21.0000', name: 'BTW' },
  { country: 'AT', rate: '20.0000', name: 'USt.' },
  { country: 'PL', rate: '23.0000', name: 'VAT' },
  { country: 'SE', rate: '25.0000', name: 'Moms' },
  { country: 'US', state: 'CA', rate: '7.2500', name: 'State Tax' },
];

const normaliseClass = (taxClass: string | undefined): string =>
  taxClass === undefined || taxClass === 'standard' ? '' : taxClass;

export class TaxTable {
  private readonly rates: (WooTaxRate & { id: number })[];

  constructor(rates: readonly WooTaxRate[], firstId = 1) {
    this.rates = rates.map((r, i) => ({ ...r, id: firstId + i }));
  }

  /** The most specific matching rate (state beats country beats everywhere), or null (untaxed). */
  find(country: string, state: string, taxClass: string, forShipping = false): ResolvedRate | null {
    const wanted = normaliseClass(taxClass);
    let best: (WooTaxRate & { id: number }) | null = null;
    let bestScore = -1;
    for (const r of this.rates) {
      if (normaliseClass(r.class) !== wanted) continue;
      if (forShipping && r.shipping === false) continue;
      if (r.country !== '' && r.country.toUpperCase() !== country.toUpperCase()) continue;
      if (r.state !== undefined && r.state.toUpperCase() !== state.toUpperCase()) continue;
      const score = (r.country === '' ? 0 : 1) + (r.state === undefined ? 0 : 2);
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    if (best === null) return null;
    const code = [best.country || '*', best.state ?? '', (best.name ?? 'TAX').toUpperCase(), '1'].join('-');
    return { id: best.id, rate: best.rate, label: best.name ?? 'Tax', code, shipping: best.shipping !== false };
  }

  list(): (WooTaxRate & { id: number })[] {
    return this.rates.map((r) => ({ ...r }));
  }
}
