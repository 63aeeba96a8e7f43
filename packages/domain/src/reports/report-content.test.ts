import { describe, expect, it } from "vitest";
import { assembleSections, dominantScheme, problemsText, reportTitle, sectionBlocks } from "./report-content";

const f = (
  number: number,
  category: string,
  extra: Partial<{ scheme: string; immediateFix: boolean }> = {},
) => ({
  number,
  title: `问题${number}`,
  description: `描述${number}。`,
  scheme: extra.scheme ?? "sixDisciplines",
  category,
  immediateFix: extra.immediateFix ?? false,
});

describe("problemsText", () => {
  it("groups by the scheme's categories in their order, numbers within each, other schemes last", () => {
    const text = problemsText(
      [
        f(5, "sixDisciplines.3"),
        f(2, "sixDisciplines.1"),
        f(3, "sixDisciplines.3", { immediateFix: true }),
        f(4, "threeFocuses.2", { scheme: "threeFocuses" }),
      ],
      "sixDisciplines",
    );
    expect(text).toBe(
      [
        "（一）政治纪律方面",
        "1. 问题2。描述2。",
        "",
        "（二）廉洁纪律方面",
        "1. 问题3。描述3。（已立行立改）",
        "2. 问题5。描述5。",
        "",
        "（三）其他方面",
        "1. 问题4。描述4。",
      ].join("\n"),
    );
  });

  it("says so when there is nothing yet", () => {
    expect(problemsText([], "sixDisciplines")).toBe("（暂未发现问题。）");
  });
});

describe("dominantScheme and titles", () => {
  it("takes the scheme most findings use", () => {
    expect(
      dominantScheme([
        f(1, "a", { scheme: "threeFocuses" }),
        f(2, "b"),
        f(3, "c", { scheme: "threeFocuses" }),
      ]),
    ).toBe("threeFocuses");
    expect(dominantScheme([])).toBe("sixDisciplines");
  });

  it("names one target or counts several", () => {
    expect(reportTitle("inspection", ["县住建局党组"])).toBe("关于巡察县住建局党组情况的报告");
    expect(reportTitle("midterm", ["甲", "乙"])).toBe("关于巡察2个被巡察党组织情况的中期汇报");
  });
});

describe("sections", () => {
  const facts = {
    committeeName: "青山县委",
    groupFullName: "青山县委第一巡察组",
    roundName: "十四届县委第一轮巡察",
    startsOn: "2026-09-01",
    endsOn: "2026-10-15",
    targetNames: ["青山县住建局党组"],
    findings: [f(1, "sixDisciplines.3", { immediateFix: true })],
  };

  it("an inspection report has the four standard parts, with the counts", () => {
    const s = assembleSections({ ...facts, kind: "inspection" }, "sixDisciplines");
    expect(s.map((x) => x.heading)).toEqual([
      "一、巡察工作基本情况",
      "二、发现的主要问题",
      "三、意见建议",
      "四、问题线索及其他需要报告的事项",
    ]);
    expect(s[0]!.text).toContain("于2026年9月1日至2026年10月15日对青山县住建局党组开展十四届县委第一轮巡察");
    expect(s[0]!.text).toContain("共发现问题1个，其中立行立改问题1个");
  });

  it("a mid-term report has progress, problems and next steps", () => {
    const s = assembleSections({ ...facts, kind: "midterm" }, "sixDisciplines");
    expect(s.map((x) => x.key)).toEqual(["progress", "problems", "next"]);
  });

  it("turns 「（一）…」 lines into subheadings and other lines into paragraphs", () => {
    expect(
      sectionBlocks([
        { key: "p", heading: "二、发现的主要问题", text: "（一）廉洁纪律方面\n1. 问题。\n\n第二段" },
      ]),
    ).toEqual([
      { type: "heading1", text: "二、发现的主要问题" },
      { type: "heading2", text: "（一）廉洁纪律方面" },
      { type: "paragraph", text: "1. 问题。" },
      { type: "paragraph", text: "第二段" },
    ]);
  });
});
