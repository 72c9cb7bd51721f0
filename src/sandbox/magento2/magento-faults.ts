import { SeededRandom } from '../amazon/seeded-random.js';
import { inputError } from './magento-errors.js';

/**
 * Faults for tests and benchmarks, on the REST API only (never on /_sandbox). Rates are probabilities
 * 0..1 drawn per request from a seeded generator (same seed + same request order = same faults).
 */
export interface MagentoFaultConfig {
  seed?: number;
  /** Answer 500 (Magento's production "Internal Error" body) or 503 before anything runs. */
  serverErrorRate?: number;
  /** Writes only: the change is saved, then the connection is dropped without an answer. */
  lostResponseRate?: number;
  /** The request runs (a write is saved), the answer is held `timeoutMs`, then the connection drops. */
  timeoutRate?: number;
  /** Default 10 000 ms. */
  timeoutMs?: number;
}

export type MagentoFaultPlan =
  { kind: 'none' } | { kind: 'server-error'; status: number } | { kind: 'lost' } | { kind: 'timeout'; holdMs: number };

const RATES = ['serverErrorRate', 'lostResponseRate', 'timeoutRate'] as const;

export class MagentoFaults {
  private config: MagentoFaultConfig = {};
  private rng: SeededRandom;

  constructor(private readonly defaultSeed: number) {
    this.rng = new SeededRandom(defaultSeed);
  }

  configure(config: MagentoFaultConfig): void {
    for (const key of RATES) {
      const rate = config[key] ?? 0;
      if (typeof rate !== 'number' || rate < 0 || rate > 1) throw inputError('%1 must be between 0 and 1.', [key]);
    }
    this.config = { ...config };
    this.rng = new SeededRandom(config.seed ?? this.defaultSeed);
  }

  snapshot(): MagentoFaultConfig {
    return { ...this.config };
  }

  /** One draw per request; lost answers only for writes. */
  plan(isWrite: boolean): MagentoFaultPlan {
    const c = this.config;
    if (this.rng.chance(c.serverErrorRate ?? 0))
      return { kind: 'server-error', status: this.rng.chance(0.75) ? 500 : 503 };
    if (isWrite && this.rng.chance(c.lostResponseRate ?? 0)) return { kind: 'lost' };
    if (this.rng.chance(c.timeoutRate ?? 0)) return { kind: 'timeout', holdMs: c.timeoutMs ?? 10_000 };
    return { kind: 'none' };
  }
}

/** Magento in production mode hides the exception and names a report id. */
export function serverErrorBody(rng: () => number): { message: string } {
  const id = Math.floor(rng() * 0xffffffffff)
    .toString(16)
    .padStart(10, '0');
  return { message: `Internal Error. Details are available in Magento log file. Report ID: webapi-${id}` };
}
