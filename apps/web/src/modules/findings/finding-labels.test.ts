import { describe, expect, it } from "vitest";
import { findingsCountText } from "./finding-labels";

describe("findingsCountText", () => {
  it("shows the exact count, and 10000+ when the server stopped counting", () => {
    expect(findingsCountText(0)).toBe("共 0 个问题");
    expect(findingsCountText(9999, false)).toBe("共 9999 个问题");
    expect(findingsCountText(10000, true)).toBe("共 10000+ 个问题");
  });
});
