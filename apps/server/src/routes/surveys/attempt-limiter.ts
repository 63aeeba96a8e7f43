import { createHash, randomBytes } from "node:crypto";

/**
 * Failed code attempts per address, kept in memory only (never logged or stored) and keyed by a
 * salted hash of the address, so that even the process's memory holds no address. A unit's
 * staff often share one address, so only failures count: people typing their valid codes are never
 * held back, someone trying codes is.
 */
export class AttemptLimiter {
  private readonly salt = randomBytes(16);
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 20,
    readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private key(address: string) {
    return createHash("sha256").update(this.salt).update(address).digest("base64");
  }

  private recent(key: string) {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Whether this address has used up its failures for the window. */
  blocked(address: string): boolean {
    return this.recent(this.key(address)).length >= this.maxFailures;
  }

  fail(address: string): void {
    const key = this.key(address);
    const kept = this.recent(key);
    kept.push(this.now());
    this.failures.set(key, kept);
    // Bound the memory: drop the oldest addresses beyond 10,000.
    if (this.failures.size > 10_000) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}
