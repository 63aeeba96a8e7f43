import { describe, expect, it } from "vitest";
import { findingLabel, findingMatches } from "./finding-search";

const finding = (number: number, title = "工程验收收受购物卡", target = "石门县住建局党组") => ({
  number,
  title,
  target: { id: "t", name: target },
});

describe("finding search in the tip's finding picker", () => {
  it("labels a finding by number and title", () => {
    expect(findingLabel(finding(12))).toBe("第 12 号 工程验收收受购物卡");
  });

  it("matches the number, bare or as 第…号, as it is typed", () => {
    for (const typed of ["12", "第12号", "第 12 号", "第1", "1"])
      expect(findingMatches(finding(12), typed)).toBe(true);
    for (const typed of ["2", "13", "第 120 号"]) expect(findingMatches(finding(12), typed)).toBe(false);
  });

  it("matches words of the title and the target, all of them", () => {
    expect(findingMatches(finding(3), "购物卡")).toBe(true);
    expect(findingMatches(finding(3), " 住建局  购物卡 ")).toBe(true);
    expect(findingMatches(finding(3), "住建局 3")).toBe(true);
    expect(findingMatches(finding(3), "住建局 公车")).toBe(false);
    expect(findingMatches(finding(3, "2026年工程款"), "2026")).toBe(true);
    expect(findingMatches(finding(3), "")).toBe(true);
  });
});
