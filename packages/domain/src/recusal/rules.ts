/**
 * Recusal (回避) rules of ROLES.md as pure functions: given the facts about a person and a target,
 * each rule returns the conflicts it finds, with a stable code and a Chinese reason naming the facts.
 *
 * Decisions where ROLES.md leaves room (documented here, tested in rules.test.ts):
 *  - Months are "YYYY-MM"; a job or tie from 2019-03 to 2023-06 covers both months (inclusive).
 *    "In the last 3 years" means it ended no more than 36 months before `asOf` (the round's start
 *    month): ended 2023-03, round starting 2026-03 → 36 months → conflict; 2023-02 → 37 → none.
 *    A current post (endMonth null) ends at `asOf`. "Long" means it lasted 36 months or more
 *    (2015-01 to 2017-12 is exactly 3 years).
 *  - Relatives: spouse, lineal relatives, close in-laws, and siblings (the civil-service recusal rule
 *    counts collateral relatives within three generations; the schema records siblings for it).
 *    A relative in the target's leadership team is a conflict for every role. A relative working
 *    anywhere else in the target is a conflict for members and liaisons (they interview and review
 *    the target's staff day to day), not for the leader or deputy, following ROLES.md ("or, for
 *    members, in the target"). When the role is not yet known (suggestions, draws) the member rule
 *    applies, being the stricter one.
 *  - Superior/subordinate ties: a tie with an official of the target that lasted into the last 36
 *    months (or is current).
 *  - Rotation: only when the committee's setting `recusal.rotation` is on (default on).
 *  - Township: a village or community is under its township's party committee, which directs its
 *    work (包村干部, approvals, funds). A person whose own unit is the township, or who held a post
 *    there in the last 3 years, is in conflict for the township's villages and communities.
 */
import { RELATIONS, type Relation } from "../model/enums";
import type { GroupRole } from "../model/roles";

export const RECUSAL_RULES = [
  "job.recent",
  "job.long",
  "relative.leadership",
  "relative.staff",
  "tie.recent",
  "rotation.previous_round",
  "unit.same",
  "unit.township",
  "job.township",
] as const;
export type RecusalRule = (typeof RECUSAL_RULES)[number];

export interface RecusalConflict {
  rule: RecusalRule;
  personId: string;
  targetId: string;
  /** Chinese, names the facts: "曾在该单位工作 2019-03 至 2023-06". */
  reason: string;
}

export interface RecusalJob {
  unit: string;
  targetId: string | null;
  post: string;
  startMonth: string;
  endMonth: string | null;
}

export interface RecusalRelative {
  relation: string;
  name: string;
  targetId: string | null;
  post: string;
  inLeadership: boolean;
}

export interface RecusalTie {
  /** superior: the official was the person's superior; subordinate: the official was under the person. */
  kind: string;
  officialName: string;
  targetId: string | null;
  post: string;
  startMonth: string;
  endMonth: string | null;
}

export interface RecusalPerson {
  id: string;
  name: string;
  unitTargetId: string | null;
  jobs: readonly RecusalJob[];
  relatives: readonly RecusalRelative[];
  ties: readonly RecusalTie[];
  /** Targets the person inspected in the previous round of the term. */
  previousRoundTargetIds: readonly string[];
}

export interface RecusalTarget {
  id: string;
  name: string;
  category: string;
  /** The township of a village or community. */
  parentTargetId: string | null;
}

export interface RecusalContext {
  /** The round's start: "YYYY-MM" or "YYYY-MM-DD". */
  asOf: string;
  /** The person's role in the group; unknown → the strictest (member). */
  role?: GroupRole | undefined;
  /** The committee's setting `recusal.rotation`. */
  rotation: boolean;
  /** The previous round's label for the reason, e.g. "第七轮". */
  previousRoundLabel?: string | undefined;
}

/** The window of "the last 3 years", in months. */
export const RECENT_MONTHS = 36;
/** A post held this many months or more is "long". */
export const LONG_MONTHS = 36;

const MONTH = /^(\d{4})-(\d{2})/;

/** Months since year 0 of a "YYYY-MM" or "YYYY-MM-DD" value. */
export function monthIndex(value: string): number {
  const m = MONTH.exec(value);
  if (!m) throw new Error(`not a month: ${value}`);
  return Number(m[1]) * 12 + (Number(m[2]) - 1);
}

/** Months from `from` to `to` (2023-03 → 2026-03 is 36). */
export const monthsBetween = (from: string, to: string) => monthIndex(to) - monthIndex(from);

const asOfMonth = (ctx: RecusalContext) => ctx.asOf.slice(0, 7);
const endOf = (end: string | null, ctx: RecusalContext) => end ?? asOfMonth(ctx);
/** Ended no more than 36 months before asOf (or still current). */
const isRecent = (end: string | null, ctx: RecusalContext) =>
  end === null || monthsBetween(end, asOfMonth(ctx)) <= RECENT_MONTHS;
/** Inclusive length in months: 2015-01 to 2017-12 is 36. */
const lengthOf = (start: string, end: string | null, ctx: RecusalContext) =>
  monthIndex(endOf(end, ctx)) - monthIndex(start) + 1;
const span = (start: string, end: string | null) => `${start} 至 ${end ?? "今"}`;
const postOf = (post: string) => (post ? ` ${post}` : "");

type Rule = (person: RecusalPerson, target: RecusalTarget, ctx: RecusalContext) => RecusalConflict[];

const conflict = (
  rule: RecusalRule,
  person: RecusalPerson,
  target: RecusalTarget,
  reason: string,
): RecusalConflict => ({ rule, personId: person.id, targetId: target.id, reason });

/** Worked in the target in the last 3 years, or for 3 years or more at any time. */
const jobRule: Rule = (person, target, ctx) =>
  person.jobs.flatMap((job) => {
    if (job.targetId !== target.id) return [];
    const verb = job.endMonth === null ? "现在该单位工作" : "曾在该单位工作";
    const text = `${verb}${postOf(job.post)} ${span(job.startMonth, job.endMonth)}`;
    if (isRecent(job.endMonth, ctx)) return [conflict("job.recent", person, target, `${text}（近三年内）`)];
    const months = lengthOf(job.startMonth, job.endMonth, ctx);
    if (months >= LONG_MONTHS)
      return [conflict("job.long", person, target, `${text}（任职满三年，共 ${months} 个月）`)];
    return [];
  });

const COVERED_RELATIONS = new Set<string>(["spouse", "lineal", "sibling", "inLaw"]);

/** Spouse, lineal relatives, siblings or close in-laws in the target (leadership: everyone; anywhere: members). */
const relativeRule: Rule = (person, target, ctx) => {
  const leaderRole = ctx.role === "leader" || ctx.role === "deputy";
  return person.relatives.flatMap((r) => {
    if (r.targetId !== target.id || !COVERED_RELATIONS.has(r.relation)) return [];
    const who = `${RELATIONS.labels[r.relation as Relation]} ${r.name}`;
    if (r.inLeadership)
      return [
        conflict(
          "relative.leadership",
          person,
          target,
          r.post ? `${who} 任该单位 ${r.post}（领导班子成员）` : `${who} 任该单位领导班子成员`,
        ),
      ];
    if (leaderRole) return [];
    return [conflict("relative.staff", person, target, `${who} 在该单位工作${postOf(r.post)}`)];
  });
};

/** Direct superior or subordinate of an official of the target in the last 3 years. */
const tieRule: Rule = (person, target, ctx) =>
  person.ties.flatMap((tie) => {
    if (tie.targetId !== target.id || !isRecent(tie.endMonth, ctx)) return [];
    const official = `该单位${postOf(tie.post)} ${tie.officialName}`;
    const relation = tie.kind === "superior" ? "的直接下级" : "的直接上级";
    return [
      conflict(
        "tie.recent",
        person,
        target,
        `${span(tie.startMonth, tie.endMonth)} 为${official} ${relation}`,
      ),
    ];
  });

/** Inspected the same target in the previous round of the term, when the committee applies rotation. */
const rotationRule: Rule = (person, target, ctx) => {
  if (!ctx.rotation || !person.previousRoundTargetIds.includes(target.id)) return [];
  const label = ctx.previousRoundLabel ? `（${ctx.previousRoundLabel}）` : "";
  return [conflict("rotation.previous_round", person, target, `上一轮${label}巡察过该单位`)];
};

/** The person's own unit is the target, or the township of the village/community. */
const unitRule: Rule = (person, target) => {
  if (!person.unitTargetId) return [];
  if (person.unitTargetId === target.id)
    return [conflict("unit.same", person, target, "本人工作单位即该单位")];
  if (target.parentTargetId && person.unitTargetId === target.parentTargetId)
    return [conflict("unit.township", person, target, "本人工作单位为该村（社区）所属乡镇")];
  return [];
};

/** A post held in the village's township in the last 3 years. */
const townshipJobRule: Rule = (person, target, ctx) => {
  if (!target.parentTargetId) return [];
  return person.jobs.flatMap((job) =>
    job.targetId === target.parentTargetId && isRecent(job.endMonth, ctx)
      ? [
          conflict(
            "job.township",
            person,
            target,
            `近三年在该村（社区）所属乡镇 ${job.unit} 工作${postOf(job.post)} ${span(job.startMonth, job.endMonth)}`,
          ),
        ]
      : [],
  );
};

const RULES: Rule[] = [unitRule, jobRule, townshipJobRule, relativeRule, tieRule, rotationRule];

/** Every recusal conflict between a person and a target, in a stable order (empty: none). */
export function recusalConflicts(
  person: RecusalPerson,
  target: RecusalTarget,
  context: RecusalContext,
): RecusalConflict[] {
  return RULES.flatMap((rule) => rule(person, target, context));
}
