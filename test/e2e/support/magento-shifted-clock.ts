import type { Clock } from '../../../src/lib/clock.js';

/**
 * The system clock moved forward by however much a test advanced it: timers and job leases keep
 * running in real time, while a schedule kept in the clock's time (the Magento connector's stock
 * reconciliation every 5 minutes) can be made due without waiting for it.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  advance(ms: number): void {
    this.offsetMs += ms;
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  nowIso(): string {
    return this.now().toISOString();
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
