import { randomUUID } from "node:crypto";
import type { Completion } from "../model/enums";
import type { DemoCalendar, FindingRow, TargetRow, WorkRows } from "./demo-rows";
import { PROGRESS_TEXTS, REOPEN_REASONS, RULES_MADE } from "./finding-bank";
import { personName } from "./names";
import { createRng, type Rng } from "./prng";
import { TARGET_DEPTS } from "./registry";

/**
 * Where a fed-back finding stands in rectification. The ledger shows each one differently:
 * no plan yet, in progress (due soon or not), overdue, reported done awaiting close-out, closed,
 * reopened after a close-out.
 */
export type RectState = "noPlan" | "progress" | "dueSoon" | "overdue" | "reported" | "closed" | "reopened";

export const RECT_STATES: readonly RectState[] = [
  "noPlan",
  "progress",
  "dueSoon",
  "overdue",
  "reported",
  "closed",
  "reopened",
];

const WEIGHTS: [RectState, number][] = [
  ["closed", 34],
  ["reported", 15],
  ["progress", 20],
  ["dueSoon", 6],
  ["overdue", 13],
  ["noPlan", 7],
  ["reopened", 5],
];

export function randomRectState(rng: Rng): RectState {
  let roll = rng.int(
    1,
    WEIGHTS.reduce((s, [, w]) => s + w, 0),
  );
  for (const [state, weight] of WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return state;
  }
  return "progress";
}

export interface RectifyInput {
  rng: Rng;
  cal: DemoCalendar;
  rows: WorkRows;
  names: Set<string>;
  finding: FindingRow;
  target: TargetRow;
  measures: readonly (readonly [string, string])[];
  state: RectState;
  /** Day offset when the target submitted its plan (measures created). */
  planOn: number;
  /** Who entered the plan and the progress (the target's contact, or the office). */
  enteredBy: string;
  /** Who closed and reopened (the office). */
  closedBy: string;
}

/**
 * The outcomes (成效) of a measure reported done: rules made, money recovered, people held
 * accountable. From a generator of its own (seeded by the finding and the measure), so that the rest
 * of the demo draws the same numbers as before.
 */
function outcomesOf(finding: FindingRow, index: number, done: boolean) {
  if (!done) return { rulesMade: [] as string[], moneyRecovered: "0", accountablePersons: 0 };
  const r = createRng(Number(finding.number) * 7919 + index * 104_729 + 17);
  return {
    rulesMade: r.chance(0.45) ? [r.pick(RULES_MADE)] : [],
    moneyRecovered: r.chance(0.25) ? (r.int(5, 480) / 10).toFixed(2) : "0",
    accountablePersons: r.chance(0.15) ? r.int(1, 3) : 0,
  };
}

/**
 * Writes the measures, dated progress updates and close-out rows of one finding so that the
 * finding is in `state`, and sets finding.closedAt to match.
 */
export function rectify(input: RectifyInput): void {
  const { rng, cal, rows, finding, target, state } = input;
  if (state === "noPlan" || input.measures.length === 0) return;
  const committeeId = finding.committeeId;
  const chosen = input.measures.slice(0, rng.chance(0.7) ? 2 : 1);
  const progress = (measureId: string, on: number, completion: Completion) =>
    rows.progressUpdates.push({
      id: randomUUID(),
      committeeId,
      measureId,
      reportedOn: cal.day(on),
      content: rng.pick(PROGRESS_TEXTS[completion]),
      completion,
      createdBy: input.enteredBy,
      createdAt: cal.at(on, 16),
    });

  chosen.forEach(([content, goal], index) => {
    const id = randomUUID();
    let deadline: number;
    let longTerm = false;
    switch (state) {
      case "progress":
        longTerm = index === 1 && rng.chance(0.4);
        deadline = longTerm ? rng.int(150, 240) : rng.int(10, 75);
        break;
      case "dueSoon":
        deadline = index === 0 ? rng.int(2, 6) : rng.int(10, 40);
        break;
      case "overdue":
        deadline = index === 0 ? -rng.int(5, 40) : -rng.int(20, 60);
        break;
      case "reported":
        deadline = rng.int(-20, 20);
        break;
      case "closed":
        deadline = -rng.int(30, 60);
        break;
      case "reopened":
        // The deadline was extended when the finding was reopened.
        deadline = rng.int(20, 40);
        break;
    }
    rows.measures.push({
      id,
      committeeId,
      findingId: finding.id,
      targetId: target.id,
      content,
      goal,
      responsibleLeader: target.principal ?? "",
      responsibleDept: rng.pick(TARGET_DEPTS[target.category as keyof typeof TARGET_DEPTS]),
      responsiblePerson: personName(rng, input.names),
      deadline: cal.day(deadline),
      longTerm,
      ...outcomesOf(
        finding,
        index,
        state === "closed" ||
          state === "reported" ||
          state === "reopened" ||
          (state === "overdue" && index > 0),
      ),
      createdBy: input.enteredBy,
      createdAt: cal.at(input.planOn, 15),
    });
    switch (state) {
      case "progress":
      case "dueSoon":
        // Progress comes after the plan; a plan made yesterday has at most today's update.
        if (rng.chance(0.75) && input.planOn < -1) {
          progress(
            id,
            -rng.int(1, Math.min(40, -input.planOn - 1)),
            rng.chance(0.6) ? "unfinished" : "basicallyDone",
          );
        }
        break;
      case "overdue":
        if (index === 0) progress(id, -rng.int(50, 80), "unfinished");
        else progress(id, -rng.int(20, 45), "done");
        break;
      case "reported":
        progress(id, -rng.int(60, 85), "unfinished");
        progress(id, -rng.int(3, 25), "done");
        break;
      case "closed":
        progress(id, -rng.int(70, 90), "unfinished");
        progress(id, -rng.int(40, 60), "done");
        break;
      case "reopened":
        progress(id, -rng.int(62, 75), "done");
        progress(id, -rng.int(1, 6), "unfinished");
        break;
    }
  });

  const closeOut = (action: "close" | "reopen", on: number, reason = "") =>
    rows.closeOuts.push({
      id: randomUUID(),
      committeeId,
      findingId: finding.id,
      action,
      reason,
      actorId: input.closedBy,
      createdAt: cal.at(on, 11),
    });
  if (state === "closed") {
    const on = -rng.int(15, 35);
    closeOut("close", on);
    finding.closedAt = cal.at(on, 11);
    finding.updatedAt = finding.closedAt;
  }
  if (state === "reopened") {
    closeOut("close", -rng.int(45, 55));
    const reopenedOn = -rng.int(8, 15);
    closeOut("reopen", reopenedOn, rng.pick(REOPEN_REASONS));
    finding.closedAt = null;
    finding.updatedAt = cal.at(reopenedOn, 11);
  }
}
