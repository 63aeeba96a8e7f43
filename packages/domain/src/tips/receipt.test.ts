import { describe, expect, it } from "vitest";
import {
  hashReceipt,
  isWellFormedReceipt,
  newReceipt,
  normalizeReceipt,
  RECEIPT_ALPHABET,
  receiptLookup,
  verifyNothing,
  verifyReceipt,
} from "./receipt";

describe("receipts", () => {
  it("are 20 unambiguous characters in groups of four, and differ each time", () => {
    const r = newReceipt();
    expect(r).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(normalizeReceipt(r)).toHaveLength(20);
    expect([...normalizeReceipt(r)].every((c) => RECEIPT_ALPHABET.includes(c))).toBe(true);
    expect(r).not.toMatch(/[ILO01]/);
    expect(new Set(Array.from({ length: 200 }, newReceipt)).size).toBe(200);
  });

  it("are read whatever the case, spaces and dashes", () => {
    const r = newReceipt();
    const typed = ` ${r.toLowerCase().replaceAll("-", " ")} `;
    expect(normalizeReceipt(typed)).toBe(normalizeReceipt(r));
    expect(isWellFormedReceipt(normalizeReceipt(typed))).toBe(true);
    expect(isWellFormedReceipt("ABCD")).toBe(false);
    expect(isWellFormedReceipt("O".repeat(20))).toBe(false);
  });

  it("are stored as argon2id hashes that verify the right receipt only", async () => {
    const r = normalizeReceipt(newReceipt());
    const h = await hashReceipt(r);
    expect(h).toMatch(/^\$argon2id\$/);
    expect(h).not.toContain(r);
    expect(await verifyReceipt(h, r)).toBe(true);
    const wrong = r.slice(0, 19) + (r[19] === "A" ? "B" : "A");
    expect(await verifyReceipt(h, wrong)).toBe(false);
    expect(receiptLookup(r)).toBe(r.slice(0, 4));
    expect(await verifyNothing(r)).toBe(false);
  });
});
