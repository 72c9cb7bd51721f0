import { SeededRandom } from '../amazon/seeded-random.js';

/** Faults for tests and benchmarks (GraphQL endpoint and webhooks only; never /_sandbox). Seeded. */
export interface ShopifyFaultConfig {
  /** HTTP 500/502/503 before anything is executed. */
  serverErrorRate?: number;
  /** A mutation is executed and saved, then the connection is dropped before any answer. */
  lostResponseRate?: number;
  /** The answer (after saving) is held longer than a client waits, then the connection is dropped. */
  timeoutRate?: number;
  /** How long a timeout holds the answer (default 10 000 ms). */
  timeoutHoldMs?: number;
  /** A delivered webhook is delivered a second time (same X-Shopify-Event-Id, new webhook id). */
  duplicateWebhookRate?: number;
  /** A webhook attempt is not sent (counted as failed; retried like a non-2xx answer). */
  failWebhookRate?: number;
}

export type RequestFault =
  { kind: 'none' } | { kind: 'server-error'; status: number } | { kind: 'lost' } | { kind: 'timeout'; holdMs: number };

function checkRate(name: string, v: unknown): void {
  if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1)) throw new Error(`${name} must be between 0 and 1`);
}

export class ShopifyFaults {
  private config: ShopifyFaultConfig = {};
  private rng: SeededRandom;

  constructor(
    private readonly seed: number,
    initial: ShopifyFaultConfig = {},
  ) {
    this.rng = new SeededRandom(seed).fork('shopify-faults');
    this.configure(initial);
  }

  configure(config: ShopifyFaultConfig): void {
    for (const k of [
      'serverErrorRate',
      'lostResponseRate',
      'timeoutRate',
      'duplicateWebhookRate',
      'failWebhookRate',
    ] as const)
      checkRate(k, config[k]);
    this.config = { ...config };
    this.rng = new SeededRandom(this.seed).fork('shopify-faults');
  }

  snapshot(): ShopifyFaultConfig {
    return { ...this.config };
  }

  /** Drawn before executing; `lost`/`timeout` apply after executing (and only to mutations for `lost`). */
  plan(isMutation: boolean): RequestFault {
    const c = this.config;
    if (this.rng.chance(c.serverErrorRate ?? 0))
      return { kind: 'server-error', status: this.rng.pick([500, 502, 503]) };
    if (isMutation && this.rng.chance(c.lostResponseRate ?? 0)) return { kind: 'lost' };
    if (this.rng.chance(c.timeoutRate ?? 0)) return { kind: 'timeout', holdMs: c.timeoutHoldMs ?? 10_000 };
    return { kind: 'none' };
  }

  webhookFails(): boolean {
    return this.rng.chance(this.config.failWebhookRate ?? 0);
  }

  webhookDuplicated(): boolean {
    return this.rng.chance(this.config.duplicateWebhookRate ?? 0);
  }
}
