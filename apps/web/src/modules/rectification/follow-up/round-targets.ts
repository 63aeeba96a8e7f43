import { useRequest } from "../../../app/use-request";
import type { EvaluationList } from "./api";

/** The targets a round inspects (from its evaluation list), for the office's pickers; none until a round is chosen. */
export function useRoundTargets(roundId: string | undefined) {
  const list = useRequest<EvaluationList>(roundId ? `/rounds/${roundId}/rectification-evaluations` : null);
  return {
    loading: list.loading,
    options: (list.data?.items ?? []).map((t) => ({ value: t.targetId, label: t.targetName })),
  };
}
