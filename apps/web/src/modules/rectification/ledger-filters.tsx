import { TAXONOMY } from "@xuncha/domain/model";
import { Checkbox, Select } from "antd";
import { useEffect, useState } from "react";
import { LEDGER_STATE_LABELS, type LedgerState } from "../../app/status";
import { useRequest } from "../../app/use-request";
import type { RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";
import type { Rates } from "./api";

/** What the ledger is filtered by; every change goes back to the first page. */
export interface LedgerFilterValues {
  roundId?: string;
  targetId?: string;
  state?: LedgerState;
  category?: string;
  overdue: boolean;
  closed?: "true" | "false";
}

/** The filters as the ledger's query (and its export's) takes them. */
export const ledgerQuery = (f: LedgerFilterValues) => ({
  roundId: f.roundId,
  targetId: f.targetId,
  state: f.state,
  category: f.category,
  overdue: f.overdue ? "true" : undefined,
  closed: f.closed,
});

/**
 * The ledger's filters, held by the page; `change` sets some of them and goes back to the first page.
 * A link may open the ledger on a state (?state=reported from a 待销号审核 notification).
 */
export function useLedgerFilters(setPage: (page: number) => void, linkedState?: string | null) {
  const stateOf = (s: string | null | undefined) =>
    s && Object.hasOwn(LEDGER_STATE_LABELS, s) ? (s as LedgerState) : undefined;
  const [values, setValues] = useState<LedgerFilterValues>(() => ({
    overdue: false,
    state: stateOf(linkedState),
  }));
  const change = (patch: Partial<LedgerFilterValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setPage(1);
  };
  // A notification's link followed while on the ledger already: the new ?state= applies.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new link changes the filter
  useEffect(() => {
    if (linkedState) change({ state: stateOf(linkedState) });
  }, [linkedState]);
  return { values, change };
}

const CATEGORY_OPTIONS = TAXONOMY.map((s) => ({
  label: s.name,
  options: s.categories.map((c) => ({ value: c.key, label: c.name })),
}));

/** A select searched by its options' labels. */
const SEARCHABLE = {
  allowClear: true,
  showSearch: { optionFilterProp: "label" },
  style: { minWidth: 180 },
} as const;

/** 整改台账 filters: round, target, category, closed or not, overdue only, state. */
export function LedgerFilters({
  values,
  onChange,
}: {
  values: LedgerFilterValues;
  onChange: (patch: Partial<LedgerFilterValues>) => void;
}) {
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const targets = useRequest<Rates>("/rectification/rates", { by: "target", roundId: values.roundId });
  return (
    <search className="xc-filters">
      <RoundFilter rounds={rounds} value={values.roundId} onChange={(roundId) => onChange({ roundId })} />
      <Select<string>
        {...SEARCHABLE}
        placeholder="全部被巡察单位"
        aria-label="被巡察单位"
        value={values.targetId}
        onChange={(targetId) => onChange({ targetId })}
        options={(targets.data?.items ?? []).map((t) => ({ value: t.key, label: t.name }))}
      />
      <Select<string>
        {...SEARCHABLE}
        placeholder="全部问题类别"
        aria-label="问题类别"
        value={values.category}
        onChange={(category) => onChange({ category })}
        options={CATEGORY_OPTIONS}
      />
      <Select<"true" | "false">
        allowClear
        placeholder="销号情况"
        aria-label="销号情况"
        value={values.closed}
        onChange={(closed) => onChange({ closed })}
        options={[
          { value: "false", label: "未销号" },
          { value: "true", label: "已销号" },
        ]}
      />
      <Checkbox checked={values.overdue} onChange={(e) => onChange({ overdue: e.target.checked })}>
        只看逾期
      </Checkbox>
      <Select<LedgerState>
        allowClear
        placeholder="全部状态"
        aria-label="整改状态"
        value={values.state}
        onChange={(state) => onChange({ state })}
        options={(Object.keys(LEDGER_STATE_LABELS) as LedgerState[]).map((k) => ({
          value: k,
          label: LEDGER_STATE_LABELS[k],
        }))}
      />
    </search>
  );
}
