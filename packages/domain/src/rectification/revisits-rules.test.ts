import { describe, expect, it } from "vitest";
import {
  DEFAULT_REVISIT_SETTING,
  planRevisitDates,
  revisitSettingSchema,
  revisitState,
} from "./revisits-rules";

describe("planning revisits", () => {
  it("plans three by default, each 90 days after the one before, numbered from 1", () => {
    expect(planRevisitDates([], DEFAULT_REVISIT_SETTING, "2026-01-10")).toEqual([
      { sequence: 1, plannedOn: "2026-04-10" },
      { sequence: 2, plannedOn: "2026-07-09" },
      { sequence: 3, plannedOn: "2026-10-07" },
    ]);
  });

  it("tops up to the minimum after the latest existing revisit, numbered after the highest", () => {
    const existing = [
      { sequence: 1, plannedOn: "2026-03-01" },
      { sequence: 4, plannedOn: "2026-05-01" },
    ];
    expect(planRevisitDates(existing, { minimum: 3, spacingDays: 30 }, "2026-01-01")).toEqual([
      { sequence: 5, plannedOn: "2026-05-31" },
    ]);
  });

  it("plans nothing when there are enough, so asking twice adds nothing", () => {
    const first = planRevisitDates([], { minimum: 3, spacingDays: 60 }, "2026-02-28");
    expect(first.map((r) => r.plannedOn)).toEqual(["2026-04-29", "2026-06-28", "2026-08-27"]);
    expect(planRevisitDates(first, { minimum: 3, spacingDays: 60 }, "2026-02-28")).toEqual([]);
  });

  it("crosses the year and leap days as calendar days", () => {
    expect(planRevisitDates([], { minimum: 2, spacingDays: 7 }, "2027-12-28")).toEqual([
      { sequence: 1, plannedOn: "2028-01-04" },
      { sequence: 2, plannedOn: "2028-01-11" },
    ]);
    expect(planRevisitDates([], { minimum: 1, spacingDays: 7 }, "2028-02-25")[0]!.plannedOn).toBe(
      "2028-03-03",
    );
  });

  it("the setting refuses fewer than one revisit and spacing under a week", () => {
    expect(revisitSettingSchema.safeParse(DEFAULT_REVISIT_SETTING).success).toBe(true);
    expect(revisitSettingSchema.safeParse({ ...DEFAULT_REVISIT_SETTING, minimum: 0 }).success).toBe(false);
    expect(revisitSettingSchema.safeParse({ ...DEFAULT_REVISIT_SETTING, spacingDays: 3 }).success).toBe(
      false,
    );
    expect(revisitSettingSchema.safeParse({ ...DEFAULT_REVISIT_SETTING, minimum: 2.5 }).success).toBe(false);
  });
});

describe("revisit state", () => {
  const planned = (plannedOn: string) => ({ status: "planned", plannedOn });
  it("is overdue the day after its date, due within the notice, planned before", () => {
    expect(revisitState(planned("2026-05-01"), "2026-05-02", 14)).toBe("overdue");
    expect(revisitState(planned("2026-05-01"), "2026-05-01", 14)).toBe("due");
    expect(revisitState(planned("2026-05-15"), "2026-05-01", 14)).toBe("due");
    expect(revisitState(planned("2026-05-16"), "2026-05-01", 14)).toBe("planned");
  });
  it("is done once recorded, whatever the date", () => {
    expect(revisitState({ status: "done", plannedOn: "2020-01-01" }, "2026-05-02", 14)).toBe("done");
  });
});
