/** Time source, injected so tests and the sandbox can move time. All times are UTC ISO strings. */
export interface Clock {
  now(): Date;
  nowIso(): string;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  nowIso: () => new Date().toISOString(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock whose time only moves when told to; sleep advances it instantly. */
export class ManualClock implements Clock {
  private current: number;
  constructor(startIso = '2026-01-01T00:00:00.000Z') {
    this.current = Date.parse(startIso);
  }
  now(): Date {
    return new Date(this.current);
  }
  nowIso(): string {
    return new Date(this.current).toISOString();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  sleep(ms: number): Promise<void> {
    this.current += ms;
    return Promise.resolve();
  }
}
