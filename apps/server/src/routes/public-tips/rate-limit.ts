import { createHmac, randomBytes } from "node:crypto";

/**
 * Counts requests per address in fixed windows, in memory only: never persisted, never logged. The
 * address itself is not kept either, only a keyed hash of it under a secret that lives and dies
 * with the process.
 */
export class RateLimiter {
  private readonly secret = randomBytes(32);
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; false when the address is over the limit in this window. */
  hit(address: string, now = Date.now()): boolean {
    this.sweep(now);
    const key = createHmac("sha256", this.secret).update(address).digest("base64url");
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}

/** One-time use of proof-of-work challenges, in memory until they expire. */
export class SpentChallenges {
  private readonly spent = new Map<string, number>();

  /** Marks a challenge spent; false when it already was. */
  spend(challenge: string, expiresAt: number, now = Date.now()): boolean {
    for (const [k, exp] of this.spent) if (exp < now) this.spent.delete(k);
    if (this.spent.has(challenge)) return false;
    this.spent.set(challenge, expiresAt);
    return true;
  }
}
