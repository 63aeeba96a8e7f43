import { describe, expect, it } from "vitest";
import { monthCell } from "./person-ledger";
import { formatRecusalText, parseRecusalText } from "./recusal-text";

describe("回避情形 text", () => {
  it("reads jobs and relatives in the export's format and writes them back the same", () => {
    const text =
      "曾任职单位：县财政局 副局长 2015-03至2019-06、县教育局 2020-01至今；亲属任职单位：配偶 李某 县卫健委 副主任（班子成员）、哥哥 王某 石桥乡";
    const parsed = parseRecusalText(text);
    expect(parsed).toEqual({
      jobs: [
        { unit: "县财政局", post: "副局长", startMonth: "2015-03", endMonth: "2019-06" },
        { unit: "县教育局", post: "", startMonth: "2020-01", endMonth: null },
      ],
      relatives: [
        { relation: "spouse", name: "李某", unit: "县卫健委", post: "副主任", inLeadership: true },
        { relation: "sibling", name: "王某", unit: "石桥乡", post: "", inLeadership: false },
      ],
      unparsed: [],
    });
    expect(formatRecusalText(parsed.jobs, parsed.relatives)).toBe(
      "曾任职单位：县财政局 副局长 2015-03至2019-06、县教育局 2020-01至今；亲属任职单位：配偶 李某 县卫健委 副主任（班子成员）、兄弟姐妹 王某 石桥乡",
    );
  });

  it("accepts the dates and separators offices type, and keeps what it cannot read", () => {
    const parsed = parseRecusalText(
      "曾任职单位:县审计局(2010年3月-2012年12月)，县水利局；亲属：岳父在县交通局工作；妻子 张某 县人民医院",
    );
    expect(parsed.jobs).toEqual([{ unit: "县审计局", post: "", startMonth: "2010-03", endMonth: "2012-12" }]);
    expect(parsed.relatives).toEqual([
      { relation: "spouse", name: "张某", unit: "县人民医院", post: "", inLeadership: false },
    ]);
    expect(parsed.unparsed).toEqual(["县水利局", "岳父在县交通局工作"]);
    // The note is written after the records and read back as note again.
    const again = parseRecusalText(
      formatRecusalText(parsed.jobs, parsed.relatives, parsed.unparsed.join("；")),
    );
    expect(again).toEqual(parsed);
  });

  it("refuses an end before the start and a month 13 (kept as text)", () => {
    const parsed = parseRecusalText("曾任职单位：县财政局 2019-06至2015-03、县教育局 2015-13至今；无");
    expect(parsed.jobs).toEqual([]);
    expect(parsed.unparsed).toEqual(["县财政局 2019-06至2015-03", "县教育局 2015-13至今"]);
  });
});

describe("出生年月 cell", () => {
  it("reads the forms offices type and refuses the ambiguous ones", () => {
    expect(monthCell("1975-08")).toEqual({ ok: true, value: "1975-08" });
    expect(monthCell("1975年8月")).toEqual({ ok: true, value: "1975-08" });
    expect(monthCell("1975.08")).toEqual({ ok: true, value: "1975-08" });
    expect(monthCell(197508)).toEqual({ ok: true, value: "1975-08" });
    expect(monthCell("1975-08-15")).toEqual({ ok: true, value: "1975-08" });
    expect(monthCell(new Date(Date.UTC(1975, 7, 15)))).toEqual({ ok: true, value: "1975-08" });
    expect(monthCell(1975.08)).toEqual({ ok: true, value: "1975-08" });
    expect(monthCell(1975.1).ok).toBe(false);
    expect(monthCell("1975-13").ok).toBe(false);
    expect(monthCell(null)).toEqual({ ok: true, value: "" });
  });
});
