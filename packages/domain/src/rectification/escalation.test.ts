import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_DEADLINES } from "../committee-settings/deadlines";
import { ESCALATION_STEPS, type EscalationStep } from "../model/rectification";
import { addDays, chinaDate, daysBetween } from "../work-items/due-date";
import {
  DEFAULT_ESCALATION_LADDER,
  dueEscalationSteps,
  type EscalationItem,
  type EscalationLadder,
  escalationLadder,
  escalationSetting,
  nextEscalationStep,
  rectificationDueDates,
  type TakenStep,
} from "./escalation";

const ladder = DEFAULT_ESCALATION_LADDER;
const deadline = "2026-08-31";
const item = (taken: TakenStep[] = [], done = false): EscalationItem => ({ deadline, done, taken });
const due = (i: EscalationItem, today: string, l: EscalationLadder = ladder) =>
  dueEscalationSteps(i, l, today).map((s) => s.step);

/** Runs the sweep on each day from `from` to `to`, recording what it takes; returns the steps taken. */
function sweepDaily(i: EscalationItem, from: string, to: string, l: EscalationLadder = ladder) {
  const taken = [...i.taken];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const s of dueEscalationSteps({ ...i, taken }, l, day)) taken.push({ step: s.step, on: day });
  }
  return taken;
}

describe("escalation setting", () => {
  it("has the issue's defaults: reminder 7 days before, urging letter when overdue, then summons, circulation, accountability", () => {
    expect(escalationSetting.key).toBe("rectification.escalation");
    expect(escalationSetting.defaults()).toEqual({
      reminder: { enabled: true, daysBeforeDeadline: 7 },
      urgingLetter: { daysAfterDeadline: 1 },
      summons: { enabled: true, daysAfterPrevious: 15 },
      circulation: { enabled: true, daysAfterPrevious: 15 },
      accountability: { enabled: true, daysAfterPrevious: 30 },
    });
    expect(escalationSetting.schema.safeParse(escalationSetting.defaults()).success).toBe(true);
    // defaults are a fresh copy each time
    escalationSetting.defaults().reminder.daysBeforeDeadline = 99;
    expect(escalationSetting.defaults().reminder.daysBeforeDeadline).toBe(7);
  });

  it("validates every step's delay", () => {
    const ok = (patch: Record<string, unknown>) =>
      escalationSetting.schema.safeParse({ ...DEFAULT_ESCALATION_LADDER, ...patch }).success;
    expect(ok({ reminder: { enabled: false, daysBeforeDeadline: 0 } })).toBe(true);
    expect(ok({ summons: { enabled: false, daysAfterPrevious: 365 } })).toBe(true);
    expect(ok({ reminder: { enabled: true, daysBeforeDeadline: -1 } })).toBe(false);
    expect(ok({ reminder: { enabled: true, daysBeforeDeadline: 91 } })).toBe(false);
    expect(ok({ reminder: { enabled: true, daysBeforeDeadline: 2.5 } })).toBe(false);
    // the first escalation is at least one day after the deadline; later ones at least a day apart
    expect(ok({ urgingLetter: { daysAfterDeadline: 0 } })).toBe(false);
    expect(ok({ circulation: { enabled: true, daysAfterPrevious: 0 } })).toBe(false);
    // the urging letter cannot be switched off; no unknown keys; no missing step
    expect(ok({ urgingLetter: { enabled: false, daysAfterDeadline: 1 } })).toBe(false);
    expect(ok({ warning: { enabled: true } })).toBe(false);
    const { accountability: _, ...missing } = DEFAULT_ESCALATION_LADDER;
    expect(escalationSetting.schema.safeParse(missing).success).toBe(false);
  });

  it("gives the plan and final report due dates from the deadlines setting (1 and 2 months by default)", () => {
    expect(rectificationDueDates("2026-07-31", DEFAULT_DEADLINES)).toEqual({
      planDueOn: "2026-08-31",
      finalReportDueOn: "2026-09-30",
    });
    expect(
      rectificationDueDates("2026-12-20", {
        ...DEFAULT_DEADLINES,
        rectificationPlanAfterFeedback: { amount: 15, unit: "days" },
        finalReportAfterFeedback: { amount: 3, unit: "months" },
      }),
    ).toEqual({ planDueOn: "2027-01-04", finalReportDueOn: "2027-03-20" });
  });
});

describe("China dates", () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("takes the calendar day in China, whatever the machine's time zone", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"]) {
      process.env.TZ = zone;
      expect(chinaDate(new Date("2026-03-31T15:59:59.999Z"))).toBe("2026-03-31");
      expect(chinaDate(new Date("2026-03-31T16:00:00Z"))).toBe("2026-04-01");
      expect(chinaDate(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01");
      expect(chinaDate(new Date("2028-02-28T17:00:00Z"))).toBe("2028-02-29");
    }
  });
});

describe("escalation ladder dates", () => {
  it("reminds from 7 days before the deadline up to the deadline day", () => {
    expect(due(item(), "2026-08-23")).toEqual([]);
    expect(nextEscalationStep(item(), ladder, "2026-08-23")).toEqual({
      step: "reminder",
      dueOn: "2026-08-24",
    });
    expect(dueEscalationSteps(item(), ladder, "2026-08-24")).toEqual([
      { step: "reminder", dueOn: "2026-08-24" },
    ]);
    expect(due(item(), deadline)).toEqual(["reminder"]);
  });

  it("sends the urging letter the day after the deadline, then each step its delay after the previous one", () => {
    expect(sweepDaily(item(), "2026-08-01", "2027-03-01")).toEqual([
      { step: "reminder", on: "2026-08-24" },
      { step: "urgingLetter", on: "2026-09-01" },
      { step: "summons", on: "2026-09-16" },
      { step: "circulation", on: "2026-10-01" },
      { step: "accountability", on: "2026-10-31" },
    ]);
  });

  it("counts a later step from the day the previous one was actually taken", () => {
    // the urging letter went out late, on 09-10: the summons is due 15 days after that
    const i = item([{ step: "urgingLetter", on: "2026-09-10" }]);
    expect(nextEscalationStep(i, ladder, "2026-09-12")).toEqual({ step: "summons", dueOn: "2026-09-25" });
    expect(due(i, "2026-09-24")).toEqual([]);
    expect(due(i, "2026-09-25")).toEqual(["summons"]);
  });

  it("does not send a reminder late: past the deadline without one, the urging letter comes next", () => {
    expect(due(item(), "2026-09-05")).toEqual(["urgingLetter"]);
    expect(escalationLadder(item(), ladder, "2026-09-05")[0]).toEqual({
      step: "reminder",
      status: "skipped",
      on: null,
    });
  });

  it("follows the committee's delays and switched-off steps", () => {
    const custom: EscalationLadder = {
      reminder: { enabled: false, daysBeforeDeadline: 7 },
      urgingLetter: { daysAfterDeadline: 5 },
      summons: { enabled: false, daysAfterPrevious: 15 },
      circulation: { enabled: true, daysAfterPrevious: 10 },
      accountability: { enabled: true, daysAfterPrevious: 1 },
    };
    expect(sweepDaily(item(), "2026-08-01", "2027-03-01", custom)).toEqual([
      { step: "urgingLetter", on: "2026-09-05" },
      { step: "circulation", on: "2026-09-15" },
      { step: "accountability", on: "2026-09-16" },
    ]);
    // a reminder on the deadline day itself
    const sameDay = { ...ladder, reminder: { enabled: true, daysBeforeDeadline: 0 } };
    expect(due(item(), "2026-08-30", sameDay)).toEqual([]);
    expect(due(item(), deadline, sameDay)).toEqual(["reminder"]);
  });

  it("continues above a step recorded out of order, never going back", () => {
    const i = item([{ step: "circulation", on: "2026-09-20" }]);
    expect(nextEscalationStep(i, ladder, "2026-09-21")).toEqual({
      step: "accountability",
      dueOn: "2026-10-20",
    });
    expect(escalationLadder(i, ladder, "2026-09-21").map((r) => r.status)).toEqual([
      "skipped",
      "skipped",
      "skipped",
      "taken",
      "upcoming",
    ]);
  });

  it("escalates only while the item is past due: an extended deadline holds the next step", () => {
    const i = { ...item([{ step: "urgingLetter", on: "2026-09-01" }]), deadline: "2026-12-31" };
    expect(nextEscalationStep(i, ladder, "2026-09-16")).toEqual({ step: "summons", dueOn: "2027-01-01" });
    expect(due(i, "2026-12-31")).toEqual([]);
    expect(due(i, "2027-01-01")).toEqual(["summons"]);
  });

  it("stops when done, and after the last step", () => {
    expect(due(item([], true), "2026-08-25")).toEqual([]);
    expect(due(item([{ step: "urgingLetter", on: "2026-09-01" }], true), "2026-12-01")).toEqual([]);
    expect(nextEscalationStep(item([], true), ladder, "2026-12-01")).toBeNull();
    const finished = item([{ step: "accountability", on: "2026-10-31" }]);
    expect(nextEscalationStep(finished, ladder, "2027-06-01")).toBeNull();
    expect(due(finished, "2027-06-01")).toEqual([]);
  });

  it("is idempotent: once recorded, the same day's sweep finds nothing", () => {
    for (const today of ["2026-08-24", "2026-09-01"]) {
      const before = sweepDaily(item(), "2026-08-01", addDays(today, -1));
      const [step] = dueEscalationSteps(item(before), ladder, today);
      expect(step).toBeDefined();
      const after = item([...before, { step: step!.step, on: today }]);
      expect(dueEscalationSteps(after, ladder, today)).toEqual([]);
      // and a sweep that ran but failed to record finds the same step again
      expect(dueEscalationSteps(item(before), ladder, today)).toEqual([step]);
    }
  });

  it("shows the whole ladder: taken, due now, upcoming with projected days, skipped", () => {
    expect(escalationLadder(item(), ladder, "2026-08-01")).toEqual([
      { step: "reminder", status: "upcoming", on: "2026-08-24" },
      { step: "urgingLetter", status: "upcoming", on: "2026-09-01" },
      { step: "summons", status: "upcoming", on: "2026-09-16" },
      { step: "circulation", status: "upcoming", on: "2026-10-01" },
      { step: "accountability", status: "upcoming", on: "2026-10-31" },
    ]);
    const i = item([
      { step: "reminder", on: "2026-08-24" },
      { step: "urgingLetter", on: "2026-09-03" },
    ]);
    expect(escalationLadder(i, ladder, "2026-09-20")).toEqual([
      { step: "reminder", status: "taken", on: "2026-08-24" },
      { step: "urgingLetter", status: "taken", on: "2026-09-03" },
      { step: "summons", status: "due", on: "2026-09-20" },
      { step: "circulation", status: "upcoming", on: "2026-10-05" },
      { step: "accountability", status: "upcoming", on: "2026-11-04" },
    ]);
    expect(escalationLadder({ ...i, done: true }, ladder, "2026-09-20").map((r) => r.status)).toEqual([
      "taken",
      "taken",
      "skipped",
      "skipped",
      "skipped",
    ]);
  });
});

describe("escalation properties", () => {
  const dayArb = (min: number, max: number) => fc.integer({ min, max }).map((n) => addDays("2026-01-01", n));
  const ladderArb: fc.Arbitrary<EscalationLadder> = fc.record({
    reminder: fc.record({ enabled: fc.boolean(), daysBeforeDeadline: fc.integer({ min: 0, max: 20 }) }),
    urgingLetter: fc.record({ daysAfterDeadline: fc.integer({ min: 1, max: 10 }) }),
    summons: fc.record({ enabled: fc.boolean(), daysAfterPrevious: fc.integer({ min: 1, max: 20 }) }),
    circulation: fc.record({ enabled: fc.boolean(), daysAfterPrevious: fc.integer({ min: 1, max: 20 }) }),
    accountability: fc.record({ enabled: fc.boolean(), daysAfterPrevious: fc.integer({ min: 1, max: 20 }) }),
  });
  const rank = (s: EscalationStep) => ESCALATION_STEPS.indexOf(s);

  it("sweeps on any days take each step once, in order, with its delays, nothing after done", () => {
    fc.assert(
      fc.property(
        ladderArb,
        dayArb(30, 60),
        fc.option(dayArb(0, 200), { nil: undefined }),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        fc.boolean(),
        (l, dl, doneOn, randomDays, daily) => {
          const sweepDays = daily ? randomDays.map(() => true) : randomDays;
          const taken: TakenStep[] = [];
          sweepDays.forEach((sweeps, n) => {
            const day = addDays("2026-01-01", n);
            if (!sweeps) return;
            const i = { deadline: dl, done: doneOn !== undefined && doneOn <= day, taken };
            for (const s of dueEscalationSteps(i, l, day)) {
              expect(s.dueOn <= day).toBe(true);
              taken.push({ step: s.step, on: day });
            }
            // idempotent: right after recording, nothing more is due that day
            expect(dueEscalationSteps({ ...i, taken }, l, day)).toEqual([]);
          });
          for (const [k, t] of taken.entries()) {
            if (doneOn !== undefined) expect(t.on < doneOn).toBe(true);
            const prev = taken[k - 1];
            if (prev) expect(rank(t.step)).toBeGreaterThan(rank(prev.step));
            if (t.step === "reminder") {
              expect(t.on <= dl && t.on >= addDays(dl, -l.reminder.daysBeforeDeadline)).toBe(true);
              expect(l.reminder.enabled).toBe(true);
            } else {
              expect(daysBetween(dl, t.on)).toBeGreaterThanOrEqual(l.urgingLetter.daysAfterDeadline);
            }
            if (t.step === "summons" || t.step === "circulation" || t.step === "accountability") {
              expect(l[t.step].enabled).toBe(true);
              // never skips: the previous enabled step was taken, and long enough ago
              const expectedPrev = ESCALATION_STEPS.slice(1, rank(t.step))
                .filter((s) => s === "urgingLetter" || l[s as "summons"].enabled)
                .at(-1);
              expect(prev?.step).toBe(expectedPrev);
              expect(daysBetween(prev!.on, t.on)).toBeGreaterThanOrEqual(l[t.step].daysAfterPrevious);
            }
          }
          // a daily sweep without done reaches the top of the ladder within the period's days
          if (doneOn === undefined && daily) {
            const top = ESCALATION_STEPS.filter(
              (s) => s === "urgingLetter" || (s !== "reminder" && l[s].enabled),
            ).at(-1);
            expect(taken.at(-1)?.step).toBe(top);
          }
        },
      ),
    );
  });

  it("the ladder view agrees with the next step", () => {
    fc.assert(
      fc.property(ladderArb, dayArb(30, 60), dayArb(0, 120), (l, dl, today) => {
        const i = { deadline: dl, done: false, taken: [] };
        const next = nextEscalationStep(i, l, today);
        const rungs = escalationLadder(i, l, today);
        const first = rungs.find((r) => r.status === "due" || r.status === "upcoming");
        expect(first?.step).toBe(next?.step);
        expect(first?.status).toBe(next && next.dueOn <= today ? "due" : "upcoming");
        const dates = rungs.filter((r) => r.on !== null).map((r) => r.on!);
        expect([...dates].sort()).toEqual(dates);
      }),
    );
  });
});
