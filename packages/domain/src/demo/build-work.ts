import { randomUUID } from "node:crypto";
import type { RoundKind, TargetCategory } from "../model/enums";
import type { GroupRole } from "../model/roles";
import { buildTargetFindings, type RoundTimeline, type WorkStage } from "./build-findings";
import {
  type DemoActors,
  type DemoCalendar,
  emptyWork,
  type PersonRow,
  type TargetRow,
  type WorkRows,
} from "./demo-rows";
import type { Rng } from "./prng";

/** Which targets a group gets: some of a category, or a township with some of its villages. */
type Pick = { category: TargetCategory; n: number } | { township: number; street?: boolean };

export interface RoundPlan {
  kind: RoundKind;
  theme: string;
  stage: WorkStage;
  timeline: RoundTimeline;
  groups: Pick[][];
  /** The group (index) whose liaison has not signed the pledges yet: the gap the round page shows. */
  unsignedLiaisonOfGroup?: number;
}

const dept = (n: number): Pick => ({ category: "department", n });

/** The main county: one round in rectification, one being fed back, one in fieldwork. */
export const MAIN_ROUNDS: RoundPlan[] = [
  {
    kind: "regular",
    theme: "",
    stage: "rectification",
    timeline: { start: -200, end: -165, decided: -145, feedback: -130 },
    groups: [
      [dept(3), { category: "secondLevelUnit", n: 1 }],
      [dept(2), { category: "stateEnterprise", n: 1 }, { category: "school", n: 1 }],
      [{ township: 0, street: true }, dept(1), { category: "hospital", n: 1 }],
    ],
  },
  {
    kind: "thematic",
    theme: "乡村振兴领域专项巡察",
    stage: "feedback",
    timeline: { start: -95, end: -60, decided: -40, feedback: -8 },
    groups: [[{ township: 3 }], [{ township: 3 }], [{ township: 3 }]],
  },
  {
    kind: "regular",
    theme: "",
    stage: "fieldwork",
    timeline: { start: -20, end: 20, decided: 0, feedback: 0 },
    unsignedLiaisonOfGroup: 2,
    groups: [
      [dept(2), { category: "school", n: 1 }, { category: "hospital", n: 1 }],
      [dept(2), { category: "stateEnterprise", n: 1 }],
      [{ township: 2, street: true }],
    ],
  },
];

/** The second county: one round in rectification and one being reported. */
export const SECOND_ROUNDS: RoundPlan[] = [
  {
    kind: "regular",
    theme: "",
    stage: "rectification",
    timeline: { start: -230, end: -195, decided: -175, feedback: -160 },
    groups: [
      [dept(2), { township: 0 }],
      [dept(2), { category: "school", n: 1 }],
    ],
  },
  {
    kind: "regular",
    theme: "",
    stage: "reporting",
    timeline: { start: -90, end: -55, decided: -12, feedback: 0 },
    groups: [[dept(2), { category: "secondLevelUnit", n: 1 }], [{ township: 2 }]],
  },
];

const GROUP_NUMBERS = ["一", "二", "三", "四", "五"];

export interface CountyWorkInput {
  rng: Rng;
  cal: DemoCalendar;
  names: Set<string>;
  actors: DemoActors;
  committeeId: string;
  termName: string;
  plans: RoundPlan[];
  targets: TargetRow[];
  people: PersonRow[];
  /** Pool people with a demo account: they lead / sit in group 1 of the last round only. */
  accountLeader?: PersonRow;
  accountMember?: PersonRow;
  /** The target of the first round whose contact has a demo account. */
  showcaseTarget?: TargetRow;
  dispositions: { next: number };
}

/** A term with its rounds, groups, assignments and everything that followed from them. */
export function buildCountyWork(input: CountyWorkInput): WorkRows {
  const { rng, cal, committeeId } = input;
  const rows = emptyWork();
  const startYear = cal.year(-300);
  const term = {
    id: randomUUID(),
    committeeId,
    name: input.termName,
    startsOn: `${startYear}-01-01`,
    endsOn: `${startYear + 4}-12-31`,
  };
  rows.terms.push(term);
  const pickTargets = targetPicker(input.targets, input.showcaseTarget);
  const reserved = new Set([input.accountLeader?.id, input.accountMember?.id]);

  input.plans.forEach((plan, roundIndex) => {
    const last = roundIndex === input.plans.length - 1;
    const round = {
      id: randomUUID(),
      committeeId,
      termId: term.id,
      number: roundIndex + 1,
      kind: plan.kind,
      theme: plan.theme,
      startsOn: cal.day(plan.timeline.start),
      endsOn: cal.day(plan.timeline.end),
      stage: plan.stage,
      status: "open",
      nextFindingNumber: 1,
      createdAt: cal.at(plan.timeline.start - 30, 9),
    };
    rows.rounds.push(round);
    const leaders = rng.shuffle(
      input.people.filter((p) => p.pool === "leader" && p.available && !reserved.has(p.id)),
    );
    const talents = rng.shuffle(
      input.people.filter((p) => p.pool === "talent" && p.available && !reserved.has(p.id)),
    );
    const ctx = {
      rng,
      cal,
      rows,
      names: input.names,
      actors: input.actors,
      round,
      stage: plan.stage,
      timeline: plan.timeline,
      showcaseTargetId: roundIndex === 0 ? input.showcaseTarget?.id : undefined,
      accountGroupId: undefined as string | undefined,
      clueCount: 0,
      dispositions: input.dispositions,
    };

    plan.groups.forEach((picks, groupIndex) => {
      const group = {
        id: randomUUID(),
        committeeId,
        roundId: round.id,
        number: groupIndex + 1,
        name: `第${GROUP_NUMBERS[groupIndex]}巡察组`,
        createdAt: cal.at(plan.timeline.start - 20, 9),
      };
      rows.groups.push(group);
      const withAccounts = last && groupIndex === 0 && input.accountLeader !== undefined;
      if (withAccounts) ctx.accountGroupId = group.id;
      const member = (person: PersonRow | undefined, role: GroupRole) => {
        if (person) rows.groupMembers.push({ groupId: group.id, personId: person.id, committeeId, role });
      };
      member(withAccounts ? input.accountLeader : leaders.shift(), "leader");
      member(leaders.shift() ?? talents.shift(), "deputy");
      if (withAccounts) member(input.accountMember, "member");
      for (let i = withAccounts ? 1 : 0; i < 3; i++) member(talents.shift(), "member");
      member(talents.shift(), "liaison");

      const assigned = picks.flatMap(pickTargets);
      // Both pledges are signed at the mobilization meeting; a membership grants nothing without them.
      const unsigned =
        plan.unsignedLiaisonOfGroup === groupIndex
          ? rows.groupMembers.find((m) => m.groupId === group.id && m.role === "liaison")?.personId
          : undefined;
      for (const m of rows.groupMembers) {
        if (m.groupId !== group.id || m.personId === unsigned) continue;
        for (const kind of ["confidentiality", "integrity"] as const) {
          rows.commitments.push({
            id: randomUUID(),
            committeeId,
            roundId: round.id,
            personId: m.personId,
            kind,
            signedOn: cal.day(plan.timeline.start - 3),
            fileId: null,
            recordedBy: input.actors.office,
            createdAt: cal.at(plan.timeline.start - 3, 16),
          });
        }
      }

      assigned.forEach((target, targetIndex) => {
        rows.groupTargets.push({ groupId: group.id, targetId: target.id, roundId: round.id, committeeId });
        buildTargetFindings(ctx, group, groupIndex, target, targetIndex);
      });
    });
  });
  return rows;
}

/**
 * Hands out targets in registry order, each at most once in the term (so a target is never in
 * two groups of a round, and the rounds progress towards coverage). The showcase target goes first.
 */
function targetPicker(targets: TargetRow[], showcase: TargetRow | undefined) {
  const used = new Set<string>();
  const take = (t: TargetRow) => {
    used.add(t.id);
    return t;
  };
  const free = (predicate: (t: TargetRow) => boolean) =>
    targets.filter((t) => !used.has(t.id) && predicate(t));
  return (pick: Pick): TargetRow[] => {
    if ("category" in pick) {
      const out: TargetRow[] = [];
      if (showcase && !used.has(showcase.id) && showcase.category === pick.category) out.push(take(showcase));
      for (const t of free((x) => x.category === pick.category)) {
        if (out.length >= pick.n) break;
        out.push(take(t));
      }
      return out;
    }
    const isStreet = (t: TargetRow) => t.orgForm === "党工委";
    const [township] = free((t) => t.category === "township" && isStreet(t) === (pick.street ?? false));
    if (!township) return [];
    const children = free((t) => t.parentTargetId === township.id).slice(0, pick.township);
    return [take(township), ...children.map(take)];
  };
}
