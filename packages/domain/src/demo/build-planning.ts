import { randomUUID } from "node:crypto";
import { hashConductCode, newConductCode } from "../evaluations/conduct-code";
import { DEFAULT_GROUP_EVALUATION_CRITERIA, gradeOf } from "../evaluations/criteria";
import type { PlanLimits } from "../planning/plan-limits";
import type {
  ConductCodeRow,
  ConductResponseRow,
  DemoActors,
  DemoCalendar,
  EvaluationRow,
  ExclusionRow,
  RoundRow,
  TargetRow,
  WorkRows,
} from "./demo-rows";
import type { Rng } from "./prng";

/** The planner's limits the office has set for the main county's term. */
export const MAIN_PLAN_LIMITS: PlanLimits = {
  groupsPerRound: 2,
  targetsPerGroup: 5,
  villagesPerGroup: 6,
  membersPerGroup: 3,
  maxConsecutiveRounds: 2,
  keepVillagesWithTownship: true,
  roundSectors: {},
};

/**
 * The main county's round in preparation: thematic, its theme naming a sector (教育). Its leader and
 * members are drawn among those with the expertise an education round calls for (the funds, the
 * canteens, the building works), which the demo accounts' people do not have: they stay in their group.
 */
export const PREP_ROUND = {
  theme: "教育领域专项巡察",
  start: 25,
  end: 60,
  created: -12,
  leaderExpertise: ["财会", "审计"],
  memberExpertise: ["财会", "审计", "组织"],
};

export interface PlanningInput {
  rng: Rng;
  cal: DemoCalendar;
  work: WorkRows;
  committeeId: string;
  targets: TargetRow[];
  plannedRounds: number;
  limits: PlanLimits;
  /** Add the preparation round (main county). */
  prepRound: boolean;
  /** Villages of the last township left out of the term as merged (撤并). */
  mergedVillages: number;
  /** Leave out the 住房公积金管理中心 as transferred to the city (划转). */
  transfer: boolean;
}

export interface CountyPlanning {
  exclusions: ExclusionRow[];
  prepRound?: RoundRow;
  /** The schools the preparation round's group is formed for (at load, through the domain). */
  prepSchoolIds: string[];
}

/**
 * The county's term plan: planned rounds and the planner's limits on the term, a few targets left
 * out of the term (撤并, 划转) with their reason, and, for the main county, a thematic round in
 * preparation (教育) whose group is formed at load by draws, so that it goes through the real rules.
 */
export function buildCountyPlanning(input: PlanningInput): CountyPlanning {
  const { cal, work, committeeId } = input;
  const term = work.terms.find((t) => t.committeeId === committeeId)!;
  term.plannedRounds = input.plannedRounds;
  term.planLimits = input.limits;
  const assigned = new Set(work.groupTargets.map((gt) => gt.targetId));
  const free = input.targets.filter((t) => !assigned.has(t.id));
  const name = (t: TargetRow) => t.name.replace(/(党支部|党总支)$/, "");

  const exclusions: ExclusionRow[] = [];
  // Villages of the last township, merged into a neighbour (村级建制调整).
  const townships = free.filter((t) => t.category === "township" && !t.name.includes("街道"));
  const lastTownship = townships.at(-1);
  const villages = free.filter((t) => t.parentTargetId === lastTownship?.id);
  for (let i = 0; i < Math.min(input.mergedVillages, villages.length - 1); i++) {
    const merged = villages[i]!;
    const into = villages[villages.length - 1]!;
    exclusions.push({
      termId: term.id,
      targetId: merged.id,
      committeeId,
      reason: `村级建制调整，${cal.year(-200)}年${cal.day(-200).slice(5, 7).replace(/^0/, "")}月并入${name(into)}，不再单独设置党组织（撤并）`,
    });
  }
  const transferred = free.find((t) => t.name.includes("住房公积金"));
  if (transferred && input.transfer)
    exclusions.push({
      termId: term.id,
      targetId: transferred.id,
      committeeId,
      reason: "机构改革中划转市住房公积金管理中心垂直管理，由市委巡察，不纳入本届县委巡察",
    });

  if (!input.prepRound) return { exclusions, prepSchoolIds: [] };
  const last = work.rounds
    .filter((r) => r.committeeId === committeeId)
    .reduce((n, r) => Math.max(n, r.number), 0);
  const prepRound: RoundRow = {
    id: randomUUID(),
    committeeId,
    termId: term.id,
    number: last + 1,
    kind: "thematic",
    theme: PREP_ROUND.theme,
    startsOn: cal.day(PREP_ROUND.start),
    endsOn: cal.day(PREP_ROUND.end),
    stage: "preparation",
    status: "open",
    nextFindingNumber: 1,
    createdAt: cal.at(PREP_ROUND.created, 9),
  };
  work.rounds.push(prepRound);
  const schools = free.filter((t) => t.category === "school");
  // Three schools now; the planner is left one (特殊教育学校) to place.
  const prepSchoolIds = schools
    .filter((_, i) => i !== 2)
    .slice(0, 3)
    .map((t) => t.id);
  return { exclusions, prepRound, prepSchoolIds };
}

export interface EvaluationRows {
  evaluations: EvaluationRow[];
  conductCodes: ConductCodeRow[];
  conductResponses: ConductResponseRow[];
}

const COMMENTS: Record<string, string> = {
  优秀: "组长履职尽责，发现问题精准，线索移交规范，底稿扎实，按期完成各项工作。",
  良好: "能够按照巡察工作方案开展工作，发现问题较为全面，个别底稿需进一步规范。",
  一般: "基本完成巡察任务，发现问题深度不够，工作事项有延误，需加强业务学习。",
  较差: "未能按期完成巡察任务。",
};
const REMARKS = [
  "巡察组纪律严明，谈话细致，没有给单位增加负担。",
  "工作作风扎实，调阅资料规范，严格保密。",
  "建议进一步加强与单位的沟通，提前告知调阅资料清单。",
  "巡察组同志平易近人，指出问题一针见血。",
];

/**
 * 一巡一评 for the rounds past their reporting: every group of a round in rectification is scored on
 * the default criteria (total and grade as the domain computes them), and the conduct questionnaire
 * was answered anonymously by the targets (codes issued per target, most used). A round being fed
 * back has its codes issued and some answers, and waits for the office's scores.
 */
export function buildEvaluations(
  rng: Rng,
  cal: DemoCalendar,
  work: WorkRows,
  actors: DemoActors,
): EvaluationRows {
  const out: EvaluationRows = { evaluations: [], conductCodes: [], conductResponses: [] };
  const criteria = DEFAULT_GROUP_EVALUATION_CRITERIA;
  const maxTotal = criteria.criteria.reduce((s, c) => s + c.max, 0);
  const today = cal.day(0);
  const clamp = (iso: string) => (iso > today ? today : iso);
  const addDays = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (const round of work.rounds) {
    if (round.stage !== "rectification" && round.stage !== "feedback") continue;
    const scored = round.stage === "rectification";
    for (const group of work.groups.filter((g) => g.roundId === round.id)) {
      const targetIds = work.groupTargets.filter((gt) => gt.groupId === group.id).map((gt) => gt.targetId);
      for (const targetId of targetIds) {
        const issued = 3;
        const used = scored ? rng.int(2, 3) : rng.int(0, 2);
        for (let i = 0; i < issued; i++) {
          const answeredOn = clamp(addDays(round.endsOn, rng.int(1, 6)));
          out.conductCodes.push({
            id: randomUUID(),
            committeeId: round.committeeId,
            groupId: group.id,
            targetId,
            codeHash: hashConductCode(newConductCode()),
            usedAt: i < used ? new Date(`${answeredOn}T00:00:00Z`) : null,
            createdAt: new Date(`${addDays(round.endsOn, -2)}T09:00:00Z`),
          });
          if (i >= used) continue;
          const answers: Record<string, number | string> = {};
          for (const q of criteria.conductQuestions)
            answers[q.code] = rng.chance(0.75) ? 5 : rng.chance(0.8) ? 4 : 3;
          if (rng.chance(0.3)) answers.remark = rng.pick(REMARKS);
          out.conductResponses.push({
            id: randomUUID(),
            committeeId: round.committeeId,
            groupId: group.id,
            answers,
            answeredOn,
          });
        }
      }
      if (!scored) continue;
      const strength = rng.pick([0.95, 0.88, 0.82, 0.7]);
      const scores = criteria.criteria.map((c) => {
        const share = Math.min(1, Math.max(0.4, strength + (rng.next() - 0.5) * 0.12));
        return {
          code: c.code,
          title: c.title,
          max: c.max,
          score: Math.round(c.max * share * 2) / 2,
          note: "",
        };
      });
      const total = scores.reduce((s, x) => s + x.score, 0);
      const grade = gradeOf(total, maxTotal, criteria.thresholds);
      out.evaluations.push({
        id: randomUUID(),
        committeeId: round.committeeId,
        roundId: round.id,
        groupId: group.id,
        scores,
        total: total.toFixed(2),
        grade,
        comment: COMMENTS[grade] ?? "",
        evaluatedBy: actors.officeHead,
        evaluatedAt: new Date(`${clamp(addDays(round.endsOn, 30))}T08:00:00Z`),
      });
    }
  }
  return out;
}
