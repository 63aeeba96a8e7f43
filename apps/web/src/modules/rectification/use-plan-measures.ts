import { useMemo } from "react";
import { useRequest } from "../../app/use-request";
import { measureLabels, type TaskRow, taskList } from "./plan-lists";
import { isPlanDraft, type PlanDraft, type SubjectDetail, type SubjectSummary } from "./review-api";

export interface PlanMeasures {
  /** The plan's live draft (the subject's own, or the plan of a report's feedback); null while loading. */
  plan: PlanDraft | null;
  /** The plan's measures in order, labelled. */
  tasks: TaskRow[];
  /** "问题 3 · 措施 2" for a measure id, also for measures since removed from the plan. */
  labelOf: (measureId: string) => string;
}

/**
 * The measures of the plan a subject belongs to: a plan's own draft, or, for a progress or final
 * report (whose entries are keyed by measure id), the plan subject of the same feedback.
 */
export function usePlanMeasures(detail: SubjectDetail | undefined): PlanMeasures {
  const subject = detail?.subject;
  const draft = detail?.draft;
  // A plan's draft holds its problems and measures; a report's draft gives them too (the entries follow them).
  const own: PlanDraft | null = draft?.findings
    ? { summary: isPlanDraft(draft) ? draft.summary : "", findings: draft.findings }
    : null;
  const needPlan = !!subject && subject.kind !== "plan" && !own;
  const plans = useRequest<{ items: SubjectSummary[] }>(
    needPlan ? "/rectification/subjects" : null,
    needPlan ? { kind: "plan", targetId: subject.target.id, roundId: subject.round.id } : undefined,
  );
  const planId = plans.data?.items.find((p) => p.feedbackId === subject?.feedbackId)?.id;
  const planDetail = useRequest<SubjectDetail>(
    needPlan && planId ? `/rectification/subjects/${planId}` : null,
  );
  const other = planDetail.data && isPlanDraft(planDetail.data.draft) ? planDetail.data.draft : null;
  const plan = own ?? other;

  return useMemo(() => {
    const labels = plan ? measureLabels(plan) : new Map<string, string>();
    const numbers = new Map((plan?.findings ?? []).map((f) => [f.id, f.number]));
    // Measures no longer in the draft: named by their problem from the versions that held them.
    for (const v of detail?.versions ?? []) {
      for (const m of v.content.measures) {
        if (labels.has(m.id)) continue;
        const n = numbers.get(String(m.fields.findingId ?? ""));
        labels.set(m.id, n ? `问题 ${n} · 已删除的措施` : "已删除的措施");
      }
    }
    return {
      plan,
      tasks: plan ? taskList(plan) : [],
      labelOf: (id: string) => labels.get(id) ?? "整改措施",
    };
  }, [plan, detail?.versions]);
}
