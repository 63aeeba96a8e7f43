import type { PlanDraft, PlanDraftMeasure } from "./review-api";

/**
 * The three lists of a rectification plan (问题清单、任务清单、责任清单): views of the same measures,
 * as the office's 整改台账 lays them out.
 */

export interface ProblemRow {
  key: string;
  number: number;
  title: string;
  category: string;
  measureCount: number;
  /** The latest deadline of its measures ("" when none). */
  deadline: string;
  /** Distinct responsible leaders, in measure order. */
  leaders: string;
  longTerm: boolean;
}

export interface TaskRow extends PlanDraftMeasure {
  key: string;
  /** "问题 3 · 措施 2" */
  label: string;
  findingNumber: number;
  findingTitle: string;
}

export interface ResponsibilityRow {
  key: string;
  label: string;
  content: string;
  responsibleLeader: string;
  responsibleDept: string;
  responsiblePerson: string;
  deadline: string;
}

const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

export function problemList(plan: PlanDraft): ProblemRow[] {
  return plan.findings.map((f) => ({
    key: f.id,
    number: f.number,
    title: f.title,
    category: f.categoryName ?? f.category,
    measureCount: f.measures.length,
    deadline:
      f.measures
        .map((m) => m.deadline)
        .sort()
        .at(-1) ?? "",
    leaders: distinct(f.measures.map((m) => m.responsibleLeader)).join("、"),
    longTerm: f.measures.some((m) => m.longTerm),
  }));
}

export function taskList(plan: PlanDraft): TaskRow[] {
  return plan.findings.flatMap((f) =>
    f.measures.map((m, i) => ({
      ...m,
      key: m.id,
      label: `问题 ${f.number} · 措施 ${i + 1}`,
      findingNumber: f.number,
      findingTitle: f.title,
    })),
  );
}

export function responsibilityList(plan: PlanDraft): ResponsibilityRow[] {
  return taskList(plan).map((t) => ({
    key: t.key,
    label: t.label,
    content: t.content,
    responsibleLeader: t.responsibleLeader,
    responsibleDept: t.responsibleDept,
    responsiblePerson: t.responsiblePerson,
    deadline: t.deadline,
  }));
}

/** Problems without any measure: the plan cannot be submitted until each has one. */
export const problemsWithoutMeasures = (plan: PlanDraft) =>
  plan.findings.filter((f) => f.measures.length === 0);

/** Labels of the measures by id ("问题 3 · 措施 2"), for showing opinions and diffs next to a measure. */
export function measureLabels(plan: PlanDraft): Map<string, string> {
  return new Map(taskList(plan).map((t) => [t.id, t.label]));
}

/**
 * Labels of every measure a subject's versions name: the plan's own ("问题 3 · 措施 2"), and for
 * a measure since removed from the plan, its problem from the version that held it.
 */
export function versionMeasureLabels(
  plan: PlanDraft | null,
  versions: readonly {
    content: { measures: readonly { id: string; fields: Readonly<Record<string, unknown>> }[] };
  }[],
): Map<string, string> {
  const labels = plan ? measureLabels(plan) : new Map<string, string>();
  const numbers = new Map((plan?.findings ?? []).map((f) => [f.id, f.number]));
  for (const v of versions) {
    for (const m of v.content.measures) {
      if (labels.has(m.id)) continue;
      const n = numbers.get(String(m.fields.findingId ?? ""));
      labels.set(m.id, n ? `问题 ${n} · 已删除的措施` : "已删除的措施");
    }
  }
  return labels;
}
