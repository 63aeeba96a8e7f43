import { describe, expect, it } from "vitest";
import {
  type EscalationDraft,
  type EscalationLadder,
  escalationErrors,
  escalationPreview,
  jointReviewErrors,
  orderParties,
  sameLadder,
  sameParties,
} from "./rectification-settings";

/** The server's default ladder (rectification/escalation.ts DEFAULT_ESCALATION_LADDER). */
const defaults = (): EscalationLadder => ({
  reminder: { enabled: true, daysBeforeDeadline: 7 },
  urgingLetter: { daysAfterDeadline: 1 },
  summons: { enabled: true, daysAfterPrevious: 15 },
  circulation: { enabled: true, daysAfterPrevious: 15 },
  accountability: { enabled: true, daysAfterPrevious: 30 },
});

const withDays = (days: [number | null, number | null, number | null, number | null, number | null]) => {
  const d: EscalationDraft = defaults();
  d.reminder.daysBeforeDeadline = days[0];
  d.urgingLetter.daysAfterDeadline = days[1];
  d.summons.daysAfterPrevious = days[2];
  d.circulation.daysAfterPrevious = days[3];
  d.accountability.daysAfterPrevious = days[4];
  return d;
};

describe("jointReviewErrors", () => {
  it("accepts the four parties, three, or the office with one other", () => {
    expect(
      jointReviewErrors(["office", "disciplineCommission", "organizationDept", "group"]),
    ).toBeUndefined();
    expect(jointReviewErrors(["office", "disciplineCommission", "organizationDept"])).toBeUndefined();
    expect(jointReviewErrors(["group", "office"])).toBeUndefined();
  });

  it("refuses fewer than two, a review without the office, repeats and unknown parties", () => {
    expect(jointReviewErrors([])).toBe("至少须选择 2 个审核方");
    expect(jointReviewErrors(["office"])).toBe("至少须选择 2 个审核方");
    expect(jointReviewErrors(["disciplineCommission", "organizationDept", "group"])).toBe("巡察办须参加联审");
    expect(jointReviewErrors(["office", "office"])).toBe("审核方不能重复");
    expect(jointReviewErrors(["office", "leadership"])).toBe("审核方无效");
  });

  it("orders and compares parties whatever order they were picked in", () => {
    expect(orderParties(["group", "office", "disciplineCommission"])).toEqual([
      "office",
      "disciplineCommission",
      "group",
    ]);
    expect(sameParties(["group", "office"], ["office", "group"])).toBe(true);
    expect(sameParties(["office", "group"], ["office", "organizationDept"])).toBe(false);
    expect(sameParties(["office", "group"], ["office", "group", "organizationDept"])).toBe(false);
  });
});

describe("escalationErrors", () => {
  it("accepts the defaults and every bound of the server's schema", () => {
    expect(escalationErrors(defaults())).toEqual({});
    expect(escalationErrors(withDays([0, 1, 1, 1, 1]))).toEqual({});
    expect(escalationErrors(withDays([90, 365, 365, 365, 365]))).toEqual({});
  });

  it("refuses one past each bound, with the range in the message", () => {
    const below = {
      reminder: "提醒的天数须在 0 至 90 天之间",
      urgingLetter: "督办函的天数须在 1 至 365 天之间",
      summons: "约谈的天数须在 1 至 365 天之间",
      circulation: "通报的天数须在 1 至 365 天之间",
      accountability: "问责建议的天数须在 1 至 365 天之间",
    };
    expect(escalationErrors(withDays([-1, 0, 0, 0, 0]))).toEqual(below);
    expect(escalationErrors(withDays([91, 366, 366, 366, 366]))).toEqual(below);
  });

  it("refuses empty and fractional days, also on a step switched off", () => {
    const d = withDays([null, 1.5, 15, Number.NaN, 30]);
    d.reminder.enabled = false;
    d.circulation.enabled = false;
    expect(escalationErrors(d)).toEqual({
      reminder: "请填写提醒的天数（0 至 90 天）",
      urgingLetter: "督办函的天数须为整数",
      circulation: "请填写通报的天数（1 至 365 天）",
    });
  });

  it("compares ladders by switches and days", () => {
    expect(sameLadder(defaults(), defaults())).toBe(true);
    const off = defaults();
    off.summons.enabled = false;
    expect(sameLadder(defaults(), off)).toBe(false);
    expect(sameLadder(defaults(), withDays([7, 1, 15, 15, 31]))).toBe(false);
  });
});

describe("escalationPreview", () => {
  it("reads the default ladder", () => {
    expect(escalationPreview(defaults())).toBe(
      "期限前 7 天提醒；逾期次日发督办函；再过 15 天约谈；再过 15 天通报；再过 30 天提出问责建议。",
    );
  });

  it("says the deadline day, a later urging letter, and leaves out the steps switched off", () => {
    const l = defaults();
    l.reminder.daysBeforeDeadline = 0;
    l.urgingLetter.daysAfterDeadline = 3;
    l.circulation.enabled = false;
    expect(escalationPreview(l)).toBe(
      "期限当天提醒；逾期第 3 天发督办函；再过 15 天约谈；再过 30 天提出问责建议。",
    );
  });

  it("with only the urging letter left, says the ladder ends there", () => {
    const l = defaults();
    l.reminder.enabled = false;
    l.summons.enabled = false;
    l.circulation.enabled = false;
    l.accountability.enabled = false;
    expect(escalationPreview(l)).toBe("逾期次日发督办函；此后不再升级。");
  });
});
