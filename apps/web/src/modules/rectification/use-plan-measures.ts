import { useMemo } from "react";
import { useRequest } from "../../app/use-request";
import { type TaskRow, taskList, versionMeasureLabels } from "./plan-lists";
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
    const labels = versionMeasureLabels(plan, detail?.versions ?? []);
    return {
      plan,
      tasks: plan ? taskList(plan) : [],
      labelOf: (id: string) => labels.get(id) ?? "整改措施",
    };
  }, [plan, detail?.versions]);
}
