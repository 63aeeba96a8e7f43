import { createCipheriv, createHash } from "node:crypto";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyringOf, loadTipKeyring, unwrapKey, wrapKey } from "./keyring";
import { CIPHERS, newDataKey, open, openJson, seal, sealJson } from "./seal";

describe("the national test vectors hold for the primitives used", () => {
  it("SM4 (GB/T 32907-2016, example 1)", () => {
    const key = Buffer.from("0123456789abcdeffedcba9876543210", "hex");
    const c = createCipheriv("sm4-ecb", key, null);
    c.setAutoPadding(false);
    const out = Buffer.concat([c.update(key), c.final()]);
    expect(out.toString("hex")).toBe("681edf34d206965e86b3e94f536e4246");
  });

  it("SM3 (GB/T 32905-2016, example 1)", () => {
    expect(createHash("sm3").update("abc").digest("hex")).toBe(
      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
    );
  });
});

describe.each(CIPHERS)("sealed fields with %s", (cipher) => {
  const key = newDataKey();
  const text = "某村书记在低保评定中优亲厚友，2025年3月……";

  it("round-trips text and JSON", () => {
    const sealed = seal(cipher, key, Buffer.from(text), "tip:1:content");
    expect(sealed.includes(Buffer.from(text))).toBe(false);
    expect(open(cipher, key, sealed, "tip:1:content").toString()).toBe(text);
    const value = { name: "张三", phone: "13800000000" };
    expect(openJson(cipher, key, sealJson(cipher, key, value, "a"), "a")).toEqual(value);
  });

  it("seals the same text differently each time (fresh IV)", () => {
    const a = seal(cipher, key, Buffer.from(text), "x");
    const b = seal(cipher, key, Buffer.from(text), "x");
    expect(a.equals(b)).toBe(false);
  });

  it("detects any flipped byte", () => {
    const sealed = seal(cipher, key, Buffer.from(text), "x");
    for (const i of [0, 1, 20, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[i]! ^= 0x01;
      expect(() => open(cipher, key, bad, "x")).toThrow(/篡改/);
    }
    expect(() => open(cipher, key, sealed.subarray(0, sealed.length - 1), "x")).toThrow(/篡改/);
  });

  it("refuses a wrong key, a moved value (other aad) and the other cipher", () => {
    const sealed = seal(cipher, key, Buffer.from(text), "tip:1:content");
    expect(() => open(cipher, newDataKey(), sealed, "tip:1:content")).toThrow(/篡改/);
    expect(() => open(cipher, key, sealed, "tip:2:content")).toThrow(/篡改/);
    const other = CIPHERS.find((c) => c !== cipher)!;
    expect(() => open(other, key, sealed, "tip:1:content")).toThrow(/篡改/);
  });

  it("wraps data keys under the KEK and unwraps with the right KEK only", () => {
    const ring = keyringOf(newDataKey());
    const { kekId, wrapped } = wrapKey(ring, cipher, key, "tip:1:content");
    expect(unwrapKey(ring, cipher, kekId, wrapped, "tip:1:content").equals(key)).toBe(true);
    expect(() => unwrapKey(ring, cipher, kekId, wrapped, "tip:1:identity")).toThrow(/篡改/);
    const rotated = keyringOf(newDataKey(), [ring.current.key]);
    expect(unwrapKey(rotated, cipher, kekId, wrapped, "tip:1:content").equals(key)).toBe(true);
    expect(() => unwrapKey(keyringOf(newDataKey()), cipher, kekId, wrapped, "tip:1:content")).toThrow(
      /not configured/,
    );
  });
});

describe("loadTipKeyring", () => {
  it("takes XUNCHA_TIP_KEY from the environment", () => {
    const hex = "ab".repeat(32);
    const ring = loadTipKeyring({ env: { XUNCHA_TIP_KEY: hex }, dataDir: "/nonexistent" });
    expect(ring.current.key.toString("hex")).toBe(hex);
    expect(() => loadTipKeyring({ env: { XUNCHA_TIP_KEY: "short" }, dataDir: "/x" })).toThrow(/32 bytes/);
  });

  it("creates a 0600 key file on first use and reads the same key afterwards", () => {
    const dir = mkdtempSync(join(tmpdir(), "tipkey-"));
    const first = loadTipKeyring({ env: {}, dataDir: dir });
    expect(statSync(join(dir, "tip.key")).mode & 0o777).toBe(0o600);
    expect(loadTipKeyring({ env: {}, dataDir: dir }).current.id).toBe(first.current.id);
  });

  it("refuses a key file others can read", () => {
    const dir = mkdtempSync(join(tmpdir(), "tipkey-"));
    writeFileSync(join(dir, "tip.key"), "cd".repeat(32), { mode: 0o644 });
    expect(() => loadTipKeyring({ env: {}, dataDir: dir })).toThrow(/chmod 600/);
  });
});
