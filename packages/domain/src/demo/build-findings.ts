import { randomUUID } from "node:crypto";
import type { ClueDisposition, ClueReceiver, FindingRoute } from "../model/enums";
import { type RectState, randomRectState, rectify } from "./build-rectification";
import type {
  DemoActors,
  DemoCalendar,
  FindingRow,
  GroupRow,
  RoundRow,
  TargetRow,
  WorkRows,
} from "./demo-rows";
import { CLUE_FINDINGS, FEEDBACK_REQUIREMENTS, FINDINGS, type FindingTemplate } from "./finding-bank";
import type { Rng } from "./prng";
import { SECTOR_AUTHORITY } from "./registry";

/** The stage a round is in decides how far its findings went. */
export type WorkStage = "fieldwork" | "reporting" | "feedback" | "rectification";

/** Day offsets (from today) of a round's milestones. */
export interface RoundTimeline {
  start: number;
  end: number;
  decided: number;
  /** Feedback day for the targets that were fed back. */
  feedback: number;
}

interface Disposition {
  disposition: ClueDisposition | null;
  caseFiled?: boolean;
  sanctioned?: number;
  orgHandled?: number;
  judicial?: boolean;
  concluded: boolean;
  result: string;
}

/** Clue dispositions in the order they are dealt out, so that every kind appears. */
const DISPOSITIONS: Disposition[] = [
  {
    disposition: "preliminaryCheck",
    caseFiled: true,
    sanctioned: 1,
    concluded: true,
    result: "经初步核实，反映问题基本属实，经立案审查，给予党内警告处分1人。",
  },
  {
    disposition: "inquiry",
    orgHandled: 1,
    concluded: true,
    result: "经谈话函询，反映问题部分属实，对其进行诫勉，责令作出书面检查。",
  },
  { disposition: "shelved", concluded: false, result: "反映问题线索较为笼统，暂不具备核查条件，暂存待查。" },
  {
    disposition: "closed",
    concluded: true,
    result: "经核查，反映问题不属实，予以了结，已向被反映人澄清正名。",
  },
  { disposition: "preliminaryCheck", concluded: false, result: "" },
  { disposition: null, concluded: false, result: "" },
  {
    disposition: "preliminaryCheck",
    caseFiled: true,
    sanctioned: 1,
    orgHandled: 1,
    judicial: true,
    concluded: true,
    result:
      "经立案审查调查，给予开除党籍、开除公职处分，涉嫌职务犯罪问题移送检察机关依法审查起诉；对负有领导责任的1名干部进行组织处理。",
  },
  {
    disposition: "inquiry",
    concluded: true,
    result: "经谈话函询，本人如实作出说明，反映问题不属实，予以采信了结。",
  },
];

/** The target whose contact logs in as target1: its findings go through every state. */
const SHOWCASE_STATES: RectState[] = [
  "closed",
  "reported",
  "dueSoon",
  "overdue",
  "noPlan",
  "reopened",
  "progress",
  "closed",
];

export interface RoundContext {
  rng: Rng;
  cal: DemoCalendar;
  rows: WorkRows;
  names: Set<string>;
  actors: DemoActors;
  round: RoundRow;
  stage: WorkStage;
  timeline: RoundTimeline;
  /** The group whose people have demo accounts (group1, member1), if in this round. */
  accountGroupId?: string;
  /** The target whose contact has a demo account (target1), if in this round. */
  showcaseTargetId?: string;
  /** Clues numbered so far in this round (线索编号 XC-年份-轮次-序号). */
  clueCount: number;
  /** Next entry of DISPOSITIONS, running over the committee's rounds. */
  dispositions: { next: number };
}

const applicable = (templates: FindingTemplate[], target: TargetRow) =>
  templates.filter((t) => t.for.includes(target.category as FindingTemplate["for"][number]));

/** Writes the findings of one target in one round, with everything that followed from them. */
export function buildTargetFindings(
  ctx: RoundContext,
  group: GroupRow,
  groupIndex: number,
  target: TargetRow,
  targetIndex: number,
): void {
  const { rng, cal, rows, round, stage, timeline, actors } = ctx;
  const showcase = target.id === ctx.showcaseTargetId;
  const count = showcase
    ? SHOWCASE_STATES.length
    : stage === "fieldwork"
      ? rng.int(1, 3)
      : stage === "rectification"
        ? rng.int(4, 7)
        : rng.int(3, 5);
  const templates = rng.shuffle(applicable(FINDINGS, target)).slice(0, count);
  const clueTemplates = applicable(CLUE_FINDINGS, target);
  // The second target of the first group of a finished round has a 选人用人 clue for 组织部.
  const orgClue = stage === "rectification" && groupIndex === 0 && targetIndex === 1;
  const ordinaryClues = clueTemplates.filter((t) => (t.clueReceiver !== undefined) === orgClue);
  const withClue =
    stage !== "fieldwork" && ordinaryClues.length > 0 && (showcase || orgClue || rng.chance(0.45));
  const chosen = withClue ? [...templates, rng.pick(ordinaryClues)] : templates;

  const fedBack =
    stage === "rectification" ||
    (stage === "feedback" && (groupIndex === 0 || (groupIndex === 1 && targetIndex === 0)));
  const feedbackId = fedBack ? randomUUID() : null;
  const feedbackOn = timeline.feedback - targetIndex;
  const inAccountGroup = group.id === ctx.accountGroupId;
  let forcedDepartment = showcase;
  let fedBackCount = 0;

  chosen.forEach((template, index) => {
    const isClue = CLUE_FINDINGS.includes(template);
    const number = round.nextFindingNumber ?? 1;
    round.nextFindingNumber = number + 1;
    const createdOn = rng.int(timeline.start + 3, Math.min(timeline.end - 1, -1));
    const finding: FindingRow = {
      id: randomUUID(),
      committeeId: round.committeeId,
      roundId: round.id,
      groupId: group.id,
      targetId: target.id,
      number,
      title: template.title,
      description: template.description(rng, cal.year()),
      scheme: template.scheme,
      category: template.category,
      severity: template.severity,
      status: "approved",
      createdBy: inAccountGroup ? actors.member1 : actors.office,
      approvedBy: inAccountGroup ? actors.group1 : actors.officeHead,
      approvedAt: cal.at(Math.min(timeline.end + rng.int(1, 5), -1), 17),
      route: null,
      routeDept: "",
      decidedBy: null,
      decidedAt: null,
      feedbackId: null,
      closedAt: null,
      createdAt: cal.at(createdOn, 15),
      updatedAt: cal.at(createdOn, 15),
    };
    rows.findings.push(finding);

    if (stage === "fieldwork") {
      // Drafts wait for the leader's approval; in the demo accounts' group one was approved and
      // one sent back for more evidence.
      const nth = rows.findings.filter((f) => f.groupId === group.id).length - 1;
      const roll = inAccountGroup ? (nth === 0 ? "approved" : nth === 1 ? "returned" : "draft") : undefined;
      const status = roll ?? (rng.chance(0.2) ? "approved" : rng.chance(0.12) ? "returned" : "draft");
      finding.status = status;
      if (status !== "approved") {
        finding.approvedBy = null;
        finding.approvedAt = null;
      } else {
        finding.approvedAt = cal.at(Math.min(createdOn + rng.int(1, 3), -1), 17);
        finding.updatedAt = finding.approvedAt;
      }
      return;
    }

    const decided = isClue || fedBack || rng.chance(0.5);
    if (!decided) {
      finding.updatedAt = finding.approvedAt ?? finding.updatedAt;
      return;
    }
    const route = routeOf(template, target, isClue, forcedDepartment || rng.chance(0.6));
    if (route.route === "department" && forcedDepartment) forcedDepartment = false;
    finding.route = route.route;
    finding.routeDept = route.dept;
    finding.decidedBy = actors.leader;
    finding.decidedAt = cal.at(timeline.decided, 10);
    finding.updatedAt = finding.decidedAt;

    if (route.route === "clue") {
      addClue(ctx, finding, target, template.clueReceiver ?? "disciplineCommission");
      return;
    }
    if (!fedBack || !feedbackId) return;
    finding.feedbackId = feedbackId;
    finding.updatedAt = cal.at(feedbackOn, 15);
    fedBackCount++;

    const state: RectState =
      stage === "feedback"
        ? groupIndex === 0 && targetIndex === 0
          ? "progress"
          : "noPlan"
        : showcase
          ? SHOWCASE_STATES[index % SHOWCASE_STATES.length]!
          : randomRectState(rng);
    rectify({
      rng,
      cal,
      rows,
      names: ctx.names,
      finding,
      target,
      measures: template.measures,
      state,
      planOn: stage === "feedback" ? -2 : feedbackOn + rng.int(15, 25),
      enteredBy: showcase ? actors.target1 : actors.office,
      closedBy: actors.officeHead,
    });
  });

  if (feedbackId && fedBackCount > 0) {
    rows.feedbacks.push({
      id: feedbackId,
      committeeId: round.committeeId,
      roundId: round.id,
      targetId: target.id,
      givenOn: cal.day(feedbackOn),
      form: groupIndex === 1 && targetIndex === 1 ? "written" : "meeting",
      requirements: FEEDBACK_REQUIREMENTS,
      createdBy: actors.office,
      createdAt: cal.at(feedbackOn, 16),
    });
  }
}

function routeOf(
  template: FindingTemplate,
  target: TargetRow,
  isClue: boolean,
  preferDepartment: boolean,
): { route: FindingRoute; dept: string } {
  if (isClue) return { route: "clue", dept: "" };
  if (template.dept && preferDepartment) {
    const dept = template.dept === "组织部" ? "组织部" : SECTOR_AUTHORITY[target.sector ?? ""];
    if (dept) return { route: "department", dept };
  }
  return { route: "rectify", dept: "" };
}

function addClue(ctx: RoundContext, finding: FindingRow, target: TargetRow, receiver: ClueReceiver): void {
  const { rng, cal, round, timeline } = ctx;
  const transferred = Math.min(timeline.decided + rng.int(3, 7), -1);
  ctx.clueCount++;
  // Clues of rounds still being reported or fed back are mostly pending; older ones were disposed.
  const plan: Disposition =
    ctx.stage === "rectification"
      ? DISPOSITIONS[ctx.dispositions.next++ % DISPOSITIONS.length]!
      : ctx.clueCount % 3 === 0
        ? { disposition: "inquiry", concluded: false, result: "" }
        : { disposition: null, concluded: false, result: "" };
  const concluded = plan.concluded ? Math.min(transferred + rng.int(30, 90), -1) : null;
  const year = cal.year(transferred);
  ctx.rows.clues.push({
    id: randomUUID(),
    committeeId: round.committeeId,
    roundId: round.id,
    targetId: target.id,
    findingId: finding.id,
    number: `XC-${year}-${String(round.number).padStart(2, "0")}-${String(ctx.clueCount).padStart(3, "0")}`,
    receiver,
    transferredOn: cal.day(transferred),
    disposition: plan.disposition,
    caseFiled: plan.caseFiled ?? false,
    sanctionedPersons: plan.sanctioned ?? 0,
    orgHandledPersons: plan.orgHandled ?? 0,
    judicialReferral: plan.judicial ?? false,
    result: plan.result,
    concludedOn: concluded === null ? null : cal.day(concluded),
    updatedAt: cal.at(concluded ?? (plan.disposition ? Math.min(transferred + 20, -1) : transferred), 9),
    createdAt: cal.at(transferred, 9),
  });
}
