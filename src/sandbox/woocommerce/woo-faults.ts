import { SeededRandom } from '../amazon/seeded-random.js';
import { WooHttpError } from './woo-errors.js';

/**
 * Faults for tests and benchmarks, on the REST API only (never on /_sandbox). Deterministic for a
 * given seed and request order.
 */
export type WooFaultKind = '500' | '502' | '503' | '504' | '429' | 'timeout';

export interface WooFaultConfig {
  /** Probability (0..1) that a REST request gets one of `kinds`. */
  rate?: number;
  seed?: number;
  /** Default: 500, 503, 429, timeout (equally likely). */
  kinds?: WooFaultKind[];
  /** How long a `timeout` holds the request before dropping the connection (default 5000 ms). */
  timeoutMs?: number;
  /**
   * The next N `POST /orders` create the order (committed, stock moved, webhooks sent) and then the
   * connection is dropped before any response: the client cannot know the order exists.
   */
  loseOrderCreateResponses?: number;
}

export type FaultPlan = { kind: 'none' } | { kind: 'error'; status: number } | { kind: 'timeout'; holdMs: number };

const KINDS: readonly WooFaultKind[] = ['500', '502', '503', '504', '429', 'timeout'];
const bad = (message: string): WooHttpError => new WooHttpError(400, 'sandbox_invalid_fault_config', message);

export class WooFaultInjector {
  private config: WooFaultConfig = {};
  private rng: SeededRandom;
  private lostLeft = 0;

  constructor(private readonly defaultSeed: number) {
    this.rng = new SeededRandom(defaultSeed);
  }

  configure(config: WooFaultConfig): void {
    const rate = config.rate ?? 0;
    if (typeof rate !== 'number' || rate < 0 || rate > 1) throw bad('rate must be between 0 and 1.');
    if (config.kinds !== undefined && (!Array.isArray(config.kinds) || config.kinds.some((k) => !KINDS.includes(k))))
      throw bad(`kinds must be a list of ${KINDS.join(', ')}.`);
    const lost = config.loseOrderCreateResponses ?? 0;
    if (!Number.isInteger(lost) || lost < 0) throw bad('loseOrderCreateResponses must be a whole number ≥ 0.');
    this.config = structuredClone(config);
    this.rng = new SeededRandom(config.seed ?? this.defaultSeed);
    this.lostLeft = lost;
  }

  snapshot(): WooFaultConfig {
    return { ...structuredClone(this.config), loseOrderCreateResponses: this.lostLeft };
  }

  plan(): FaultPlan {
    if (!this.rng.chance(this.config.rate ?? 0)) return { kind: 'none' };
    const kind = this.rng.pick(this.config.kinds ?? ['500', '503', '429', 'timeout']);
    if (kind === 'timeout') return { kind: 'timeout', holdMs: this.config.timeoutMs ?? 5000 };
    return { kind: 'error', status: Number(kind) };
  }

  /** Consumes one "lost response" for a POST /orders. */
  takeLostCreate(): boolean {
    if (this.lostLeft <= 0) return false;
    this.lostLeft -= 1;
    return true;
  }
}

/** What a faulty WordPress host answers: PHP fatal HTML, a proxy page, or WC-style JSON for 429. */
export function faultResponse(status: number): { body: string; contentType: string; headers: Record<string, string> } {
  if (status === 429) {
    return {
      body: JSON.stringify({ code: 'rest_too_many_requests', message: 'Too many requests.', data: { status } }),
      contentType: 'application/json; charset=UTF-8',
      headers: { 'retry-after': '1' },
    };
  }
  if (status === 500) {
    const html = '<!DOCTYPE html><html><body><p>There has been a critical error on this website.</p></body></html>';
    return { body: html, contentType: 'text/html; charset=UTF-8', headers: {} };
  }
  return { body: `<html><body><h1>${status}</h1>upstream error</body></html>`, contentType: 'text/html', headers: {} };
}
