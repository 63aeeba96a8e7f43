import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Letters and digits that cannot be misread for one another (no I, L, O, 0, 1). */
export const RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** 20 characters: a 4-character lookup part, then 16 secret ones (31^16 ≈ 2^79). */
export const RECEIPT_LENGTH = 20;
export const RECEIPT_LOOKUP_LENGTH = 4;

const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A fresh receipt, shown once, in groups of four: ABCD-EFGH-JKMN-PQRS-TUVW. */
export function newReceipt(): string {
  let code = "";
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return code.match(/.{4}/g)!.join("-");
}

/** The receipt as typed, reduced to its characters: case, spaces and dashes do not matter. */
export const normalizeReceipt = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, "");

export const isWellFormedReceipt = (normalized: string) =>
  normalized.length === RECEIPT_LENGTH && [...normalized].every((c) => RECEIPT_ALPHABET.includes(c));

/**
 * The non-secret part that finds the row without scanning every hash: 4 characters (31^4 ≈ 920,000
 * values) leave 16 secret ones, checked against the argon2id hash of the whole receipt.
 */
export const receiptLookup = (normalized: string) => normalized.slice(0, RECEIPT_LOOKUP_LENGTH);

export const hashReceipt = (normalized: string) => hash(normalized, ARGON2);

export const verifyReceipt = (receiptHash: string, normalized: string) =>
  verify(receiptHash, normalized).catch(() => false);

let dummy: Promise<string> | undefined;
/**
 * Spends the same work as checking a real receipt, for unknown or malformed ones: a wrong receipt
 * and one that matches nothing cost alike and fail alike.
 */
export async function verifyNothing(normalized: string): Promise<false> {
  dummy ??= hashReceipt(newReceipt());
  await verifyReceipt(await dummy, normalized.padEnd(RECEIPT_LENGTH, "A"));
  return false;
}
