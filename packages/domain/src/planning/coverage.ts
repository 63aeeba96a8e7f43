import {
  and,
  eq,
  groups,
  groupTargets,
  rounds,
  type Tx,
  targets,
  termExclusions,
  termPlanEntries,
  terms,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { textCell } from "../ledgers/cells";
import { column, defineLedger, type LedgerRow, sequenceColumn } from "../ledgers/spec";
import { writeLedger } from "../ledgers/write-ledger";
import { TARGET_CATEGORIES, type TargetCategory } from "../model/enums";
import { groupName, roundName } from "../rounds/round-name";
import { findReadableTerm } from "./term-scope";

/** The target types coverage is counted by (LIFECYCLE.md §0, the published statistics). */
export const COVERAGE_TYPES = {
  department: "党政机关和部门单位",
  township: "乡镇(街道)",
  village: "村(社区)",
  stateEnterprise: "国有企业",
  secondLevelUnit: "二级单位",
  school: "学校",
  hospital: "医院",
} as const;
export type CoverageType = keyof typeof COVERAGE_TYPES;
export const COVERAGE_TYPE_KEYS = Object.keys(COVERAGE_TYPES) as CoverageType[];

export const coverageTypeOf = (category: string): CoverageType =>
  category === "community"
    ? "village"
    : category in COVERAGE_TYPES
      ? (category as CoverageType)
      : "department";

/** A target's standing in the term, in this order of precedence. */
export const COVERAGE_STATUSES = {
  covered: "已覆盖",
  scheduled: "已安排",
  excluded: "不纳入本届",
  planned: "已规划",
  uncovered: "未覆盖",
} as const;
export type CoverageStatus = keyof typeof COVERAGE_STATUSES;
export const COVERAGE_STATUS_KEYS = Object.keys(COVERAGE_STATUSES) as CoverageStatus[];

/** The definitions the page shows, so that every figure can be checked against the records. */
export const COVERAGE_DEFINITION = [
  "已覆盖：本届某一轮次的巡察组被分配了该对象，且该轮已进入“巡察了解”阶段或已结束（已进驻）。",
  "已安排：已分配给本届尚在“巡察准备”阶段的轮次的巡察组，尚未进驻。",
  "不纳入本届：巡察办在本届规划中注明理由予以排除（如撤并），不计入应覆盖数。",
  "已规划：已采纳的规划方案安排在本届以后的轮次，尚未分配。",
  "未覆盖：以上都不是。应覆盖数 = 对象总数 − 不纳入本届数；覆盖率 = 已覆盖数 ÷ 应覆盖数。",
  "上次巡察：本系统中最近一次已进驻的轮次；系统启用前的巡察取对象库中登记的“上次巡察时间/轮次”。",
];

const hasStarted = (r: { stage: string; status: string }) =>
  r.stage !== "preparation" || r.status === "closed";

export interface TermTargetState {
  id: string;
  name: string;
  category: string;
  type: CoverageType;
  sector: string;
  parentTargetId: string | null;
  parentName: string;
  status: CoverageStatus;
  lastInspectedOn: string | null;
  lastRoundLabel: string;
  /** This term's round and group, when covered or scheduled. */
  termRound: { roundId: string; roundNumber: number; roundName: string; groupName: string } | null;
  planned: { roundNumber: number; groupNumber: number } | null;
  exclusionReason: string | null;
}

/** Every target of the term's committee with its standing in the term (one query per table). */
export async function loadTermTargets(tx: Tx, term: typeof terms.$inferSelect): Promise<TermTargetState[]> {
  const c = term.committeeId;
  const [targetRows, assigned, exclusions, planned] = await Promise.all([
    tx
      .select({
        id: targets.id,
        name: targets.name,
        category: targets.category,
        sector: targets.sector,
        parentTargetId: targets.parentTargetId,
        lastInspectedOn: targets.lastInspectedOn,
        lastRoundLabel: targets.lastRoundLabel,
      })
      .from(targets)
      .where(eq(targets.committeeId, c)),
    tx
      .select({
        targetId: groupTargets.targetId,
        roundId: rounds.id,
        termId: rounds.termId,
        termName: terms.name,
        number: rounds.number,
        stage: rounds.stage,
        status: rounds.status,
        startsOn: rounds.startsOn,
        groupNumber: groups.number,
      })
      .from(groupTargets)
      .innerJoin(rounds, eq(rounds.id, groupTargets.roundId))
      .innerJoin(terms, eq(terms.id, rounds.termId))
      .innerJoin(groups, eq(groups.id, groupTargets.groupId))
      .where(eq(groupTargets.committeeId, c)),
    tx
      .select({ targetId: termExclusions.targetId, reason: termExclusions.reason })
      .from(termExclusions)
      .where(eq(termExclusions.termId, term.id)),
    tx
      .select({
        targetId: termPlanEntries.targetId,
        roundNumber: termPlanEntries.roundNumber,
        groupNumber: termPlanEntries.groupNumber,
      })
      .from(termPlanEntries)
      .where(eq(termPlanEntries.termId, term.id)),
  ]);
  const names = new Map(targetRows.map((t) => [t.id, t.name]));
  const excluded = new Map(exclusions.map((e) => [e.targetId, e.reason]));
  const plan = new Map(planned.map((p) => [p.targetId, p]));
  const lastStarted = new Map<string, (typeof assigned)[number]>();
  const inTerm = new Map<string, (typeof assigned)[number]>();
  for (const a of assigned) {
    if (hasStarted(a)) {
      const prev = lastStarted.get(a.targetId);
      if (!prev || a.startsOn > prev.startsOn) lastStarted.set(a.targetId, a);
    }
    if (a.termId === term.id) {
      const prev = inTerm.get(a.targetId);
      // A started round wins over one in preparation; then the later round.
      if (
        !prev ||
        (hasStarted(a) && !hasStarted(prev)) ||
        (hasStarted(a) === hasStarted(prev) && a.number > prev.number)
      )
        inTerm.set(a.targetId, a);
    }
  }
  return targetRows.map((t) => {
    const last = lastStarted.get(t.id);
    const mine = inTerm.get(t.id);
    const status: CoverageStatus = mine
      ? hasStarted(mine)
        ? "covered"
        : "scheduled"
      : excluded.has(t.id)
        ? "excluded"
        : plan.has(t.id)
          ? "planned"
          : "uncovered";
    const p = plan.get(t.id);
    return {
      id: t.id,
      name: t.name,
      category: t.category,
      type: coverageTypeOf(t.category),
      sector: t.sector,
      parentTargetId: t.parentTargetId,
      parentName: t.parentTargetId ? (names.get(t.parentTargetId) ?? "") : "",
      status,
      lastInspectedOn: last ? last.startsOn : t.lastInspectedOn,
      lastRoundLabel: last ? roundName(last.termName, last.number) : t.lastRoundLabel,
      termRound: mine
        ? {
            roundId: mine.roundId,
            roundNumber: mine.number,
            roundName: roundName(mine.termName, mine.number),
            groupName: groupName(mine.groupNumber),
          }
        : null,
      planned: status === "planned" && p ? { roundNumber: p.roundNumber, groupNumber: p.groupNumber } : null,
      exclusionReason: excluded.get(t.id) ?? null,
    };
  });
}

export interface CoverageFilters {
  type?: CoverageType | undefined;
  status?: CoverageStatus | undefined;
  q?: string | undefined;
}

type Counts = Record<CoverageStatus, number> & { total: number; required: number; remaining: number };
const emptyCounts = (): Counts => ({
  total: 0,
  required: 0,
  remaining: 0,
  covered: 0,
  scheduled: 0,
  excluded: 0,
  planned: 0,
  uncovered: 0,
});

const byTypeThenName = (a: TermTargetState, b: TermTargetState) =>
  COVERAGE_TYPE_KEYS.indexOf(a.type) - COVERAGE_TYPE_KEYS.indexOf(b.type) ||
  (a.parentName || a.name).localeCompare(b.parentName || b.name, "zh-CN") ||
  (a.parentTargetId ? 1 : 0) - (b.parentTargetId ? 1 : 0) ||
  a.name.localeCompare(b.name, "zh-CN");

function matches(t: TermTargetState, f: CoverageFilters) {
  if (f.type && t.type !== f.type) return false;
  if (f.status && t.status !== f.status) return false;
  if (f.q && !t.name.includes(f.q) && !t.parentName.includes(f.q)) return false;
  return true;
}

async function coverageOf(tx: Tx, ctx: Ctx, termId: string) {
  const term = await findReadableTerm(tx, ctx.actor, termId);
  const [states, termRounds] = await Promise.all([
    loadTermTargets(tx, term),
    tx
      .select({ number: rounds.number, stage: rounds.stage, status: rounds.status })
      .from(rounds)
      .where(and(eq(rounds.termId, term.id))),
  ]);
  return { term, states, termRounds };
}

/**
 * The term's coverage (全覆盖): each target's standing with its last inspection, totals by target
 * type, what remains and how many rounds are left. Totals count every target; the list is filtered.
 */
export async function termCoverage(ctx: Ctx, termId: string, filters: CoverageFilters = {}) {
  const { term, states, termRounds } = await coverageOf(ctx.db, ctx, termId);
  const totals = emptyCounts();
  const byType = new Map(COVERAGE_TYPE_KEYS.map((k) => [k, emptyCounts()]));
  for (const t of states) {
    for (const c of [totals, byType.get(t.type)!]) {
      c.total++;
      c[t.status]++;
      if (t.status !== "excluded") c.required++;
      if (t.status !== "excluded" && t.status !== "covered") c.remaining++;
    }
  }
  const rate = (c: Counts) => (c.required ? Math.round((c.covered / c.required) * 1000) / 10 : null);
  const started = termRounds.filter(hasStarted).length;
  const inPreparation = termRounds.filter((r) => !hasStarted(r)).length;
  return {
    term: {
      id: term.id,
      committeeId: term.committeeId,
      name: term.name,
      startsOn: term.startsOn,
      endsOn: term.endsOn,
      plannedRounds: term.plannedRounds,
    },
    rounds: {
      held: termRounds.length,
      started,
      inPreparation,
      future: Math.max(0, term.plannedRounds - termRounds.length),
    },
    totals: { ...totals, rate: rate(totals) },
    byType: COVERAGE_TYPE_KEYS.map((k) => {
      const c = byType.get(k)!;
      return { type: k, label: COVERAGE_TYPES[k], ...c, rate: rate(c) };
    }),
    definition: COVERAGE_DEFINITION,
    targets: states.filter((t) => matches(t, filters)).sort(byTypeThenName),
  };
}

export const COVERAGE_LEDGER = defineLedger({
  sheetName: "全覆盖情况",
  columns: [
    sequenceColumn(),
    column({ key: "name", header: "被巡察党组织", parse: textCell(), width: 36 }),
    column({ key: "type", header: "对象类型", parse: textCell(), width: 16 }),
    column({ key: "category", header: "类别", parse: textCell(), width: 10 }),
    column({ key: "parentName", header: "所属乡镇(街道)", parse: textCell(), width: 18 }),
    column({ key: "sector", header: "所属系统领域", parse: textCell(), width: 14 }),
    column({ key: "status", header: "本届覆盖情况", parse: textCell(), width: 14 }),
    column({ key: "termRound", header: "本届巡察轮次", parse: textCell(), width: 30 }),
    column({ key: "planned", header: "规划轮次", parse: textCell(), width: 16 }),
    column({ key: "lastInspectedOn", header: "上次巡察时间", parse: textCell(), width: 14 }),
    column({ key: "lastRoundLabel", header: "上次巡察轮次", parse: textCell(), width: 30 }),
    column({ key: "exclusionReason", header: "不纳入理由", parse: textCell(), width: 24 }),
  ],
});
type CoverageLedgerRow = LedgerRow<typeof COVERAGE_LEDGER>;

/** The coverage list (filtered as on the page) as an .xlsx; audited with its count. */
export async function exportCoverage(ctx: Ctx, termId: string, filters: CoverageFilters = {}) {
  const coverage = await termCoverage(ctx, termId, filters);
  const rows: CoverageLedgerRow[] = coverage.targets.map((t) => ({
    name: t.name,
    type: COVERAGE_TYPES[t.type],
    category: TARGET_CATEGORIES.labels[t.category as TargetCategory] ?? t.category,
    parentName: t.parentName,
    sector: t.sector,
    status: COVERAGE_STATUSES[t.status],
    termRound: t.termRound ? `${t.termRound.roundName} ${t.termRound.groupName}` : "",
    planned: t.planned ? `第${t.planned.roundNumber}轮第${t.planned.groupNumber}组` : "",
    lastInspectedOn: t.lastInspectedOn ?? "",
    lastRoundLabel: t.lastRoundLabel,
    exclusionReason: t.exclusionReason ?? "",
  }));
  const buffer = await writeLedger(COVERAGE_LEDGER, rows, { title: `${coverage.term.name}巡察全覆盖情况` });
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: "term.coverage_export",
      entity: "term",
      entityId: coverage.term.id,
      committeeId: coverage.term.committeeId,
      summary: { count: rows.length, filters: { ...filters } },
    }),
  );
  return { buffer, fileName: `${coverage.term.name}全覆盖情况.xlsx`, count: rows.length };
}
