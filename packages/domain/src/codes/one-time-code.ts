import { createHash, randomInt } from "node:crypto";

/** Letters and digits that cannot be misread for one another (no I, L, O, 0, 1). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 16;

/** A fresh one-time code, shown in groups of four: ABCD-EFGH-JKMN-PQRS (≈ 79 bits). */
export function newConductCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{4}/g)!.join("-");
}

/** The code as typed, reduced to its characters: case, spaces and dashes do not matter. */
export const normalizeConductCode = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** What is stored: SHA-256 of the normalised code, never the code itself. */
export const hashConductCode = (typed: string) =>
  createHash("sha256").update(normalizeConductCode(typed)).digest("hex");
