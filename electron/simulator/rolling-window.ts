// Rolling-window request limits, the way EMQX Cloud documents them ("60 per 60 minutes",
// "1 per 60 minutes"): a request is allowed when fewer than `limit` requests of the same bucket
// were admitted in the last `windowMs`. A request admitted at t stops counting at t + windowMs.

export interface WindowDecision {
  allowed: boolean;
  /** When refused: the epoch ms at which the oldest counted request leaves the window. */
  freeAt?: number;
}

export class RollingWindowLimiter {
  private readonly buckets = new Map<string, number[]>();

  constructor(readonly windowMs: number) {}

  /** Admits and records the request when the bucket has room; never records a refusal. */
  take(bucket: string, limit: number, now: number): WindowDecision {
    const stamps = this.live(bucket, now);
    if (stamps.length >= limit) {
      const oldest = stamps[0] ?? now;
      return { allowed: false, freeAt: oldest + this.windowMs };
    }
    stamps.push(now);
    return { allowed: true };
  }

  /** Requests counted in the bucket's window at `now`. */
  used(bucket: string, now: number): number {
    return this.live(bucket, now).length;
  }

  reset(): void {
    this.buckets.clear();
  }

  private live(bucket: string, now: number): number[] {
    let stamps = this.buckets.get(bucket);
    if (stamps === undefined) {
      stamps = [];
      this.buckets.set(bucket, stamps);
    }
    let drop = 0;
    while (drop < stamps.length && now - (stamps[drop] ?? now) >= this.windowMs) drop++;
    if (drop > 0) stamps.splice(0, drop);
    return stamps;
  }
}
