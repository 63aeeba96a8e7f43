import { describe, expect, it } from "vitest";
import { CIPHERS } from "../crypto/seal";
import { TIP_CIPHER_LABELS, TIP_FILE_LIMIT_BOUNDS } from "../model/tips";
import { tipSettingDef } from "./tip-settings";

describe("the tips setting", () => {
  it("labels exactly the ciphers the server seals with (the settings form offers these)", () => {
    expect(Object.keys(TIP_CIPHER_LABELS).sort()).toEqual([...CIPHERS].sort());
  });

  it("accepts its defaults and the bounds, and refuses one past each bound", () => {
    const base = tipSettingDef.defaults();
    expect(tipSettingDef.schema.safeParse(base).success).toBe(true);
    for (const [key, { min, max }] of Object.entries(TIP_FILE_LIMIT_BOUNDS)) {
      expect(tipSettingDef.schema.safeParse({ ...base, [key]: min }).success).toBe(true);
      expect(tipSettingDef.schema.safeParse({ ...base, [key]: max }).success).toBe(true);
      expect(tipSettingDef.schema.safeParse({ ...base, [key]: min - 1 }).success).toBe(false);
      expect(tipSettingDef.schema.safeParse({ ...base, [key]: max + 1 }).success).toBe(false);
      expect(tipSettingDef.schema.safeParse({ ...base, [key]: min + 0.5 }).success).toBe(false);
    }
  });
});
