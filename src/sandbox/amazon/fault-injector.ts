import { AppError } from '../../lib/errors.js';
import { OPERATION_IDS, type OperationId } from './sandbox-constants.js';
import { SeededRandom } from './seeded-random.js';

/** Faults for one operation. Rates are probabilities per request (per order for the block faults). */
export interface FaultRule {
  /** HTTP status → probability, e.g. {"500": 0.1, "503": 0.05, "429": 0.02}. */
  errorRates?: Record<string, number>;
  latencyMs?: number | { min: number; max: number };
  /** Hold the request without answering, then drop the connection. */
  timeoutRate?: number;
  /** 200 with a truncated JSON body. */
  malformedRate?: number;
  /** searchOrders: leave out one requested includedData block of an order. */
  dropBlocksRate?: number;
  /** searchOrders/getOrder: put an enum value Amazon may add later into an order. */
  unknownEnumRate?: number;
}

export type FaultTarget = OperationId | 'lwaToken';

/** `all` applies to the SP-API operations (not LWA); a per-operation rule overrides it field by field. */
export type FaultConfig = { seed?: number; timeoutMs?: number; all?: FaultRule } & Partial<
  Record<FaultTarget, FaultRule>
>;

export interface FaultPlan {
  latencyMs: number;
  timeout: boolean;
  errorStatus: number | null;
  malformed: boolean;
  dropBlocksRate: number;
  unknownEnumRate: number;
}

export const NO_FAULTS: FaultPlan = {
  latencyMs: 0,
  timeout: false,
  errorStatus: null,
  malformed: false,
  dropBlocksRate: 0,
  unknownEnumRate: 0,
};

const TARGETS: readonly string[] = [...OPERATION_IDS, 'lwaToken'];
const RATE_FIELDS = ['timeoutRate', 'malformedRate', 'dropBlocksRate', 'unknownEnumRate'] as const;
const invalid = (message: string): AppError => new AppError('invalid_fault_config', message, { kind: 'invalid' });

/** Decides which faults a request gets; deterministic for a given seed and request order. */
export class FaultInjector {
  private current: FaultConfig = {};
  private rng: SeededRandom;

  constructor(private readonly defaultSeed: number) {
    this.rng = new SeededRandom(defaultSeed);
  }

  configure(config: FaultConfig): void {
    validateConfig(config);
    this.current = structuredClone(config);
    this.rng = new SeededRandom(config.seed ?? this.defaultSeed);
  }

  config(): FaultConfig {
    return structuredClone(this.current);
  }

  get timeoutMs(): number {
    return this.current.timeoutMs ?? 30_000;
  }

  plan(target: FaultTarget): FaultPlan {
    const rule = { ...(target === 'lwaToken' ? {} : this.current.all), ...this.current[target] };
    if (Object.keys(rule).length === 0) return NO_FAULTS;
    const latency = rule.latencyMs ?? 0;
    return {
      latencyMs: typeof latency === 'number' ? latency : this.rng.int(latency.min, latency.max),
      timeout: this.rng.chance(rule.timeoutRate ?? 0),
      errorStatus: this.drawError(rule.errorRates ?? {}),
      malformed: this.rng.chance(rule.malformedRate ?? 0),
      dropBlocksRate: rule.dropBlocksRate ?? 0,
      unknownEnumRate: rule.unknownEnumRate ?? 0,
    };
  }

  /** Per-order draws (dropBlocks, unknownEnum) come from the same seeded sequence. */
  chance(probability: number): boolean {
    return this.rng.chance(probability);
  }

  pick<T>(values: readonly T[]): T {
    return this.rng.pick(values);
  }

  private drawError(rates: Record<string, number>): number | null {
    const entries = Object.entries(rates).filter(([, p]) => p > 0);
    if (entries.length === 0) return null;
    let roll = this.rng.next();
    for (const [status, p] of entries) {
      roll -= p;
      if (roll < 0) return Number(status);
    }
    return null;
  }
}

function validateConfig(config: FaultConfig): void {
  if (typeof config !== 'object' || config === null) throw invalid('The fault configuration must be an object.');
  for (const [key, value] of Object.entries(config)) {
    if (key === 'seed' || key === 'timeoutMs') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw invalid(`${key} must be a number ≥ 0.`);
    } else if (key === 'all' || TARGETS.includes(key)) validateRule(key, value as FaultRule);
    else throw invalid(`Unknown fault target "${key}"; use all, ${TARGETS.join(', ')}, seed or timeoutMs.`);
  }
}

function validateRule(target: string, rule: FaultRule): void {
  if (typeof rule !== 'object' || rule === null) throw invalid(`${target} must be an object.`);
  const isRate = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;
  for (const field of RATE_FIELDS) {
    if (rule[field] !== undefined && !isRate(rule[field])) throw invalid(`${target}.${field} must be between 0 and 1.`);
  }
  const rates = rule.errorRates ?? {};
  let sum = 0;
  for (const [status, p] of Object.entries(rates)) {
    if (!/^[45]\d\d$/.test(status)) throw invalid(`${target}.errorRates: "${status}" is not a 4xx/5xx status.`);
    if (!isRate(p)) throw invalid(`${target}.errorRates.${status} must be between 0 and 1.`);
    sum += p;
  }
  if (sum > 1) throw invalid(`${target}.errorRates add up to more than 1.`);
  const latency = rule.latencyMs;
  const okNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (latency !== undefined && !okNumber(latency)) {
    if (typeof latency !== 'object' || !okNumber(latency.min) || !okNumber(latency.max) || latency.min > latency.max) {
      throw invalid(`${target}.latencyMs must be milliseconds or {min, max} with min ≤ max.`);
    }
  }
  const known = new Set<string>(['errorRates', 'latencyMs', ...RATE_FIELDS]);
  for (const key of Object.keys(rule)) if (!known.has(key)) throw invalid(`Unknown fault field ${target}.${key}.`);
}
