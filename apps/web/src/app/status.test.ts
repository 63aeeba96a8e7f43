import { describe, expect, it } from "vitest";
import {
  clueTag,
  findingStatusTag,
  latestCompletion,
  ledgerStateTag,
  measureTag,
  roundStatusTag,
  TONE_COLORS,
} from "./status";

const today = "2026-06-10";

describe("tone colours", () => {
  it("mean the same everywhere: done green, in progress blue, due soon gold, overdue red", () => {
    expect(TONE_COLORS.done).toBe("green");
    expect(TONE_COLORS.progress).toBe("blue");
    expect(TONE_COLORS.dueSoon).toBe("gold");
    expect(TONE_COLORS.overdue).toBe("red");
  });
});

describe("ledgerStateTag", () => {
  it("maps the server's states to tones with words", () => {
    expect(ledgerStateTag("closed", [], today)).toEqual({ tone: "done", label: "已销号" });
    expect(ledgerStateTag("overdue", [], today)).toEqual({ tone: "overdue", label: "已逾期" });
    expect(ledgerStateTag("noPlan", [], today)).toEqual({ tone: "neutral", label: "未制定措施" });
    expect(ledgerStateTag("reported", [], today).label).toBe("已报完成待销号");
  });

  it("shows an item in progress as due soon when an open deadline is within 7 days", () => {
    const soon = [{ deadline: "2026-06-13", progress: [] }];
    expect(ledgerStateTag("inProgress", soon, today)).toEqual({ tone: "dueSoon", label: "3 天后到期" });
    expect(ledgerStateTag("inProgress", [{ deadline: "2026-06-10" }], today).label).toBe("今日到期");
    expect(ledgerStateTag("inProgress", [{ deadline: "2026-07-30" }], today)).toEqual({
      tone: "progress",
      label: "整改中",
    });
  });

  it("ignores done and long-term measures for due soon", () => {
    const measures = [
      { deadline: "2026-06-11", progress: [{ completion: "done" }] },
      { deadline: "2026-06-12", longTerm: true },
      { deadline: "2026-08-01" },
    ];
    expect(ledgerStateTag("inProgress", measures, today).tone).toBe("progress");
  });
});

describe("measureTag", () => {
  it("follows the latest progress, then the deadline", () => {
    expect(
      measureTag(
        { deadline: "2026-01-01", progress: [{ completion: "unfinished" }, { completion: "done" }] },
        today,
      ),
    ).toEqual({
      tone: "done",
      label: "已完成",
    });
    expect(measureTag({ deadline: "2026-06-01" }, today)).toEqual({ tone: "overdue", label: "逾期 9 天" });
    expect(measureTag({ deadline: "2026-06-15" }, today).tone).toBe("dueSoon");
    expect(
      measureTag({ deadline: "2026-09-01", progress: [{ completion: "basicallyDone" }] }, today),
    ).toEqual({
      tone: "progress",
      label: "基本完成",
    });
    expect(measureTag({ deadline: "2026-06-01", longTerm: true }, today)).toEqual({
      tone: "progress",
      label: "长期坚持",
    });
  });

  it("reads the latest completion, ignoring unknown values", () => {
    expect(latestCompletion({ deadline: "x", progress: [{ completion: "weird" }] })).toBeNull();
    expect(latestCompletion({ deadline: "x" })).toBeNull();
  });
});

describe("other tags", () => {
  it("finding statuses", () => {
    expect(findingStatusTag("draft")).toEqual({ tone: "progress", label: "待审批" });
    expect(findingStatusTag("approved").tone).toBe("done");
    expect(findingStatusTag("returned").tone).toBe("returned");
  });

  it("clues: pending, disposed, concluded", () => {
    expect(clueTag({ disposition: null, concludedOn: null })).toEqual({ tone: "neutral", label: "待处置" });
    expect(clueTag({ disposition: "preliminaryCheck", concludedOn: null })).toEqual({
      tone: "progress",
      label: "初步核实",
    });
    expect(clueTag({ disposition: "closed", concludedOn: "2026-05-01" }).tone).toBe("done");
  });

  it("rounds", () => {
    expect(roundStatusTag("open").label).toBe("进行中");
    expect(roundStatusTag("closed").tone).toBe("done");
  });
});
