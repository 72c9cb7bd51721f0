import { systemClock, type Clock } from '../../lib/clock.js';

/** The sandbox's notion of now: a base clock plus an offset the control API can move forward. */
export class SandboxClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.base.now().getTime() + this.offsetMs;
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  sleep(ms: number): Promise<void> {
    return this.base.sleep(ms);
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new Error('advanceSeconds must be a finite number');
    this.offsetMs += seconds * 1000;
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  resetOffset(): void {
    this.offsetMs = 0;
  }
}
