import { createHash, randomInt } from "node:crypto";

/**
 * One-time codes handed out on paper for anonymous answers (the conduct questionnaire of group
 * evaluations, surveys): 16 characters of an alphabet that cannot be misread, only their SHA-256
 * stored. A fast hash is enough here: ≈ 79 random bits cannot be guessed offline, unlike a password.
 */

/** Letters and digits that cannot be misread for one another (no I, L, O, 0, 1). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 16;

/** A fresh one-time code, shown in groups of four: ABCD-EFGH-JKMN-PQRS (≈ 79 bits). */
export function newOneTimeCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{4}/g)!.join("-");
}

/** The code as typed, reduced to its characters: case, spaces and dashes do not matter. */
export const normalizeOneTimeCode = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** What is stored: SHA-256 of the normalised code, never the code itself. */
export const hashOneTimeCode = (typed: string) =>
  createHash("sha256").update(normalizeOneTimeCode(typed)).digest("hex");
