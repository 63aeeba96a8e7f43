import { describe, expect, it } from "vitest";
import type { AppError } from "../model/errors";
import {
  checkDisclosureWording,
  checkWithheld,
  composeDisclosure,
  DISCLOSURE_WORDING_MAX,
  type DisclosureItem,
  WITHHOLD_REASON_LABELS,
} from "./disclosure-rules";

const item = (
  findingId: string,
  number: number,
  overrides: Partial<DisclosureItem> = {},
): DisclosureItem => ({
  findingId,
  number,
  title: `问题${number}`,
  closed: false,
  measures: [{ content: `措施${number}`, progress: `进展${number}`, completion: "done" }],
  rulesMade: [],
  moneyRecovered: 0,
  ...overrides,
});
const labels = { done: "已完成", unfinished: "未完成" };

describe("withheld reasons", () => {
  it("are the allowed list", () => {
    expect(Object.values(WITHHOLD_REASON_LABELS)).toEqual([
      "涉及国家秘密",
      "涉及工作秘密",
      "正在查处的案件",
      "涉及个人隐私",
      "其他（须说明）",
    ]);
  });

  const problems = (list: { findingId: string; reason: string; note?: string }[]) => {
    try {
      checkWithheld(list, ["a", "b"]);
      return [];
    } catch (e) {
      expect((e as AppError).code).toBe("disclosure.withheld_invalid");
      return ((e as AppError).details as { problems: string[] }).problems;
    }
  };

  it("accepts a reason from the list, with a trimmed note", () => {
    expect(checkWithheld([{ findingId: "a", reason: "openCase", note: " 立案审查中 " }], ["a"])).toEqual([
      { findingId: "a", reason: "openCase", note: "立案审查中" },
    ]);
    expect(checkWithheld([{ findingId: "b", reason: "privacy" }], ["a", "b"])).toEqual([
      { findingId: "b", reason: "privacy", note: "" },
    ]);
  });

  it("refuses a reason off the list, 其他 without a note, an unknown or repeated item", () => {
    expect(problems([{ findingId: "a", reason: "inconvenient" }])).toEqual([
      "理由“inconvenient”不在规定范围内",
    ]);
    expect(problems([{ findingId: "a", reason: "other", note: "  " }])).toEqual(["选择“其他”须说明理由"]);
    expect(problems([{ findingId: "a", reason: "other", note: "与上级协商后暂缓" }])).toEqual([]);
    expect(problems([{ findingId: "z", reason: "privacy" }])).toEqual(["问题 z 不在本次公开的内容中"]);
    expect(
      problems([
        { findingId: "a", reason: "privacy" },
        { findingId: "a", reason: "workSecret" },
      ]),
    ).toEqual(["问题 a 重复"]);
  });
});

describe("composing the disclosure", () => {
  it("puts the report's text first, then each problem with its measures, then rules and money", () => {
    const { text, blocks } = composeDisclosure({
      lead: "我单位高度重视巡察反馈问题。\n\n成立整改工作领导小组。",
      items: [
        item("a", 1, { closed: true, rulesMade: ["公务接待管理办法"], moneyRecovered: 8.5 }),
        item("b", 2, { measures: [{ content: "修订制度", progress: "", completion: "unfinished" }] }),
      ],
      withheld: [],
      completionLabels: labels,
    });
    expect(text.split("\n")).toEqual([
      "我单位高度重视巡察反馈问题。",
      "成立整改工作领导小组。",
      "一、问题整改情况",
      "（一）问题1。措施1。进展：进展1。（已完成）该问题已整改销号。",
      "（二）问题2。修订制度。（未完成）该问题正在整改中。",
      "二、建章立制和挽回损失",
      "建立完善制度 1 项（公务接待管理办法）；挽回经济损失 8.5 万元。",
    ]);
    expect(blocks.map((b) => b.type)).toEqual([
      "paragraph",
      "paragraph",
      "heading1",
      "heading2",
      "heading2",
      "heading1",
      "paragraph",
    ]);
  });

  it("leaves a withheld problem out entirely, its rules made and money too", () => {
    const secret = item("s", 2, {
      title: "违规发放津补贴问题",
      measures: [{ content: "追缴张某某违规款项", progress: "已立案", completion: "unfinished" }],
      rulesMade: ["津补贴发放规定"],
      moneyRecovered: 3,
    });
    const { text } = composeDisclosure({
      lead: "",
      items: [item("a", 1, { moneyRecovered: 1.25 }), secret],
      withheld: [{ findingId: "s" }],
      completionLabels: labels,
    });
    for (const hidden of ["违规发放津补贴问题", "追缴张某某", "已立案", "津补贴发放规定"]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain("（一）问题1。");
    expect(text).toContain("建立完善制度 0 项；挽回经济损失 1.25 万元。");
  });

  it("opens with the office's own lead instead of the report's text, and ends with its closing", () => {
    const { text, blocks } = composeDisclosure({
      lead: "报告原文概述。",
      leadOverride: "根据巡察工作安排，现将整改情况公布如下。\n\n  一年来共整改问题二个。  ",
      closing: "欢迎广大干部群众对巡察整改落实情况进行监督。\n联系电话：0000-12345678",
      items: [item("a", 1), item("s", 2, { title: "违规发放津补贴问题" })],
      withheld: [{ findingId: "s" }],
      completionLabels: labels,
    });
    expect(text.split("\n")).toEqual([
      "根据巡察工作安排，现将整改情况公布如下。",
      "一年来共整改问题二个。",
      "一、问题整改情况",
      "（一）问题1。措施1。进展：进展1。（已完成）该问题正在整改中。",
      "二、建章立制和挽回损失",
      "建立完善制度 0 项；挽回经济损失 0 万元。",
      "欢迎广大干部群众对巡察整改落实情况进行监督。",
      "联系电话：0000-12345678",
    ]);
    expect(text).not.toContain("报告原文概述");
    expect(blocks.at(-1)).toEqual({ type: "paragraph", text: "联系电话：0000-12345678" });
    // an empty or blank override keeps the report's text
    for (const leadOverride of [null, "", "  \n "])
      expect(
        composeDisclosure({
          lead: "报告原文概述。",
          leadOverride,
          items: [],
          withheld: [],
          completionLabels: labels,
        }).text,
      ).toMatch(/^报告原文概述。\n一、问题整改情况/);
  });
});

describe("the office's own wording", () => {
  it("trims, treats an empty lead as the report's text, leaves absent parts out", () => {
    expect(checkDisclosureWording({ lead: "  开头  ", closing: " 结尾 " })).toEqual({
      lead: "开头",
      closing: "结尾",
    });
    expect(checkDisclosureWording({ lead: "   " })).toEqual({ lead: null });
    expect(checkDisclosureWording({ lead: null, closing: "" })).toEqual({ lead: null, closing: "" });
    expect(checkDisclosureWording({})).toEqual({});
  });

  it("refuses a lead or closing over the limit, with its own code", () => {
    const long = "字".repeat(DISCLOSURE_WORDING_MAX + 1);
    expect(checkDisclosureWording({ lead: "字".repeat(DISCLOSURE_WORDING_MAX) }).lead).toHaveLength(
      DISCLOSURE_WORDING_MAX,
    );
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code(() => checkDisclosureWording({ lead: long }))).toBe("disclosure.lead_too_long");
    expect(code(() => checkDisclosureWording({ closing: long }))).toBe("disclosure.closing_too_long");
  });
});
