import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../model/errors";

/**
 * The ciphers a sealed field may use (ADR 0009):
 *  - sm4: SM4-CTR (GB/T 32907) then HMAC-SM3 (GB/T 32905) over everything before the tag,
 *    encrypt-then-MAC; Node's OpenSSL has no SM4-GCM, so the pair gives the same guarantees;
 *  - aes-256-gcm: the international option.
 * Every key is 32 bytes. For sm4 the encryption and MAC keys are derived from it with HMAC-SM3.
 */
export const CIPHERS = ["sm4", "aes-256-gcm"] as const;
export type Cipher = (typeof CIPHERS)[number];

export const KEY_BYTES = 32;

const FORMAT = { sm4: 1, "aes-256-gcm": 2 } as const satisfies Record<Cipher, number>;
const SM4_IV = 16;
const SM3_TAG = 32;
const GCM_IV = 12;
const GCM_TAG = 16;

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

const derive = (key: Uint8Array, label: string) =>
  createHmac("sm3", key).update(`xuncha-tip/${label}`).digest().subarray(0, 16);

/** Length-prefixed associated data, so that "ab"+"c" and "a"+"bc" never authenticate alike. */
function macInput(header: Uint8Array, aad: string): Buffer {
  const a = Buffer.from(aad, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(a.length);
  return Buffer.concat([len, a, header]);
}

function checkKey(key: Uint8Array) {
  if (key.length !== KEY_BYTES) throw new Error(`a ${KEY_BYTES}-byte key is required`);
}

/**
 * Encrypts and authenticates `plain` under `key`. `aad` binds the result to where it belongs (e.g.
 * "tip:<id>:content"): moved to another record or field, it no longer opens.
 * Layout: format byte | iv | ciphertext | tag.
 */
export function seal(cipher: Cipher, key: Uint8Array, plain: Uint8Array, aad: string): Buffer {
  checkKey(key);
  if (cipher === "sm4") {
    const iv = randomBytes(SM4_IV);
    const c = createCipheriv("sm4-ctr", derive(key, "enc"), iv);
    const body = Buffer.concat([Buffer.from([FORMAT.sm4]), iv, c.update(plain), c.final()]);
    const tag = createHmac("sm3", derive(key, "mac")).update(macInput(body, aad)).digest();
    return Buffer.concat([body, tag]);
  }
  const iv = randomBytes(GCM_IV);
  const c = createCipheriv("aes-256-gcm", key, iv);
  c.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([Buffer.from([FORMAT["aes-256-gcm"]]), iv, c.update(plain), c.final()]);
  return Buffer.concat([body, c.getAuthTag()]);
}

/** Why a sealed value did not open: never says more than "it does not open". */
const broken = () => new AppError("tip.sealed_broken");

/** Checks and decrypts a sealed value; any change, wrong key or wrong `aad` fails. */
export function open(cipher: Cipher, key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  checkKey(key);
  const data = Buffer.from(sealed);
  if (data[0] !== FORMAT[cipher]) throw broken();
  if (cipher === "sm4") {
    if (data.length < 1 + SM4_IV + SM3_TAG) throw broken();
    const body = data.subarray(0, data.length - SM3_TAG);
    const tag = data.subarray(data.length - SM3_TAG);
    const expected = createHmac("sm3", derive(key, "mac")).update(macInput(body, aad)).digest();
    if (!timingSafeEqual(tag, expected)) throw broken();
    const d = createDecipheriv("sm4-ctr", derive(key, "enc"), body.subarray(1, 1 + SM4_IV));
    return Buffer.concat([d.update(body.subarray(1 + SM4_IV)), d.final()]);
  }
  if (data.length < 1 + GCM_IV + GCM_TAG) throw broken();
  const d = createDecipheriv("aes-256-gcm", key, data.subarray(1, 1 + GCM_IV));
  d.setAAD(Buffer.from(aad, "utf8"));
  d.setAuthTag(data.subarray(data.length - GCM_TAG));
  try {
    return Buffer.concat([d.update(data.subarray(1 + GCM_IV, data.length - GCM_TAG)), d.final()]);
  } catch {
    throw broken();
  }
}

export const sealJson = (cipher: Cipher, key: Uint8Array, value: unknown, aad: string) =>
  seal(cipher, key, Buffer.from(JSON.stringify(value), "utf8"), aad);

export const openJson = <T>(cipher: Cipher, key: Uint8Array, sealed: Uint8Array, aad: string): T =>
  JSON.parse(open(cipher, key, sealed, aad).toString("utf8")) as T;
