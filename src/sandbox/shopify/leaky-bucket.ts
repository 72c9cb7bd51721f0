/**
 * Shopify's GraphQL cost limit: a leaky bucket of `size` points refilled at `restoreRate` points per
 * second (Standard plan 100/s). A query whose requested cost exceeds what is available is refused
 * whole (THROTTLED); otherwise the requested cost is taken and the unused part refunded afterwards.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private atMs: number;

  constructor(
    private size: number,
    private restoreRate: number,
    private readonly nowMs: () => number,
  ) {
    this.available = size;
    this.atMs = nowMs();
  }

  private refill(): void {
    const now = this.nowMs();
    this.available = Math.min(this.size, this.available + ((now - this.atMs) / 1000) * this.restoreRate);
    this.atMs = now;
  }

  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.size, this.available + points);
  }

  reconfigure(size: number, restoreRate: number): void {
    this.refill();
    this.size = size;
    this.restoreRate = restoreRate;
    this.available = Math.min(this.available, size);
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.size,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}
