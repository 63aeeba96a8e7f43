import { describe, expect, it } from "vitest";
import { count, daysUntil, formatDate, formatDateCn, formatSize } from "./format";

describe("formatDate", () => {
  it("shows plain dates as written (no time-zone shift)", () => {
    expect(formatDate("2026-11-22")).toBe("2026-11-22");
    expect(formatDate("2026-01-05")).toBe("2026-01-05");
  });

  it("shows a Date in local time", () => {
    expect(formatDate(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });

  it("shows a dash for nothing or garbage", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate(undefined)).toBe("—");
    expect(formatDate("")).toBe("—");
    expect(formatDate("not a date")).toBe("—");
    expect(formatDate(new Date(Number.NaN))).toBe("—");
  });

  it("reads timestamps with a zone as the local day", () => {
    const iso = new Date(2026, 10, 22, 12, 0).toISOString();
    expect(formatDate(iso)).toBe("2026-11-22");
  });
});

describe("formatDateCn", () => {
  it("writes the document form without leading zeros", () => {
    expect(formatDateCn("2026-11-02")).toBe("2026年11月2日");
    expect(formatDateCn("2026-01-22")).toBe("2026年1月22日");
    expect(formatDateCn(null)).toBe("—");
  });
});

describe("count", () => {
  it("adds the measure word and groups thousands", () => {
    expect(count(3, "个问题")).toBe("3 个问题");
    expect(count(7495, "个问题")).toBe("7,495 个问题");
    expect(count(undefined, "件线索")).toBe("0 件线索");
  });
});

describe("daysUntil", () => {
  it("counts whole days across months and years", () => {
    expect(daysUntil("2026-03-01", "2026-02-27")).toBe(2);
    expect(daysUntil("2026-01-01", "2025-12-31")).toBe(1);
    expect(daysUntil("2026-05-01", "2026-05-08")).toBe(-7);
    expect(daysUntil("2026-05-01", "2026-05-01")).toBe(0);
  });
});

describe("formatSize", () => {
  it("uses B, KB and MB", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(2048)).toBe("2.0 KB");
    expect(formatSize(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});
