// Fixed-window rate limits per token, as the LiveKit recording backend documents them. A window opens with the
// first request of a bucket (not on the wall-clock minute) so that a burst in a test never straddles two windows.

export interface RateDecision {
  allowed: boolean;
  /** X-RateLimit-* (and Retry-After when refused), to put on the response whatever its status. */
  headers: Record<string, string>;
}

interface Window {
  count: number;
  resetAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `token` against `bucket` unless the bucket is full; a refused request costs nothing. */
  hit(token: string, bucket: string, limit: number): RateDecision {
    const now = this.now();
    const key = `${bucket}\u0000${token}`;
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    const allowed = window.count < limit;
    if (allowed) window.count += 1;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - window.count)),
      // Unix seconds rounded up, so a client that waits until then is never early.
      'X-RateLimit-Reset': String(Math.ceil(window.resetAt / 1000)),
    };
    if (!allowed) headers['Retry-After'] = String(Math.max(1, Math.ceil((window.resetAt - now) / 1000)));
    return { allowed, headers };
  }
}
