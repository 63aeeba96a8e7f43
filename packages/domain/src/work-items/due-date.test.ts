import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINES } from "../committee-settings/deadlines";
import { checklistSchema, DEFAULT_CHECKLIST, type DueRule } from "./checklist";
import { addDays, addMonths, computeDueDate, daysBetween, overdueDays, roundMiddle } from "./due-date";

describe("month arithmetic", () => {
  it("clamps to the last day of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-08-31", 3)).toBe("2026-11-30");
  });
  it("keeps the day when the month has it, across years", () => {
    expect(addMonths("2026-01-15", 1)).toBe("2026-02-15");
    expect(addMonths("2026-11-30", 2)).toBe("2027-01-30");
    expect(addMonths("2026-12-31", 1)).toBe("2027-01-31");
    expect(addMonths("2026-10-20", 14)).toBe("2027-12-20");
  });
  it("goes back in months, clamping too", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-31", -2)).toBe("2025-11-30");
    expect(addMonths("2026-01-10", -13)).toBe("2024-12-10");
  });
  it("adds and subtracts days across month and year ends, and counts days between", () => {
    expect(addDays("2026-03-01", -10)).toBe("2026-02-19");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
    expect(daysBetween("2026-02-19", "2026-03-01")).toBe(10);
    expect(daysBetween("2026-03-01", "2026-02-19")).toBe(-10);
    expect(roundMiddle("2026-03-01", "2026-04-30")).toBe("2026-03-31");
  });
});

describe("due dates from rules and deadline settings", () => {
  const anchors = {
    roundStart: "2026-03-01",
    roundEnd: "2026-04-30",
    roundMiddle: "2026-03-31",
    feedback: "2026-07-31",
    clueTransfer: null,
  };
  const byCode = (code: string) => DEFAULT_CHECKLIST.find((i) => i.code === code)!.due;

  it("uses the LIFECYCLE.md defaults", () => {
    // notice ≥ 10 days before entry
    expect(computeDueDate(byCode("prep.notice"), anchors, DEFAULT_DEADLINES)).toBe("2026-02-19");
    // leading group hears the report within 1 month after fieldwork
    expect(computeDueDate(byCode("report.leadingGroup"), anchors, DEFAULT_DEADLINES)).toBe("2026-05-30");
    // rectification plan 1 month, final report 2 months after feedback (07-31 → 08-31, 09-30)
    expect(computeDueDate(byCode("rect.plan"), anchors, DEFAULT_DEADLINES)).toBe("2026-08-31");
    expect(computeDueDate(byCode("rect.final"), anchors, DEFAULT_DEADLINES)).toBe("2026-09-30");
  });

  it("follows the committee's own deadlines", () => {
    const deadlines = {
      ...DEFAULT_DEADLINES,
      noticeBeforeEntry: { amount: 15, unit: "days" as const },
      finalReportAfterFeedback: { amount: 3, unit: "months" as const },
    };
    expect(computeDueDate(byCode("prep.notice"), anchors, deadlines)).toBe("2026-02-14");
    expect(computeDueDate(byCode("rect.final"), anchors, deadlines)).toBe("2026-10-31");
  });

  it("adds the fixed offset after the deadline, in the rule's direction", () => {
    const rule: DueRule = {
      anchor: "feedback",
      before: false,
      deadline: "rectificationPlanAfterFeedback",
      offset: { amount: 10, unit: "days" },
    };
    expect(computeDueDate(rule, anchors, DEFAULT_DEADLINES)).toBe("2026-09-10");
    const before: DueRule = {
      anchor: "roundStart",
      before: true,
      deadline: null,
      offset: { amount: 1, unit: "months" },
    };
    expect(computeDueDate(before, { roundStart: "2026-03-31" }, DEFAULT_DEADLINES)).toBe("2026-02-28");
  });

  it("has no due date while the anchor has not happened, or without a rule", () => {
    expect(computeDueDate(byCode("tr.clueResults"), anchors, DEFAULT_DEADLINES)).toBeNull();
    expect(computeDueDate(byCode("rect.plan"), { ...anchors, feedback: null }, DEFAULT_DEADLINES)).toBeNull();
    expect(computeDueDate(null, anchors, DEFAULT_DEADLINES)).toBeNull();
    expect(computeDueDate(byCode("tr.clueResults"), { clueTransfer: "2026-06-30" }, DEFAULT_DEADLINES)).toBe(
      "2026-09-30",
    );
  });

  it("counts overdue days only for open items past their due date", () => {
    expect(overdueDays("2026-02-19", null, "2026-03-01")).toBe(10);
    expect(overdueDays("2026-02-19", null, "2026-02-19")).toBeNull();
    expect(overdueDays("2026-02-19", "2026-02-25", "2026-03-01")).toBeNull();
    expect(overdueDays(null, null, "2026-03-01")).toBeNull();
  });
});

describe("the default checklist", () => {
  it("covers the seven stages with about 40 items, valid against the setting's schema", () => {
    expect(checklistSchema.safeParse(DEFAULT_CHECKLIST).success).toBe(true);
    expect(DEFAULT_CHECKLIST.length).toBeGreaterThanOrEqual(38);
    expect(new Set(DEFAULT_CHECKLIST.map((i) => i.stage)).size).toBe(7);
  });
  it("refuses a checklist with a code twice", () => {
    const twice = [DEFAULT_CHECKLIST[0]!, { ...DEFAULT_CHECKLIST[1]!, code: DEFAULT_CHECKLIST[0]!.code }];
    expect(checklistSchema.safeParse(twice).success).toBe(false);
  });
});
