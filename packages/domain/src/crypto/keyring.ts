import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Cipher, KEY_BYTES, open, seal } from "./seal";

/**
 * The installation's tip key-encryption keys (KEK): the current one wraps new data keys; earlier
 * ones (after a rotation) still unwrap old records. The keys never enter the database; a record
 * keeps the KEK's fingerprint (kekId) only.
 */
export interface TipKeyring {
  current: { id: string; key: Buffer };
  byId: ReadonlyMap<string, Buffer>;
}

/** The fingerprint a record keeps: SM3 of the key, 16 hex characters. Identifies, never reveals. */
export const kekIdOf = (key: Uint8Array) => createHash("sm3").update(key).digest("hex").slice(0, 16);

/** A key written as 64 hex characters or as base64 of 32 bytes. */
export function parseKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== KEY_BYTES) {
    throw new Error(`${source}: the tip key must be 32 bytes, written as 64 hex characters or base64`);
  }
  return key;
}

export function keyringOf(current: Buffer, previous: Buffer[] = []): TipKeyring {
  const byId = new Map<string, Buffer>();
  for (const k of [current, ...previous]) byId.set(kekIdOf(k), k);
  return { current: { id: kekIdOf(current), key: current }, byId };
}

/**
 * Where the tip key comes from, in order (ADR 0009):
 *  1. XUNCHA_TIP_KEY (hex or base64), with XUNCHA_TIP_KEY_PREVIOUS (comma-separated) for rotation;
 *  2. the file XUNCHA_TIP_KEY_FILE, or <data dir>/tip.key: created on first use with a fresh
 *     random key and 0600 permissions; a file others can read is refused.
 */
export function loadTipKeyring(options: { env: NodeJS.ProcessEnv; dataDir: string }): TipKeyring {
  const { env } = options;
  const previous = (env.XUNCHA_TIP_KEY_PREVIOUS ?? "")
    .split(",")
    .filter((s) => s.trim())
    .map((s) => parseKey(s, "XUNCHA_TIP_KEY_PREVIOUS"));
  if (env.XUNCHA_TIP_KEY) return keyringOf(parseKey(env.XUNCHA_TIP_KEY, "XUNCHA_TIP_KEY"), previous);
  const file = env.XUNCHA_TIP_KEY_FILE || join(options.dataDir, "tip.key");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(KEY_BYTES).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    } catch (e) {
      // Another process created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    chmodSync(file, 0o600);
  }
  if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file}: the tip key file must be readable by its owner only (chmod 600)`);
  }
  return keyringOf(parseKey(readFileSync(file, "utf8"), file), previous);
}

/** Wraps a record's data key under the current KEK, bound to the record and field by `aad`. */
export function wrapKey(ring: TipKeyring, cipher: Cipher, dataKey: Uint8Array, aad: string) {
  return { kekId: ring.current.id, wrapped: seal(cipher, ring.current.key, dataKey, `kek/${aad}`) };
}

/** Unwraps a record's data key with the KEK that wrapped it. */
export function unwrapKey(
  ring: TipKeyring,
  cipher: Cipher,
  kekId: string,
  wrapped: Uint8Array,
  aad: string,
): Buffer {
  const kek = ring.byId.get(kekId);
  if (!kek) throw new Error(`tip key ${kekId} is not configured (XUNCHA_TIP_KEY_PREVIOUS after a rotation?)`);
  return open(cipher, kek, wrapped, `kek/${aad}`);
}
