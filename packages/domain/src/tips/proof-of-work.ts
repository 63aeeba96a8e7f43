import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A small proof of work for the public tip form, instead of a third-party captcha: the server
 * issues a signed challenge; the page finds a nonce such that SHA-256(challenge + ":" + nonce)
 * starts with `bits` zero bits (about 2^bits tries: a second or two in a phone's browser), and
 * sends it with the tip. The challenge is stateless (HMAC-signed, with its expiry); the server
 * remembers spent ones in memory so that one solution serves once.
 */
export interface PowChallenge {
  challenge: string;
  bits: number;
  expiresAt: number;
}

export const POW_TTL_MS = 15 * 60 * 1000;

const sign = (secret: Uint8Array, payload: string) =>
  createHmac("sha256", secret).update(payload).digest("base64url");

export function issueChallenge(secret: Uint8Array, bits: number, now = Date.now()): PowChallenge {
  const expiresAt = now + POW_TTL_MS;
  const payload = `${randomBytes(12).toString("base64url")}.${bits}.${expiresAt}`;
  return { challenge: `${payload}.${sign(secret, payload)}`, bits, expiresAt };
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let n = 0;
  for (const byte of digest) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    n += Math.clz32(byte) - 24;
    break;
  }
  return n;
}

export const powDigest = (challenge: string, nonce: string) =>
  createHash("sha256").update(`${challenge}:${nonce}`).digest();

/** Whether the challenge is ours, unexpired, and the nonce solves it. */
export function checkSolution(
  secret: Uint8Array,
  challenge: string,
  nonce: string,
  now = Date.now(),
): boolean {
  const parts = challenge.split(".");
  if (parts.length !== 4 || nonce.length > 32) return false;
  const [rand, bitsText, expiresText, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(secret, `${rand}.${bitsText}.${expiresText}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  if (Number(expiresText) < now) return false;
  return leadingZeroBits(powDigest(challenge, nonce)) >= Number(bitsText);
}

/** What the page does, for tests and tools: tries nonces 0, 1, 2 … until one solves it. */
export function solveChallenge(challenge: string, bits: number): string {
  for (let i = 0; ; i++) if (leadingZeroBits(powDigest(challenge, String(i))) >= bits) return String(i);
}
